"""Local development and ``make demo``: debug on, console email, SQLite by default."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])

# CMI card payments: with no CMI variables set, ``make demo`` takes cards through the local
# simulator (shop/payment/cmi_simulator.py) with a test merchant id and store key. Setting
# CMI_CLIENT_ID, CMI_STORE_KEY and CMI_GATEWAY_URL (CMI's test gateway) is the only change.
CMI_SIMULATOR = env.bool("CMI_SIMULATOR", default=True)
if not env("CMI_GATEWAY_URL", default="") and CMI_SIMULATOR:
    CMI_CLIENT_ID = "600000000"
    CMI_STORE_KEY = "SIMULATOR-store-key|demo\\"  # noqa: S105 - simulator only, not a secret
    CMI_GATEWAY_URL = "/payments/cmi-simulator/"
    CMI_ENABLED = True
