"""Public views: registering for an event (a route of the event page) and personal-data
requests (``/<lang>/privacy/my-data/``)."""

import logging
from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.ics import event_to_ics
from core.ratelimit import check, too_many_requests
from core.sites import absolute
from youth import privacy, services
from youth.forms import DataRequestForm, RegistrationForm
from youth.models import DataRequest

logger = logging.getLogger(__name__)

REGISTER_RATE = "10/h"
MY_DATA_RATE = "5/h"
TOKEN_SALT = "youth.my-data"


def _limited(request, group, rate):
    """The readable 429 page once this address is over ``rate`` (``RATELIMITS`` may
    override the group's rule), else None."""
    reached = check(request, group, [("ip", rate)])
    return too_many_requests(request, reached, template="youth/limited.html") if reached else None


# --------------------------------------------------------------------------------------
# Event registration
# --------------------------------------------------------------------------------------
def registration_context(page, form=None):
    """What the event page's registration block needs."""
    values = services.personal_data_settings()
    return {
        "registration_form": form or RegistrationForm(),
        "registration_state": services.registration_state(page),
        "personal_data": values,
        "consent_version": services.consent_version(),
    }


def _render_event(request, page, form, status):
    response = page.render(request, context_overrides=registration_context(page, form))
    response.status_code = status
    return response


def _send_confirmation(request, page, result):
    """Email the confirmation, in the visitor's language, with the event's .ics attached."""
    contact = result.contact
    if not contact.email:
        return
    language = translation.get_language()
    ics = event_to_ics(page, request)
    event_url = absolute(page.get_url(request))
    my_data_url = absolute(reverse("youth:my-data"))
    context = {
        "event": page,
        "first_name": contact.first_name,
        "waitlisted": result.waitlisted,
        "event_url": event_url,
        "my_data_url": my_data_url,
        "personal_data": services.personal_data_settings(),
    }
    recipient = contact.email
    registration_id = result.registration.pk

    def send():
        with translation.override(language):
            subject = (
                _("Waiting list: %(title)s") if result.waitlisted else _("Registered: %(title)s")
            ) % {"title": page.title}
            body = render_to_string("youth/email/registration.txt", context)
        message = EmailMessage(subject=subject, body=body, to=[recipient])
        message.attach(f"{page.slug}.ics", ics, "text/calendar")
        try:
            message.send()
        except Exception:  # noqa: BLE001 - a mail outage must not lose the registration
            logger.exception(
                "youth: confirmation email for registration %s failed", registration_id
            )

    transaction.on_commit(send)


def register_for_event(request, page):
    """POST of the registration form on an event page."""
    if request.method != "POST":
        return HttpResponseRedirect(page.get_url(request) + "#registration")
    if (limited := _limited(request, "youth.register", REGISTER_RATE)) is not None:
        return limited
    form = RegistrationForm(request.POST)
    if form.is_robot:
        # Answer as if it worked; keep nothing, send nothing.
        messages.success(request, _("Thank you: your registration is recorded."))
        return HttpResponseRedirect(page.get_url(request))
    state = services.registration_state(page)
    if state in ("closed", "past"):
        return _render_event(request, page, form, 409)
    if not form.is_valid():
        return _render_event(request, page, form, 400)
    try:
        result = services.register(page, form.cleaned_data, language=translation.get_language())
    except services.DuplicateRegistration:
        # Answered exactly like a new registration (nothing is saved, nothing is sent):
        # "already registered" would tell anyone that this phone or email is on file.
        _registered_message(request, services.registration_state(page) == "full")
        return HttpResponseRedirect(page.get_url(request) + "#registration")
    except services.RegistrationClosed:
        return _render_event(request, page, form, 409)
    _send_confirmation(request, page, result)
    _registered_message(request, result.waitlisted)
    return HttpResponseRedirect(page.get_url(request) + "#registration")


def _registered_message(request, waitlisted):
    if waitlisted:
        messages.warning(
            request,
            _(
                "The event is full: you are on the waiting list. We will tell you if a "
                "place becomes free."
            ),
        )
    else:
        messages.success(request, _("You are registered. See you at the event!"))


# --------------------------------------------------------------------------------------
# Personal-data rights
# --------------------------------------------------------------------------------------
def make_token(data_request):
    """A link token: the request's signed id (no address in URLs, hence none in logs)."""
    return signing.dumps(data_request.pk, salt=TOKEN_SALT)


