"""Settings shared by every environment.

Everything that varies between machines comes from environment variables (read with
django-environ). The defaults make ``make demo`` work with nothing set: an embedded
SQLite database, a local-memory cache, database search and offline payment methods.
Optional services switch on only when their variable is present:

* ``REDIS_URL``          cache and sessions on Redis
* ``ELASTICSEARCH_URL``  search on Elasticsearch
* ``STRIPE_SECRET_KEY`` + ``STRIPE_PUBLISHABLE_KEY``  card payments abroad (Stripe)
* ``CMI_CLIENT_ID`` + ``CMI_STORE_KEY`` + ``CMI_GATEWAY_URL``  Moroccan card payments (CMI)
* ``EMAIL_URL``          outgoing mail over SMTP (console otherwise)
"""

import sys
import warnings
from decimal import Decimal
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import environ
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F401,F403  (Oscar's settings block starts here)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env file is optional; nothing in the default set-up needs one.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --------------------------------------------------------------------------------------
# Core
# --------------------------------------------------------------------------------------
SECRET_KEY = env("SECRET_KEY", default="insecure-dev-key-only-for-local-use")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_NAME = "Takafamap"
# Every absolute link in emails, feeds, sitemaps and receipts starts with BASE_URL; the Site
# rows of Django and Wagtail follow it after each migrate (core/sites.py). Production refuses
# to start without it.
BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BASE_URL

# --------------------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------------------
# Grouped as cookiecutter-django does: Django's own apps, third-party apps, ours
# (https://docs.djangoproject.com/en/5.2/ref/settings/#installed-apps). Order matters where
# two apps ship the same thing: the first listed wins for templates, static files and
# translations (https://docs.djangoproject.com/en/5.2/ref/templates/api/#django.template.loaders.app_directories.Loader,
# https://docs.djangoproject.com/en/5.2/topics/i18n/translation/#how-django-discovers-translations),
# the first listed wins for a management command's name, and ``ready()`` runs in this order.
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: WhiteNoise's ``runserver`` replaces Django's (serves static files
    # as production does; https://whitenoise.readthedocs.io/en/stable/django.html).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

# Wagtail (https://docs.wagtail.org/en/stable/getting_started/integrating_into_django.html)
WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.locales",
    # haystack must stay above wagtail.search (both ship an ``update_index`` command).
    "haystack",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

# django-oscar, with our forks in the place of Oscar's own app, as Oscar's docs ask
# (https://django-oscar.readthedocs.io/en/stable/topics/fork_app.html); the forks live in shop/.
OSCAR_APPS = [
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "shop.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "shop.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "shop.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "shop.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Oscar's dependencies
    "widget_tweaks",
    "django_tables2",
    "treebeard",
    "sorl.thumbnail",
    "django_filters",
]

THIRD_PARTY_APPS = [
    *OSCAR_APPS,
    # The task queue's database backend (TASKS_BACKEND=database; worker: manage.py db_worker)
    "django_tasks_db",
    "phonenumber_field",
    "bootstrap",  # Bootstrap 5 static files (django-bootstrap-static), LTR and RTL builds
]

# Ours: one line each in README ("Layout"); they depend one way (pyproject.toml, lint-imports).
LOCAL_APPS = [
    "core",  # infrastructure every app uses; depends on no app of ours
    "directory",  # the taxonomy (sectors, disciplines, provinces) and directory profiles
    "cms",  # Wagtail page types of the editorial site
    "sitesearch",  # the site-wide search page
    "shop.creators.apps.CreatorsConfig",  # the creator space and the public shop pages
    "youth",  # event registrations, the youth database, personal-data rights
    "hackathon",  # hackathon calls, jury, onboarding, accompaniment, indicators
    "shop.market.apps.MarketConfig",  # L'Karfour, the youth culture market
    "shop.payouts.apps.PayoutsConfig",  # creators' earnings and payouts ledger
    "shop.downloads.apps.DownloadsConfig",  # download links for digital products
    "shop.quotes.apps.QuotesConfig",  # quotes for services (requests, versions, thread)
    "notifications",  # Web Push notices and each person's choice per kind (push, email)
    "demo",  # seed_demo and seed_scale: demo and benchmark data only
]

INSTALLED_APPS = [
    # Our user model, first: it has always come before wagtail.users (the order the site is
    # tested with; https://docs.wagtail.org/en/stable/extending/custom_user_models.html).
    "accounts",
    # Wagtail before Django's apps: for words both translate ("Save", "Log out"…), Wagtail's
    # French and Arabic translations are the ones the admin shows.
    *WAGTAIL_APPS,
    *DJANGO_APPS,
    *THIRD_PARTY_APPS,
    *LOCAL_APPS,
]

MIDDLEWARE = [
    # First: the request id, one log line and the metrics of every request (core.requestlog).
    "core.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "core.security.NullCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The Django admin and Oscar's dashboard: superusers only (staff use the Wagtail admin).
    "accounts.middleware.SuperuserOnlyAreasMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.security.ShopCookiesMiddleware",  # Secure + SameSite on Oscar's cookies
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: whole pages for anonymous visitors (core/cache.py says what is cached and when).
    "core.cache.PageCacheMiddleware",
    # Wagtail's Site of each host kept per process under the page cache's generation.
    "core.sites.WagtailSiteMiddleware",
]
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Product and profile cards and the main menu, shared by every visitor (core/fragments.py).
FRAGMENT_CACHE_ENABLED = env.bool("FRAGMENT_CACHE_ENABLED", default=True)
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                "core.context_processors.site",
            ],
            # Oscar's templates load ``currency_filters``; ours formats MAD per locale.
            # Oscar's ``url_tags`` (absolute links in its emails) write BASE_URL's links.
            "libraries": {
                "currency_filters": "core.templatetags.money",
                "url_tags": "core.templatetags.site_urls",
            },
        },
    }
]

