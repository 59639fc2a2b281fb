"""The CMI gateway's entry points and the local simulator, outside the language prefix
(included under ``/payments/`` by ``config/urls.py``)."""

from django.urls import path

from . import cmi_simulator, cmi_views

urlpatterns = [
    path("cmi/callback/", cmi_views.callback, name="cmi-callback"),
    path("cmi/ok/", cmi_views.browser_return, name="cmi-ok"),
    path("cmi/fail/", cmi_views.browser_return, name="cmi-fail"),
    # The simulator answers 404 unless DEBUG or CMI_SIMULATOR (never in production).
    path("cmi-simulator/", cmi_simulator.gateway, name="cmi-simulator"),
    path("cmi-simulator/decide/", cmi_simulator.decide, name="cmi-simulator-decide"),
]
