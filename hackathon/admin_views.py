"""Admin views (Wagtail admin): the jury's scoring, the ranking, staff decisions, indicators.

Who may do what:
- jurors (the ``Jury`` group: admin access and ``hackathon.score_application``) and staff see
  the applications, their ranking and their attachments; jurors score them, one score each;
- only holders of ``hackathon.decide_application`` (the programme staff group) shortlist,
  select or reject; ``hackathon.view_indicators`` opens the indicators. Being ``is_staff``
  alone (communication staff, moderators) gives nothing here: applicants' data stay private.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Avg, Count, F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import csv_response
from core.uploads import private_file_response

from . import indicators
from .forms import DecisionForm, ScoreForm
from .models import Application, Call, Score
from .onboarding import decide


def can_score(user):
    return user.is_active and user.has_perm("hackathon.score_application")


def can_decide(user):
    return user.is_active and user.has_perm("hackathon.decide_application")


def can_see_indicators(user):
    return user.is_active and user.has_perm("hackathon.view_indicators")


def can_review(user):
    return can_score(user) or can_decide(user) or user.has_perm("hackathon.view_application")


def _require(test, request):
    if not test(request.user):
        raise PermissionDenied


def ranked_applications(call=None):
    """Applications with their average score (of the four criteria, over every juror) and
    number of scores, best first; unscored ones last."""
    criteria = (
        F("scores__innovation") + F("scores__feasibility") + F("scores__impact") + F("scores__team")
    )
    queryset = Application.objects.select_related("call", "province", "sector", "discipline")
    if call is not None:
        queryset = queryset.filter(call=call)
    return queryset.annotate(
        average=Avg(criteria) / 4.0,
        avg_innovation=Avg("scores__innovation"),
        avg_feasibility=Avg("scores__feasibility"),
        avg_impact=Avg("scores__impact"),
        avg_team=Avg("scores__team"),
        score_count=Count("scores", distinct=True),
    ).order_by(F("average").desc(nulls_last=True), "created_at", "pk")


def application_list(request):
    _require(can_review, request)
    calls = list(Call.objects.all())
    call = None
    if request.GET.get("call"):
        call = next((c for c in calls if str(c.pk) == request.GET["call"]), None)
    if call is None and calls:
        # The latest call that has applications (the one being judged), else the latest call.
        latest = (
            Application.objects.order_by("-call__opens_at")
            .values_list("call_id", flat=True)
            .first()
        )
        call = next((c for c in calls if c.pk == latest), calls[0])
    applications = list(ranked_applications(call)) if call else []
    status = request.GET.get("status", "")
    mine = set()
    if can_score(request.user):
        mine = set(
            Score.objects.filter(juror=request.user, application__call=call).values_list(
                "application_id", flat=True
            )
        )
    for rank, application in enumerate(applications, start=1):
        application.rank = rank if application.score_count else None
        application.scored_by_me = application.pk in mine
    if status in Application.Status.values:
        applications = [a for a in applications if a.status == status]
    counts = {
        row["status"]: row["n"]
        for row in Application.objects.filter(call=call).values("status").annotate(n=Count("pk"))
    }
    return render(
        request,
        "hackathon/admin/application_list.html",
        {
            "page_title": _("Hackathon applications"),
            "header_icon": "form",
            "calls": calls,
            "call": call,
            "applications": applications,
            "status": status,
            "statuses": [
                (value, label, counts.get(value, 0)) for value, label in Application.Status.choices
            ],
            "can_decide": can_decide(request.user),
            "can_score": can_score(request.user),
            "decision_form": DecisionForm(),
        },
    )


def _application(pk):
    return get_object_or_404(
        Application.objects.select_related(
            "call", "province", "sector", "discipline", "applicant", "profile"
        ).prefetch_related("members", "attachments"),
        pk=pk,
    )


def application_detail(request, pk):
    _require(can_review, request)
    application = _application(pk)
    own = None
    if can_score(request.user):
        own = Score.objects.filter(application=application, juror=request.user).first()
    score_form = ScoreForm(instance=own) if can_score(request.user) else None
    return _render_detail(request, application, score_form, own)


def _render_detail(request, application, score_form, own, status=200):
    scores = list(application.scores.select_related("juror").order_by("juror__email"))
    ranked = ranked_applications().filter(pk=application.pk).first()
    return render(
        request,
        "hackathon/admin/application_detail.html",
        {
            "page_title": application.project_name,
            "header_icon": "form",
            "application": application,
            "ranked": ranked,
            "scores": scores if can_decide(request.user) or own else [],
            "score_count": len(scores),
            "own_score": own,
            "score_form": score_form,
            "can_decide": can_decide(request.user),
            "decision_form": DecisionForm(),
        },
        status=status,
    )


@require_POST
def score(request, pk):
    _require(can_score, request)
    application = _application(pk)
    own = Score.objects.filter(application=application, juror=request.user).first()
    form = ScoreForm(request.POST, instance=own)
    if not form.is_valid():
        return _render_detail(request, application, form, own, status=400)
    item = form.save(commit=False)
    item.application = application
    item.juror = request.user
    item.save()
    messages.success(request, _("Your score has been saved."))
    return redirect("hackathon_admin:list")


@require_POST
def decision(request, pk):
    _require(can_decide, request)
    application = _application(pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose shortlist, select or reject."))
        return redirect("hackathon_admin:detail", pk=pk)
    action = form.cleaned_data["action"]
    if action != "select" and application.status == Application.Status.SELECTED:
        messages.error(request, _("This project is selected and onboarded: it stays selected."))
        return redirect("hackathon_admin:detail", pk=pk)
    decide(application, action, by=request.user)
    text = {
        "shortlist": _("%(name)s is shortlisted; the applicant is being emailed."),
        "select": _(
            "%(name)s is selected: its holder has an account, a directory profile with the "
            "beneficiary badge and a shop; the applicant is being emailed."
        ),
        "reject": _("%(name)s is not selected; the applicant is being emailed."),
    }[action]
    messages.success(request, text % {"name": application.project_name})
    return redirect("hackathon_admin:detail", pk=pk)


@require_POST
def bulk_decision(request):
    """Apply one decision to the ticked applications (staff): e.g. select the top thirty."""
    _require(can_decide, request)
    form = DecisionForm(request.POST)
    ids = [value for value in request.POST.getlist("applications") if value.isdigit()]
    back = request.POST.get("next", "")
    if not back.startswith(reverse("hackathon_admin:list")):
        back = reverse("hackathon_admin:list")
    if not form.is_valid() or not ids:
        messages.error(request, _("Tick at least one application and choose a decision."))
        return redirect(back)
    action = form.cleaned_data["action"]
    done = skipped = 0
    with transaction.atomic():
        for application in Application.objects.filter(pk__in=ids).order_by("pk"):
            if action != "select" and application.status == Application.Status.SELECTED:
                skipped += 1
                continue
            decide(application, action, by=request.user)
            done += 1
    messages.success(
        request,
        _(
            "Decision applied to %(done)s application(s); %(skipped)s already selected "
            "left as they were."
        )
        % {"done": done, "skipped": skipped},
    )
    return redirect(back)


def attachment(request, pk, attachment_pk):
    _require(can_review, request)
    item = get_object_or_404(Application, pk=pk).attachments.filter(pk=attachment_pk).first()
    if item is None:
        raise Http404
    return private_file_response(item.file, item.filename)


def dashboard(request):
    _require(can_see_indicators, request)
    data = indicators.compute()
    return render(
        request,
        "hackathon/admin/indicators.html",
        {"page_title": _("Programme indicators"), "header_icon": "table", **data},
    )


def dashboard_csv(request):
    _require(can_see_indicators, request)
    return csv_response(
        "takafaship-indicators.csv", None, indicators.csv_rows(indicators.compute())
    )