# --------------------------------------------------------------------------------------
# Database, cache, sessions
# --------------------------------------------------------------------------------------


def _database_from_env():
    """``DATABASE_URL`` parsed; a malformed one stops start-up with one line naming it
    (without echoing the URL, which may hold a password)."""
    url = env("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    try:
        with warnings.catch_warnings():
            # django-environ only warns about an unknown scheme and returns no ENGINE.
            warnings.simplefilter("error")
            config = env.db_url_config(url)
    except Exception:  # noqa: BLE001 - any parse error becomes one clear line
        config = {}
    engine = config.get("ENGINE", "")
    # An unknown scheme comes back as the bare scheme ("nonsense"), not a backend path.
    if engine not in set(env.DB_SCHEMES.values()) and "." not in engine:
        scheme = urlsplit(url).scheme or "none"
        sys.exit(
            "Configuration error: DATABASE_URL is not a valid database URL "
            f"(scheme {scheme!r} is unknown or the URL is malformed)."
        )
    return config


DATABASES = {"default": _database_from_env()}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must hold a handful of simultaneous writers (two buyers pressing
    # "Order" at once): every transaction takes the write lock when it begins (IMMEDIATE:
    # no "database is locked" when a reader upgrades too late), waits up to 20 s for it, and
    # WAL lets readers go on while one request writes (TECH-NOTES, "SQLite as the embedded
    # default").
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Small lists (form choices, exports in chunks) are read in one round trip instead of
    # DECLARE/FETCH/CLOSE; also what a transaction-pooling PgBouncer in front requires.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool(
        "DISABLE_SERVER_SIDE_CURSORS", default=True
    )
    # PostgreSQL's JIT compiles a listing's query when its estimated cost passes a threshold
    # (the catalogue's availability sort, search ranking): 20-30 ms of compilation for a query
    # that runs in 30 ms. Web pages run short queries: off (``DATABASE_JIT=True`` to keep it).
    if not env.bool("DATABASE_JIT", default=False):
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A Redis outage degrades to cache misses instead of errors.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "takafamap",
        }
    }
    # Sessions live in Redis and the database: they survive a Redis restart.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    RATELIMIT_USE_CACHE = "default"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "takafamap",
        },
        # Rate-limit counters must be shared by every server process: without Redis they
        # are rows in the database (core.ratelimit.DatabaseCounterCache), never per process.
        "ratelimit": {"BACKEND": "core.ratelimit.DatabaseCounterCache"},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    RATELIMIT_USE_CACHE = "ratelimit"
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# --------------------------------------------------------------------------------------
# Users and authentication
# --------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# Backups (core.backups) dump rows with datetimes kept to the microsecond.
SERIALIZATION_MODULES = {"precise_json": "core.precise_json"}
# One backend: sign-in by email (any case, spaces trimmed), one password hash whether the
# account exists or not (accounts/backends.py).
AUTHENTICATION_BACKENDS = ["accounts.backends.EmailBackend"]
# Without this, checkout redirects to /accounts/login/, which Wagtail's catch-all 404s.
LOGIN_URL = reverse_lazy("customer:login")
LOGIN_REDIRECT_URL = reverse_lazy("customer:summary")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --------------------------------------------------------------------------------------
# Languages (French first, Arabic right-to-left, English) and formats
# --------------------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True
# One date format per context and language (config/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
# Babel locale used to format money and numbers for each interface language.
MONEY_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en"}
PHONENUMBER_DEFAULT_REGION = "MA"
PHONENUMBER_DB_FORMAT = "E164"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --------------------------------------------------------------------------------------
# Static and media files (whitenoise serves static files in every environment)
# --------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Leaflet and its marker-cluster plugin, from their XStatic wheels (pinned in requirements.txt):
# served as /static/vendor/leaflet/… and /static/vendor/leaflet-markercluster/…, no CDN.
STATICFILES_DIRS += [
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),
    ("vendor/leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Private uploads (quote attachments, receipts, applications, digital products): never under
# MEDIA_ROOT, served only by permission-checked views (core.uploads.private_file_response).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# --- Object storage (S3-compatible, django-storages): on when AWS_STORAGE_BUCKET_NAME is set.
# Public media in that bucket (plain URLs); private files in AWS_PRIVATE_BUCKET_NAME (or the
# same bucket under "private/"), never public, served by permission-checked views.
# Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 from the environment.
OBJECT_STORAGES = {}
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    _s3 = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env("AWS_S3_REGION_NAME", default="") or None,
        "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        "file_overwrite": False,
    }
    OBJECT_STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3,
                "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
                "querystring_auth": False,
                "default_acl": env("AWS_DEFAULT_ACL", default="") or None,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3,
                "bucket_name": env("AWS_PRIVATE_BUCKET_NAME", default="")
                or env("AWS_STORAGE_BUCKET_NAME"),
                "location": "" if env("AWS_PRIVATE_BUCKET_NAME", default="") else "private",
                "custom_domain": None,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
    STORAGES.update(OBJECT_STORAGES)
