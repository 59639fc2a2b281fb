"""Public pages of the hackathon: the current call, applying, and one's own application.

Only the applicant sees their application and its attachments: anyone else's id answers 404.
Applications can be edited until the call closes (and while undecided), then read only.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.ratelimit import check, too_many_requests
from core.uploads import private_file_response

from . import emails
from .forms import HONEYPOT, ApplicationForm, AttachmentFormSet, TeamFormSet
from .models import MAX_AGE, MAX_TEAM, MIN_AGE, Application, Call

# Application form posts: at most this many per hour per account and per address.
APPLY_RATE = getattr(settings, "HACKATHON_APPLY_RATE", "20/h")


def _limited(request):
    """The readable 429 page once this account or address is over ``APPLY_RATE``
    (``RATELIMITS`` may override the group's rules), else None."""
    reached = check(request, "hackathon.apply", [("user_or_ip", APPLY_RATE), ("ip", APPLY_RATE)])
    if reached:
        return too_many_requests(request, reached, template="hackathon/limited.html")
    return None


def call_page(request):
    call = Call.current()
    application = None
    if call and request.user.is_authenticated:
        application = Application.objects.filter(call=call, applicant=request.user).first()
    context = {
        "call": call,
        "is_open": call.is_open() if call else False,
        "application": application,
        "min_age": MIN_AGE,
        "max_age": MAX_AGE,
        "max_team": MAX_TEAM,
        "now": timezone.now(),
    }
    return render(request, "hackathon/call.html", context)


def _forms(request, call, application):
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = ApplicationForm(data, instance=application)
    team = TeamFormSet(data, instance=application, prefix="team", call=call)
    attachments = AttachmentFormSet(data, files, instance=application, prefix="files")
    return form, team, attachments


def _save(form, team, attachments, **extra):
    with transaction.atomic():
        application = form.save(commit=False)
        for name, value in extra.items():
            setattr(application, name, value)
        application.save()
        team.instance = application
        members = team.save(commit=False)
        for obj in team.deleted_objects:
            obj.delete()
        for index, member in enumerate(members):
            member.application = application
            member.sort_order = index
            member.save()
        attachments.instance = application
        attachments.save()
    return application


def _closed(request, call):
    return render(request, "hackathon/closed.html", {"call": call, "now": timezone.now()})


@login_required
def apply(request):
    call = Call.current()
    if call is None or not call.is_open():
        return _closed(request, call)
    existing = Application.objects.filter(call=call, applicant=request.user).first()
    if existing is not None:
        return redirect("hackathon:application-edit", pk=existing.pk)
    if request.method == "POST":
        if (limited := _limited(request)) is not None:
            return limited
        if request.POST.get(HONEYPOT):
            messages.success(request, _("Your application has been sent."))
            return redirect("hackathon:call")
        form, team, attachments = _forms(request, call, Application(call=call))
        if form.is_valid() and team.is_valid() and attachments.is_valid():
            application = _save(
                form,
                team,
                attachments,
                call=call,
                applicant=request.user,
                language=(get_language() or "")[:8],
            )
            messages.success(
                request,
                _("Your application has been sent. You can change it until %(date)s.")
                % {
                    "date": formats.date_format(
                        timezone.localtime(call.closes_at), "DATETIME_FORMAT"
                    )
                },
            )
            emails.send_received(application)
            return redirect("hackathon:application", pk=application.pk)
        status = 400
    else:
        initial = Application(
            call=call,
            holder_name=request.user.get_full_name(),
            email=request.user.email,
            phone=getattr(request.user, "phone", "") or "",
        )
        form, team, attachments = _forms(request, call, initial)
        team.forms[0].initial.setdefault("name", request.user.get_full_name())
        status = 200
    return render(
        request,
        "hackathon/apply.html",
        {"call": call, "form": form, "team": team, "attachments": attachments},
        status=status,
    )


def _own_application(request, pk):
    return get_object_or_404(
        Application.objects.select_related(
            "call", "sector", "discipline", "province"
        ).prefetch_related("members", "attachments"),
        pk=pk,
        applicant=request.user,
    )


@login_required
def application_detail(request, pk):
    application = _own_application(request, pk)
    return render(
        request,
        "hackathon/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "editable": application.is_editable(),
        },
    )


@login_required
def application_edit(request, pk):
    application = _own_application(request, pk)
    call = application.call
    if not application.is_editable():
        messages.info(
            request,
            _("The call has closed: your application can no longer be changed.")
            if call.has_closed()
            else _("The jury has decided on your application: it can no longer be changed."),
        )
        return redirect("hackathon:application", pk=application.pk)
    if request.method == "POST":
        if (limited := _limited(request)) is not None:
            return limited
        form, team, attachments = _forms(request, call, application)
        if form.is_valid() and team.is_valid() and attachments.is_valid():
            _save(form, team, attachments)
            messages.success(request, _("Your application has been updated."))
            return redirect("hackathon:application", pk=application.pk)
        status = 400
    else:
        form, team, attachments = _forms(request, call, application)
        status = 200
    return render(
        request,
        "hackathon/apply.html",
        {
            "call": call,
            "form": form,
            "team": team,
            "attachments": attachments,
            "application": application,
        },
        status=status,
    )


@login_required
def attachment_download(request, pk, attachment_pk):
    application = get_object_or_404(Application, pk=pk, applicant=request.user)
    attachment = application.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    return private_file_response(attachment.file, attachment.filename)
