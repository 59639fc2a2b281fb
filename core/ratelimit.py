"""Rate limits counted in the shared cache, answered with the readable 429 page.

Counters live in ``caches[RATELIMIT_USE_CACHE]`` (the default cache): Redis when
``REDIS_URL`` is set, so a limit holds across every server process; a per-process
local-memory cache otherwise (development).

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

import functools

from django.conf import settings
from django.template.response import TemplateResponse
from django_ratelimit.core import _split_rate, is_ratelimited

TEMPLATE = "429.html"


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