# Pictures then come from the bucket's host: the Content-Security-Policy below lets them in.
MEDIA_ORIGINS = []
if OBJECT_STORAGES:
    _media_host = _s3["custom_domain"] or urlsplit(_s3["endpoint_url"] or "").netloc
    MEDIA_ORIGINS = (
        [f"https://{_media_host}", f"https://*.{_media_host}"]
        if _media_host
        else ["https://*.amazonaws.com"]
    )
    if (_s3["endpoint_url"] or "").startswith("http://"):  # a local S3 server, never production
        MEDIA_ORIGINS = [f"http://{_media_host}"]
# --- end of object storage
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------
if env("EMAIL_URL", default=""):
    vars().update(env.email("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Takafamap <contact@takafamap.ma>")
# --- Task queue (django-tasks; Wagtail's index updates use it too): tasks run at once in the
# web process, or, with TASKS_BACKEND=database, wait in the database for `manage.py db_worker`.
TASKS_BACKEND = env("TASKS_BACKEND", default="immediate")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# The backend that really sends when EMAIL_BACKEND is "core.mail.TaskEmailBackend" (production).
TASK_EMAIL_BACKEND = EMAIL_BACKEND
# --- end of task queue
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --------------------------------------------------------------------------------------
# Web Push (notifications app). Without both keys push is off (email only; /healthz says
# so). Generate a pair with `manage.py vapid_keys`; the subject is how push services reach
# the site's operators (mailto: or https:).
# --------------------------------------------------------------------------------------
VAPID_PUBLIC_KEY = env("VAPID_PUBLIC_KEY", default="")
VAPID_PRIVATE_KEY = env("VAPID_PRIVATE_KEY", default="")
VAPID_SUBJECT = env("VAPID_SUBJECT", default="mailto:contact@takafamap.ma")
# The server POSTs only to the browsers' push services (a leading dot: any subdomain).
WEBPUSH_ALLOWED_HOSTS = env.list(
    "WEBPUSH_ALLOWED_HOSTS",
    default=[
        "fcm.googleapis.com",
        "updates.push.services.mozilla.com",
        ".push.services.mozilla.com",
        ".notify.windows.com",
        ".push.apple.com",
    ],
)
WEBPUSH_INSECURE_HOSTS = ()  # hosts reached over plain http (the tests' stand-in service)
# Static path of the notices' icon: the app's PNG icon (Android shows no SVG there).
WEBPUSH_ICON = "img/icons/icon-192.png"

# --------------------------------------------------------------------------------------
# Wagtail
# --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Takafamap"
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's sign-in form with a translated password label (accounts/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
# New page addresses in ASCII: "atelier-lumiere-a-oujda", never a percent-encoded accent.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True

# --------------------------------------------------------------------------------------
# Search: database by default, Elasticsearch when ELASTICSEARCH_URL is set
# --------------------------------------------------------------------------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="takafamap")
# Our own search (sitesearch): the database backend unless Elasticsearch is configured.
SITESEARCH_BACKEND = (
    "sitesearch.backends.elasticsearch.ElasticsearchBackend"
    if ELASTICSEARCH_URL
    else "sitesearch.backends.database.DatabaseBackend"
)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["elasticsearch"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}_wagtail_",
        "TIMEOUT": 5,
        "AUTO_UPDATE": True,
    }
