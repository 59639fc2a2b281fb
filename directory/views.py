import logging
from email.headerregistry import Address

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.mail import EmailMessage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from core.pagination import CachedCountPaginator, ForgivingPaginationMixin
from core.ratelimit import check, normalised_post_field
from core.sites import base_url

from . import signals
from .forms import ContactForm, DirectoryFilterForm, OwnProfileForm, PortfolioFormSet
from .models import Profile, Province, VerifiedEmail
from .verification import read_token, send_verification_email

logger = logging.getLogger(__name__)

User = get_user_model()


class ProfileListView(ForgivingPaginationMixin, ListView):
    """Public directory: approved profiles, filtered and paginated."""

    template_name = "directory/profile_list.html"
    context_object_name = "profiles"
    paginate_by = 24
    paginator_class = CachedCountPaginator

    def get_queryset(self):
        self.form = DirectoryFilterForm(self.request.GET or None)
        # Sectors and disciplines are fetched by {% cards %} for uncached cards only.
        return self.form.filter(Profile.objects.public().select_related("province"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["querystring"] = query.urlencode()
        return context


def profile_geojson(request):
    """Approved profiles with coordinates, as a GeoJSON FeatureCollection.

    Honours the directory's filters (the same query string as the list). Two queries
    (profiles, provinces) plus the filter form's look-ups, whatever the number of profiles.
    """
    form = DirectoryFilterForm(request.GET or None)
    rows = (
        form.filter(Profile.objects.public())
        .filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("name")
        .values_list(
            "name",
            "slug",
            "kind",
            "headline",
            "province_id",
            "latitude",
            "longitude",
            "is_accompanied",
        )
    )
    provinces = {province.pk: province.label for province in Province.objects.all()}
    kinds = dict(Profile.Kind.choices)
    base = base_url()
    prefix = Profile(slug="__slug__").get_absolute_url()
    features = []
    for name, slug, kind, headline, province_id, lat, lng, accompanied in rows:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lng), float(lat)]},
                "properties": {
                    "name": name,
                    "url": base + prefix.replace("__slug__", slug),
                    "kind": kind,
                    "kind_label": str(kinds.get(kind, kind)),
                    "headline": headline,
                    "province": provinces.get(province_id, ""),
                    "accompanied": accompanied,
                },
            }
        )
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