def link_lifetime():
    return timedelta(hours=int(services.personal_data_settings()["request_link_hours"]))


def read_token(token):
    """The pending email request behind ``token``, or None (forged, expired, used)."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=link_lifetime())
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return (
        DataRequest.objects.filter(
            pk=pk,
            status=DataRequest.Status.PENDING,
            created_at__gt=timezone.now() - link_lifetime(),
        )
        .exclude(email="")
        .first()
    )


def _send_link(request, data_request):
    email, kind = data_request.email, data_request.kind
    url = absolute(reverse("youth:my-data-confirm", kwargs={"token": make_token(data_request)}))
    language = translation.get_language()
    context = {
        "url": url,
        "kind": kind,
        "hours": services.personal_data_settings()["request_link_hours"],
        "personal_data": services.personal_data_settings(),
    }

    def send():
        with translation.override(language):
            subject = _("Your personal data at Takafamap: confirm your request")
            body = render_to_string("youth/email/my_data_link.txt", context)
        try:
            EmailMessage(subject=subject, body=body, to=[email]).send()
        except Exception:  # noqa: BLE001
            logger.exception("youth: personal-data link email failed")

    transaction.on_commit(send)


@require_http_methods(["GET", "POST"])
def my_data(request):
    """Ask for a copy or the deletion of one's data. The answer never tells whether the
    site holds anything about the address or number given."""
    context = {"personal_data": services.personal_data_settings()}
    if request.method == "POST":
        if (limited := _limited(request, "youth.my-data", MY_DATA_RATE)) is not None:
            return limited
        form = DataRequestForm(request.POST)
        if form.is_robot:
            return render(request, "youth/my_data_sent.html", {**context, "channel": "email"})
        if form.is_valid():
            email = form.cleaned_data["email"]
            phone = str(form.cleaned_data["phone"] or "")
            kind = form.cleaned_data["kind"]
            if email:
                # Only the email is proven by the link: the phone is not used with it.
                if privacy.holds_anything(email, ""):
                    data_request = DataRequest.objects.create(
                        kind=kind, status=DataRequest.Status.PENDING, email=email
                    )
                    _send_link(request, data_request)
                channel = "email"
            else:
                if privacy.holds_anything("", phone):
                    DataRequest.objects.create(
                        kind=kind, status=DataRequest.Status.CALL_BACK, phone=phone
                    )
                    logger.info("youth: a personal-data request waits for a call back")
                channel = "phone"
            return render(request, "youth/my_data_sent.html", {**context, "channel": channel})
        return render(request, "youth/my_data.html", {**context, "form": form}, status=400)
    return render(request, "youth/my_data.html", {**context, "form": DataRequestForm()})


@require_http_methods(["GET", "POST"])
def my_data_confirm(request, token):
    data_request = read_token(token)
    if data_request is None:
        return render(request, "youth/my_data_invalid.html", status=400)
    email, kind = data_request.email, data_request.kind
    context = {"token": token, "kind": kind}
    if request.method == "POST":
        if kind != DataRequest.Kind.DELETE:
            raise Http404
        counts = privacy.erase_all(email, "")
        total = sum(counts.values())
        data_request.status = DataRequest.Status.DONE
        data_request.items = total
        data_request.save()
        return render(request, "youth/my_data_deleted.html", {**context, "total": total})
    found = privacy.export_all(email, "")
    context["summary"] = [(source, len(records)) for source, records in found.items()]
    return render(request, "youth/my_data_confirm.html", context)


def my_data_download(request, token, fmt):
    data_request = read_token(token)
    if data_request is None or data_request.kind != DataRequest.Kind.COPY:
        raise Http404
    if fmt not in ("json", "csv"):
        raise Http404
    found = privacy.export_all(data_request.email, "")
    # The link stays usable (JSON and CSV) until it expires; purge_contacts then forgets
    # the address.
    data_request.items = sum(len(records) for records in found.values())
    data_request.handled_at = data_request.handled_at or timezone.now()
    data_request.save(update_fields=["items", "handled_at"])
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        response = HttpResponse(privacy.as_json(found), content_type="application/json")
    else:
        response = HttpResponse(privacy.as_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