# Oscar's class loader still imports haystack through Oscar's own search forms, so a
# connection must be defined, but nothing queries it: our catalogue views use the database.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# --------------------------------------------------------------------------------------
# Payments (card payments only when both Stripe keys are present)
# --------------------------------------------------------------------------------------
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# For the content security policy below, decided once at start-up; code asks
# shop.order.payment_methods.card_enabled() (the one answer to which methods are on).
STRIPE_ENABLED = bool(STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY)
# CMI, Morocco's card gateway (shop/payment/cmi.py): on only when all three are set.
CMI_CLIENT_ID = env("CMI_CLIENT_ID", default="")
CMI_STORE_KEY = env("CMI_STORE_KEY", default="")
CMI_GATEWAY_URL = env("CMI_GATEWAY_URL", default="")
CMI_TRAN_TYPE = env("CMI_TRAN_TYPE", default="PreAuth")  # PreAuth (captured on callback) or Auth
# An unpaid CMI order releases its stock after this many minutes (release_unpaid_card_orders).
CMI_PAYMENT_TIMEOUT_MINUTES = env.int("CMI_PAYMENT_TIMEOUT_MINUTES", default=60)
# The local CMI simulator (/payments/cmi-simulator/): only with DEBUG or this flag, never in
# production (production.py forces it off).
CMI_SIMULATOR = env.bool("CMI_SIMULATOR", default=False)
CMI_ENABLED = bool(CMI_CLIENT_ID and CMI_STORE_KEY and CMI_GATEWAY_URL)
# Checkout: the payment methods offered ("cmi" and "card" show only when their gateway is on).
TAKAFAMAP_PAYMENT_METHODS = env.list(
    "TAKAFAMAP_PAYMENT_METHODS", default=["cash", "bank_transfer", "cmi", "card"]
)
# The programme's bank account, shown to clients who pay by bank transfer.
TAKAFAMAP_BANK_DETAILS = {
    "holder": env("BANK_ACCOUNT_HOLDER", default="Association Takafaship"),
    "bank": env("BANK_NAME", default="Banque Populaire, agence Oujda Centre"),
    "rib": env("BANK_RIB", default="190 315 21211 1234567890 12 34"),
    "swift": env("BANK_SWIFT", default="BCPOMAMC"),
}
# Payouts ledger: the programme's commission on each paid line (0.10 = 10 %), default none.
TAKAFAMAP_COMMISSION_RATE = Decimal(env.str("TAKAFAMAP_COMMISSION_RATE", default="0"))
# Digital products: how long a download link lasts and how many downloads it allows.
TAKAFAMAP_DOWNLOAD_DAYS = env.int("TAKAFAMAP_DOWNLOAD_DAYS", default=7)
TAKAFAMAP_DOWNLOAD_LIMIT = env.int("TAKAFAMAP_DOWNLOAD_LIMIT", default=5)