class ProfileDetailView(DetailView):
    """A profile page; only approved profiles are public (owners and staff see theirs)."""

    template_name = "directory/profile_detail.html"
    context_object_name = "profile"

    def get_object(self, queryset=None):
        return visible_profile_or_404(self.request, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["portfolio"] = list(self.object.portfolio.all())
        profile = self.object
        if profile.is_public and profile.accepts_messages and contact_address(profile):
            context.setdefault("contact_form", ContactForm())
        return context


def visible_profile_or_404(request, slug):
    profile = get_object_or_404(
        Profile.objects.for_listing().select_related("shop", "user"), slug=slug
    )
    user = request.user
    is_owner = user.is_authenticated and profile.user_id == user.pk
    # Staff reviewing profiles (directory.view_profile) see those waiting for approval.
    if profile.is_public or is_owner or user.has_perm("directory.view_profile"):
        return profile
    raise Http404


def contact_address(profile):
    """Where the relay sends a visitor's message: the public email, else the owner's."""
    return profile.email or (profile.user.email if profile.user else "")


# Contact relay limits: at most ``n`` messages per ``seconds`` per IP and per sender email,
# counted in the shared rate-limit counters (core.ratelimit), never per server process.
CONTACT_RATE = getattr(settings, "DIRECTORY_CONTACT_RATE", (5, 3600))


def _over_limit(request, rule_key):
    limit, seconds = CONTACT_RATE
    rate = f"{limit}/{seconds}s"
    group = "directory.contact.ip" if rule_key == "ip" else "directory.contact.email"
    return check(request, group, [(rule_key, rate)]) is not None


def reply_to_address(name, address):
    """The visitor as a Reply-To header value, quoted by the standard library:
    ``"Benali, Hélène" <h@example.ma>`` (a bare comma would split it into two addresses)."""
    return str(Address(display_name=name, addr_spec=address))


@require_POST
def contact_profile(request, slug):
    """The contact relay: email the professional, Reply-To the visitor, never show the address."""
    profile = visible_profile_or_404(request, slug)
    recipient = contact_address(profile)
    if not profile.is_public or not profile.accepts_messages or not recipient:
        raise Http404
    form = ContactForm(request.POST)
    if _over_limit(request, "ip"):
        return render(request, "directory/contact_limited.html", {"profile": profile}, status=429)
    if not form.is_valid():
        return _contact_form_again(request, slug, profile, form)
    data = form.cleaned_data
    if data["website"]:  # the honeypot: a person leaves it empty; pretend it was sent
        messages.success(request, _("Your message has been sent."))
        return redirect(profile.get_absolute_url())
    if _over_limit(request, normalised_post_field("email")):
        return render(request, "directory/contact_limited.html", {"profile": profile}, status=429)
    body = render_to_string(
        "directory/email/contact_message.txt", {"profile": profile, "data": data}, request
    )
    try:
        message = EmailMessage(
            subject=_("Takafamap: a message from %(name)s") % {"name": data["name"]},
            body=body,
            to=[recipient],
            reply_to=[reply_to_address(data["name"], data["email"])],
        )
        message.message()  # builds every header now: a bad address fails here, not later
        sent = message.send()
    except Exception:  # noqa: BLE001 - the visitor is told; the log says why (masked)
        logger.exception("directory: contact relay message to profile %s failed", profile.pk)
        sent = 0
    if not sent:
        form.add_error(
            None,
            _(
                "Your message could not be sent. Nothing was lost: check your name and email "
                "address, then try again."
            ),
        )
        return _contact_form_again(request, slug, profile, form, status=503)
    signals.contact_message_sent.send(sender=Profile, profile=profile)
    messages.success(request, _("Your message has been sent."))
    return redirect(profile.get_absolute_url())


def _contact_form_again(request, slug, profile, form, status=400):
    view = ProfileDetailView()
    view.setup(request, slug=slug)
    view.object = profile
    context = view.get_context_data(object=profile, contact_form=form)
    return render(request, view.template_name, context, status=status)


# --------------------------------------------------------------------------------------
# Self-service: a signed-in professional creates and edits their own profile
# --------------------------------------------------------------------------------------
@login_required
def my_profiles(request):
    """The signed-in user's profiles, with their status, and a way to create one."""
    profiles = list(request.user.profiles.select_related("province").order_by("name"))
    context = {"profiles": profiles, "verified": VerifiedEmail.is_verified(request.user)}
    return render(request, "directory/my_profiles.html", context)


@login_required
@require_POST
def resend_verification(request):
    send_verification_email(request, request.user)
    messages.success(request, _("We have emailed you a new confirmation link."))
    return redirect("directory:my-profiles")


def verify_email(request, token):
    """Open the emailed link: the address is verified and draft profiles go to staff."""
    found = read_token(token)
    user = None
    if found:
        user = User.objects.filter(pk=found[0], email__iexact=found[1]).first()
    if user is None:
        return render(request, "directory/verify_failed.html", status=400)
    VerifiedEmail.objects.update_or_create(user=user, defaults={"email": user.email})
    for profile in user.profiles.filter(status=Profile.Status.DRAFT):
        profile.status = Profile.Status.PENDING
        profile.save()
    messages.success(
        request, _("Your email address is confirmed. Your profile now waits for approval.")
    )
    return redirect("directory:my-profiles")


@login_required
def edit_profile(request, slug=None):
    """Create (no ``slug``) or edit one's own profile and portfolio. Saving sends it for review
    (see ``OwnProfileForm.needs_review``); a new profile waits for the email to be confirmed."""
    profile = None
    if slug is not None:
        profile = get_object_or_404(Profile, slug=slug, user=request.user)
    was_public = profile is not None and profile.is_public
    instance = profile or Profile(user=request.user)
    if request.method == "POST":
        form = OwnProfileForm(request.POST, request.FILES, instance=instance)
        portfolio = PortfolioFormSet(request.POST, request.FILES, instance=instance)
        if form.is_valid() and portfolio.is_valid():
            is_draft = profile is None or profile.status == Profile.Status.DRAFT
            verified = VerifiedEmail.is_verified(request.user)
            saved = form.save(commit=False)
            if portfolio.has_changed() and saved.status == Profile.Status.APPROVED:
                saved.status = Profile.Status.PENDING
            if is_draft and not verified:
                saved.status = Profile.Status.DRAFT  # submitted once the email is confirmed
            saved.save()
            form.save_m2m()
            saved.sectors.set({d.sector for d in form.cleaned_data["disciplines"]})
            portfolio.instance = saved
            portfolio.save()
            messages.success(request, _saved_message(request, saved, was_public))
            return redirect("directory:my-profiles")
    else:
        form = OwnProfileForm(instance=instance)
        portfolio = PortfolioFormSet(instance=instance)
    return render(
        request,
        "directory/profile_form.html",
        {"form": form, "portfolio": portfolio, "profile": profile, "was_public": was_public},
        status=400 if form.is_bound else 200,
    )


def _saved_message(request, saved, was_public):
    if saved.status == Profile.Status.DRAFT:
        send_verification_email(request, request.user)
        return _(
            "Your profile is saved as a draft. We have emailed you a link: open it to "
            "confirm your address and send the profile for approval."
        )
    if saved.status == Profile.Status.PENDING and was_public:
        return _(
            "Your changes are saved. The profile is hidden from the public until "
            "the programme staff approve them."
        )
    if saved.status == Profile.Status.PENDING:
        return _("Your profile is saved and waits for the programme staff's approval.")
    return _("Your profile is saved.")
