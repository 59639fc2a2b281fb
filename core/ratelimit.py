"""Rate limits counted in the shared cache, answered with the readable 429 page.

Counters live in ``caches[RATELIMIT_USE_CACHE]``: Redis when ``REDIS_URL`` is set;
otherwise the database (``DatabaseCounterCache`` below, ``core.RateCounter`` rows). Either
way every server process shares one count, so a limit holds with several workers.

Usage, on a function view or through ``method_decorator(..., name="dispatch")``::

    @ratelimited_view("quotes.request", key="user_or_ip", rate="10/h")
    def request_quote(request, ...): ...

    @ratelimited_view("login", rules=[("ip", "20/10m"), ("post:login-username", "10/10m")])

``key`` is any django-ratelimit key (``"ip"``, ``"user"``, ``"user_or_ip"``,
``"post:<field>"``, ``"header:<name>"`` or a callable ``(group, request)``); ``rate`` is
``"N/<period>"`` (``"5/h"``, ``"20/10m"``). Every rule is counted; the first one over its
limit answers 429. The ``RATELIMITS`` setting may override a group's rules by name
(``{"login": [("ip", "2/m")]}``), which tests use to reach a limit quickly.
"""

import datetime
import functools
import secrets

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils import timezone
from django_ratelimit.core import _split_rate, is_ratelimited

TEMPLATE = "429.html"


def normalised_post_field(field):
    """A key for a rule counting per email typed in POST ``field``: trimmed, any case.

    ``"post:<field>"`` counts the text exactly as typed, so ``Client@…``, ``CLIENT@…`` or a
    leading space would each get a fresh counter for the same account.
    """

    def key(group, request):
        return (request.POST.get(field) or "").strip().lower()

    key.__name__ = f"normalised_{field}"
    return key


def rules_for(group, default_rules):
    return list(getattr(settings, "RATELIMITS", {}).get(group, default_rules))


def check(request, group, rules, methods=("POST",)):
    """The rate (``"N/period"``) that ``request`` just went over, or ``None``.

    Counts the request under each rule; use it inside a view that needs to decide itself.
    """
    reached = None
    for key, rate in rules_for(group, rules):
        limited = is_ratelimited(
            request, group=group, key=key, rate=rate, method=list(methods), increment=True
        )
        if limited and reached is None:
            reached = rate
    return reached


def too_many_requests(request, rate=None, context=None, template=TEMPLATE):
    """The readable 429 page, with ``Retry-After`` set to the rate's period.

    A form may pass its own ``template`` (extending ``429.html``) to say what was limited.
    """
    response = TemplateResponse(request, template, context or {}, status=429)
    if rate:
        _count, seconds = _split_rate(rate)
        response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def ratelimited_view(group, key=None, rate=None, *, rules=(), methods=("POST",)):
    """Decorate a view so that requests over the limit answer 429 without running it."""
    all_rules = list(rules)
    if key is not None and rate is not None:
        all_rules.insert(0, (key, rate))
    if not all_rules:
        raise ValueError("ratelimited_view needs key= and rate=, or rules=")

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            reached = check(request, group, all_rules, methods)
            if reached:
                return too_many_requests(request, reached)
            return view(request, *args, **kwargs)

        wrapped.ratelimit_group = group
        return wrapped

    return decorator


# ------------------------------------------------------------------------------------------
# Counters in the database, for a site without Redis
# ------------------------------------------------------------------------------------------
PURGE_ONE_IN = 200


class DatabaseCounterCache(BaseCache):
    """A cache backend holding only integer counters, in ``core.RateCounter`` rows.

    Without Redis the default cache is per process: with several gunicorn workers each
    would count on its own and a "5 per hour" limit would let 5 per worker through. This
    backend is what ``RATELIMIT_USE_CACHE`` names then (config/settings/base.py): ``add``
    inserts the row (the primary key refuses a second one) and ``incr`` is one atomic
    ``UPDATE … SET value = value + 1``, so every process shares one count.
    """

    def __init__(self, location, params):
        super().__init__(params)

    def _model(self):
        from .models import RateCounter

        return RateCounter

    def _expiry(self, timeout):
        timeout = self.get_backend_timeout(timeout)
        seconds = 10 * 365 * 24 * 3600 if timeout is None else timeout
        return timezone.now() + datetime.timedelta(seconds=seconds)

    def _live(self, key):
        return self._model().objects.filter(key=key, expires__gt=timezone.now())

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        model = self._model()
        now = timezone.now()
        model.objects.filter(key=key, expires__lte=now).delete()
        if secrets.randbelow(PURGE_ONE_IN) == 0:
            # Counter keys carry their time window, so old rows pile up: now and then, the
            # expired ones go (an indexed range on ``expires``).
            model.objects.filter(expires__lte=now).delete()
        try:
            with transaction.atomic():
                model.objects.create(key=key, value=int(value), expires=self._expiry(timeout))
        except IntegrityError:
            return False
        return True

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self._live(key).values_list("value", flat=True).first()
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._model().objects.update_or_create(
            key=key, defaults={"value": int(value), "expires": self._expiry(timeout)}
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return bool(self._live(key).update(expires=self._expiry(timeout)))

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        live = self._live(key)
        if not live.update(value=F("value") + delta):
            raise ValueError(f"Key '{key}' not found")
        return live.values_list("value", flat=True).first()

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return bool(self._model().objects.filter(key=key).delete()[0])

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._live(key).exists()

    def clear(self):
        self._model().objects.all().delete()


def shared_counting():
    """How rate limits are counted, for ``/healthz``: "redis" or "database"."""
    name = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    backend = settings.CACHES.get(name, {}).get("BACKEND", "")
    if backend.endswith("DatabaseCounterCache"):
        return "database"
    if "redis" in backend.lower():
        return "redis"
    return "per-process"