# --------------------------------------------------------------------------------------
# Oscar
# --------------------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Takafamap"
# Oscar's emails write links as OSCAR_URL_SCHEMA://<Site domain><path>: BASE_URL's scheme.
OSCAR_URL_SCHEMA = BASE_URL.split("://", 1)[0] if "://" in BASE_URL else "https"
OSCAR_SHOP_TAGLINE = _("Image, sound and light from the Oriental")
OSCAR_DEFAULT_CURRENCY = "MAD"
OSCAR_HOMEPAGE = reverse_lazy("catalogue:index")
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
# A guest may check out with an email that has an account: refusing would tell anyone
# which emails have one (shop/checkout/forms.GatewayForm never tells either).
OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True  # reviews wait for approval (Wagtail admin › Shop › Reviews)
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "country")

# --------------------------------------------------------------------------------------
# Security defaults (production.py tightens the transport settings)
# --------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# ---- Content-Security-Policy (django-csp 4, core.security; tests/integration/security) ----
# Public pages: no inline script at all (code lives in static/js/, data in data- attributes or
# json_script); a per-request nonce covers the single ``oscar.init()`` call Oscar's page
# templates extend. Styles: templates set ``--sector-colour`` in ``style=`` attributes, so
# style *attributes* are allowed (style-src-attr) but <style> elements are not
# (style-src-elem); browsers without those two directives fall back to style-src.
# Stripe's script and frames are allowed only when card payments are enabled; the map's tiles
# come from tile.openstreetmap.org.
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

# Stripe's own list: docs.stripe.com/security/guide#content-security-policy
_STRIPE_JS = ["https://js.stripe.com", "https://*.js.stripe.com"] if STRIPE_ENABLED else []
_STRIPE_FRAMES = [*_STRIPE_JS, "https://hooks.stripe.com"] if STRIPE_ENABLED else []
_STRIPE_API = ["https://api.stripe.com"] if STRIPE_ENABLED else []
_STRIPE_FORMS = ["https://checkout.stripe.com"] if STRIPE_ENABLED else []
# The CMI payment page receives the client's browser through a form posted to its origin.
_CMI_GATEWAY = urlsplit(CMI_GATEWAY_URL) if CMI_ENABLED else None
_CMI_FORMS = (
    [f"{_CMI_GATEWAY.scheme}://{_CMI_GATEWAY.netloc}"]
    if _CMI_GATEWAY and _CMI_GATEWAY.scheme and _CMI_GATEWAY.netloc
    else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *_STRIPE_JS],
        "style-src": [SELF, UNSAFE_INLINE],
        "style-src-elem": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", "https://tile.openstreetmap.org"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, *_STRIPE_API],
        "frame-src": [*_STRIPE_FRAMES] or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *_STRIPE_FORMS, *_CMI_FORMS],
        "frame-ancestors": [NONE],
    }
}
# Staff back offices (/admin/, /django-admin/, /<lang>/shop/dashboard/): Wagtail's and Oscar's
# own templates still run inline scripts, and the page preview is framed by the admin itself.
CSP_STAFF_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "media-src": [SELF, "https:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# ---- end of Content-Security-Policy ----
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += MEDIA_ORIGINS  # object storage, if any
# Rate limits (core.ratelimit): the request header that holds the visitor's address; behind a
# reverse proxy, the one it sets (e.g. HTTP_X_REAL_IP), otherwise everyone shares one count.
# /healthz answers its details (backends, fallbacks) to staff and to a monitor sending
# "Authorization: Bearer <HEALTHZ_TOKEN>"; anyone else reads the status only.
HEALTHZ_TOKEN = env("HEALTHZ_TOKEN", default="")
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")
# Wagtail admin avatars: none from gravatar.com (staff emails' hashes stay here; CSP blocks it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --------------------------------------------------------------------------------------
# Logging: to the console, one line per record (LOG_FORMAT: plain, or json in production);
# every record carries the request id (core.requestlog). Without SENTRY_DSN, server errors
# e-mail ADMINS, a few per window (core.errors.AdminErrorEmailHandler).
# --------------------------------------------------------------------------------------
LOG_FORMAT = env("LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"()": "core.requestlog.PlainFormatter"},
        "json": {"()": "core.requestlog.JSONFormatter"},
    },
    # Emails and phone numbers are masked before any record is written (core.security).
    "filters": {
        "personal_data": {"()": "core.security.PersonalDataFilter"},
        "request_context": {"()": "core.requestlog.RequestContextFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_context", "personal_data"],
        },
        "admin_errors": {
            "class": "core.errors.AdminErrorEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "request_context", "personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Replaces Django's default handlers (its unthrottled AdminEmailHandler among them).
        "django": {"handlers": ["admin_errors"], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}

# --------------------------------------------------------------------------------------
# Operations: error reports, metrics (core.errors, core.metrics, core.ops; docs/deploy.md)
# --------------------------------------------------------------------------------------
# "Name <email>, Name <email>": who gets the server-error e-mails when there is no SENTRY_DSN.
ADMINS = [
    (name or address, address)
    for name, address in getaddresses(env.list("ADMINS", default=[]))
    if address
]
# At most this many server-error e-mails per window (seconds), across processes.
ADMIN_ERROR_EMAILS = (
    env.int("ADMIN_ERROR_EMAILS", default=5),
    env.int("ADMIN_ERROR_EMAILS_SECONDS", default=600),
)
SENTRY_DSN = env("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="development")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
# /ops/metrics and /ops/ready: a bearer token, or the scraper's addresses (networks allowed).
METRICS_TOKEN = env("METRICS_TOKEN", default="")
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=[])

# --------------------------------------------------------------------------------------
# Personal data (law 09-08, CNDP): shown next to every consent box, used by youth.*
# --------------------------------------------------------------------------------------
PERSONAL_DATA = {
    "controller": env("PERSONAL_DATA_CONTROLLER", default="Association Takafaship, Oujda"),
    "contact_email": env("PERSONAL_DATA_CONTACT_EMAIL", default="donnees@takafamap.ma"),
    "cndp_declaration": env("PERSONAL_DATA_CNDP_DECLARATION", default="D-000/2026"),
    "retention_months": env.int("PERSONAL_DATA_RETENTION_MONTHS", default=36),
    "purpose": _(
        "inviting you to the Takafaship programme's events, informing you about the "
        "programme and counting the young people it reaches"
    ),
    "recipients": _("the programme staff of the association only; never sold or shared"),
    # Raise when the consent wording changes: stored with each consent given.
    "consent_version": env("PERSONAL_DATA_CONSENT_VERSION", default="2026-1"),
    # How long a "copy / delete my data" confirmation link stays valid.
    "request_link_hours": env.int("PERSONAL_DATA_REQUEST_LINK_HOURS", default=48),
}

# Our ``currency_filters`` library deliberately replaces Oscar's (MAD per locale).
SILENCED_SYSTEM_CHECKS = [
    "templates.W003",
    # django-ratelimit does not know core.ratelimit.DatabaseCounterCache (atomic UPDATEs).
    "django_ratelimit.W001",
]
