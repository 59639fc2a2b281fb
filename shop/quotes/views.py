"""Quote pages for clients (``/shop/quotes/``) and creators (``/shop/my-shop/quotes/``).

Every view looks the request up among those the signed-in user may see (``services``): as its
client, as a user of its shop, or as staff (read only). Another user's ids answer 404.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Max, Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView

from core.ratelimit import check, normalised_post_field, too_many_requests
from core.uploads import private_file_response
from shop.catalogue.models import Product
from shop.creators.views import CreatorMixin
from shop.partner.models import Partner

from . import services
from .forms import AccountForm, MessageForm, QuoteForm, QuoteLineFormSet, QuoteRequestForm, lines_of
from .models import QuoteAttachment, QuoteRequest, QuoteVersion, Status


def _rate():
    """Quote requests allowed per user and per IP (setting ``QUOTES_REQUEST_RATE``)."""
    return getattr(settings, "QUOTES_REQUEST_RATE", "10/h")


def _limited(request, user=None):
    """Count one request attempt per IP (and per user); True past the limit. ``RATELIMITS``
    may override the rules of "quotes.request" and "quotes.request.user"."""
    over_ip = check(request, "quotes.request", [("ip", _rate())])
    over_user = None
    if user is not None:
        key = lambda _group, _request: f"user:{user.pk}"  # noqa: E731 - the signed-up user
        over_user = check(request, "quotes.request.user", [(key, _rate())])
    return bool(over_ip or over_user)


def _limited_page(request):
    return too_many_requests(request, _rate(), template="quotes/limited.html")


def _detail_queryset():
    return QuoteRequest.objects.select_related(
        "partner", "product", "province", "client", "accepted_version", "order"
    ).prefetch_related(
        Prefetch("versions", queryset=QuoteVersion.objects.prefetch_related("lines")),
        "messages__author",
        "messages__attachments",
        "attachments",
        "events__actor",
    )


class RequestView(TemplateView):
    """Ask for a quote: ``?product=<id>`` (a service) or ``?creator=<shop slug>``."""

    template_name = "quotes/request_form.html"

    @cached_property
    def target(self):
        params = self.request.GET if self.request.method == "GET" else self.request.POST
        product_id, slug = params.get("product", ""), params.get("creator", "")
        if product_id.isdigit():
            product = get_object_or_404(
                Product.objects.filter(is_public=True, product_class__slug="service"),
                pk=product_id,
            )
            record = product.stockrecords.select_related("partner").first()
            if record is None or not record.partner.is_active:
                raise Http404
            return record.partner, product
        if slug:
            partner = get_object_or_404(Partner, slug=slug, is_active=True)
            return partner, None
        raise Http404

    def get_forms(self, data=None, files=None):
        partner, product = self.target
        initial = {}
        if self.request.user.is_authenticated and self.request.user.phone:
            initial["phone"] = self.request.user.phone
        form = QuoteRequestForm(data, files, partner=partner, product=product, initial=initial)
        account = None
        if not self.request.user.is_authenticated:
            account = AccountForm(data, request=self.request)
        return form, account

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner"], context["product"] = self.target
        if "form" not in kwargs:
            context["form"], context["account_form"] = self.get_forms()
        return context

    def post(self, request, *args, **kwargs):
        partner, product = self.target
        form, account = self.get_forms(request.POST, request.FILES)
        user = request.user if request.user.is_authenticated else None
        if _limited(request, user):
            return _limited_page(request)
        if user is None and request.POST.get("account-mode") == "login":
            # A sign-in like the sign-in page's: the same per-account counter.
            reached = check(
                request, "accounts.login", [(normalised_post_field("account-email"), "10/10m")]
            )
            if reached:
                return too_many_requests(request, reached)
        forms_valid = form.is_valid()
        if account is not None:
            forms_valid = account.is_valid() and forms_valid
        if not forms_valid:
            messages.error(request, _("Some fields need your attention; nothing has been sent."))
            context = self.get_context_data(form=form, account_form=account)
            return self.render_to_response(context, status=400)
        if user is None:
            user = account.save()
            login(request, user, backend="accounts.backends.EmailBackend")
            if _limited(request, user):
                return _limited_page(request)
        if user.is_authenticated and partner.users.filter(pk=user.pk).exists():
            form.add_error(None, _("This is your own shop: you cannot ask yourself for a quote."))
            context = self.get_context_data(form=form, account_form=None)
            return self.render_to_response(context, status=400)
        quote_request = form.save(commit=False)
        quote_request.client = user
        quote_request.partner = partner
        quote_request.product = form.cleaned_data.get("product")
        services.create_request(quote_request, files=form.cleaned_data["attachments"])
        messages.success(request, _("Your request is sent: the creator will answer here."))
        return redirect(quote_request.get_absolute_url())


class ClientListView(LoginRequiredMixin, ListView):
    template_name = "quotes/client_list.html"
    context_object_name = "quote_requests"
    paginate_by = 20

    def get_queryset(self):
        return (
            QuoteRequest.objects.filter(client=self.request.user)
            .select_related("partner", "product", "accepted_version")
            .annotate(last_version=Max("versions__number"))
            .order_by("-updated_at", "-pk")
        )


class CreatorListView(CreatorMixin, ListView):
    template_name = "quotes/creator_list.html"
    context_object_name = "quote_requests"
    paginate_by = 20

    def get_queryset(self):
        queryset = (
            QuoteRequest.objects.filter(partner=self.partner)
            .select_related("client", "product", "province", "accepted_version")
            .annotate(last_version=Max("versions__number"))
            .order_by("-updated_at", "-pk")
        )
        status = self.request.GET.get("status")
        if status in Status.values:
            queryset = queryset.filter(status=status)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Status.choices
        context["current_status"] = self.request.GET.get("status", "")
        return context


class DetailMixin:
    role = None

    def get_object(self):
        return get_object_or_404(
            _detail_queryset().filter(pk__in=services.visible_to(self.request.user).values("pk")),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote_request = self.object
        versions = list(quote_request.versions.all())
        latest = versions[-1] if versions else None
        context.update(
            quote_request=quote_request,
            versions=versions,
            latest=latest,
            message_form=kwargs.get("message_form") or MessageForm(),
            role=services.role_of(self.request.user, quote_request) or "staff",
            can_answer=quote_request.status == Status.QUOTED and latest is not None,
            latest_expired=bool(latest and latest.is_expired()),
            request_attachments=[a for a in quote_request.attachments.all() if not a.message_id],
            can_cancel=(
                quote_request.status in (Status.REQUESTED, Status.QUOTED)
                or (quote_request.status == Status.ACCEPTED and not quote_request.order_id)
            ),
        )
        return context


class ClientDetailView(LoginRequiredMixin, DetailMixin, TemplateView):
    template_name = "quotes/client_detail.html"
    role = services.CLIENT

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if services.role_of(request.user, self.object) == services.CREATOR:
            return redirect(self.object.get_creator_url())
        return self.render_to_response(self.get_context_data())


class CreatorDetailView(CreatorMixin, DetailMixin, TemplateView):
    template_name = "quotes/creator_detail.html"
    role = services.CREATOR

    def get_object(self):
        return get_object_or_404(_detail_queryset(), pk=self.kwargs["pk"], partner=self.partner)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data())


def _revised_validity(version):
    """A revision keeps the previous version's "valid until" while it is still ahead;
    past it, the same length of validity counted from today."""
    today = timezone.localdate()
    if version.valid_until >= today:
        return version.valid_until
    sent_on = timezone.localdate(version.created_at)
    return today + max(version.valid_until - sent_on, timedelta(days=1))


class QuoteFormView(CreatorMixin, TemplateView):
    """Send a quote, or a revision (a new version); refused after acceptance."""

    template_name = "quotes/quote_form.html"

    def get_request(self):
        return get_object_or_404(
            QuoteRequest.objects.select_related("product", "province", "client"),
            pk=self.kwargs["pk"],
            partner=self.partner,
        )

    def get_forms(self, data=None):
        quote_request = self.get_request()
        initial_lines = []
        latest = quote_request.latest_version()
        initial = {}
        if latest is not None:
            initial_lines = [
                {"label": line.label, "quantity": line.quantity, "unit_price": line.unit_price}
                for line in latest.lines.all()
            ]
            initial = {
                "deposit_percent": latest.deposit_percent,
                "terms": latest.terms,
                "valid_until": _revised_validity(latest),
            }
        return (
            quote_request,
            QuoteForm(data, initial=initial),
            QuoteLineFormSet(data, initial=initial_lines, prefix="lines"),
        )

    def get(self, request, *args, **kwargs):
        quote_request, form, lines = self.get_forms()
        return self.render_to_response(
            self.get_context_data(quote_request=quote_request, form=form, lines=lines)
        )

    def post(self, request, *args, **kwargs):
        quote_request, form, lines = self.get_forms(request.POST)
        errors = []
        if form.is_valid() and lines.is_valid():
            items = lines_of(lines)
            try:
                services.send_quote(
                    quote_request,
                    by=request.user,
                    lines=items,
                    deposit_percent=form.cleaned_data["deposit_percent"],
                    valid_until=form.cleaned_data["valid_until"],
                    terms=form.cleaned_data["terms"],
                )
            except services.QuoteError as error:
                errors.append(str(error))
            else:
                messages.success(request, _("Your quote is sent to the client."))
                return redirect(quote_request.get_creator_url())
        messages.error(request, _("Some fields need your attention; nothing has been sent."))
        context = self.get_context_data(
            quote_request=quote_request, form=form, lines=lines, errors=errors
        )
        return self.render_to_response(context, status=400)


# --------------------------------------------------------------------------------------
# Actions (POST only)
# --------------------------------------------------------------------------------------
def _own_request(request, pk, role=None):
    """The request ``pk`` if the user may act on it as ``role`` (client/creator); else 404."""
    if not request.user.is_authenticated:
        raise Http404
    quote_request = get_object_or_404(
        QuoteRequest.objects.select_related("partner", "accepted_version"),
        pk=pk,
        pk__in=services.visible_to(request.user).values("pk"),
    )
    actual = services.role_of(request.user, quote_request)
    if actual is None or (role is not None and actual != role):
        raise Http404
    return quote_request


def _back(request, quote_request):
    return HttpResponseRedirect(services.thread_url_for(request.user, quote_request))


def _refused(request, quote_request, error):
    messages.error(request, str(error))
    return _back(request, quote_request)


@require_POST
def accept_view(request, pk, version):
    quote_request = _own_request(request, pk, services.CLIENT)
    version = get_object_or_404(QuoteVersion, pk=version, request=quote_request)
    try:
        services.accept(quote_request, version, by=request.user)
        services.add_to_basket(request.basket, quote_request)
    except services.QuoteError as error:
        return _refused(request, quote_request, error)
    messages.success(request, _("You accepted the quote: it is in your basket, ready to be paid."))
    return redirect("basket:summary")


@require_POST
def pay_view(request, pk):
    quote_request = _own_request(request, pk, services.CLIENT)
    try:
        services.add_to_basket(request.basket, quote_request)
    except services.QuoteError as error:
        return _refused(request, quote_request, error)
    return redirect("basket:summary")


@require_POST
def decline_view(request, pk, version):
    quote_request = _own_request(request, pk, services.CLIENT)
    version = get_object_or_404(QuoteVersion, pk=version, request=quote_request)
    try:
        services.decline(quote_request, version, by=request.user)
    except services.QuoteError as error:
        return _refused(request, quote_request, error)
    messages.success(request, _("You declined the quote; the creator is told."))
    return _back(request, quote_request)


@require_POST
def cancel_view(request, pk):
    quote_request = _own_request(request, pk)
    try:
        services.cancel(quote_request, by=request.user)
    except services.QuoteError as error:
        return _refused(request, quote_request, error)
    messages.success(request, _("The request is cancelled; the other party is told."))
    return _back(request, quote_request)


@require_POST
def message_view(request, pk):
    quote_request = _own_request(request, pk)
    form = MessageForm(request.POST, request.FILES)
    if not form.is_valid():
        role = services.role_of(request.user, quote_request)
        view_class = CreatorDetailView if role == services.CREATOR else ClientDetailView
        view = view_class()
        view.setup(request, pk=pk)
        view.object = view.get_object()
        context = view.get_context_data(message_form=form)
        return render(request, view.template_name, context, status=400)
    services.post_message(
        quote_request,
        by=request.user,
        body=form.cleaned_data["body"],
        files=form.cleaned_data["attachments"],
    )
    messages.success(request, _("Your message is sent."))
    return HttpResponseRedirect(services.thread_url_for(request.user, quote_request) + "#thread")


def attachment_view(request, pk, attachment):
    """A request's or message's file, for its client, its creator and staff only."""
    if not request.user.is_authenticated:
        raise Http404
    quote_request = get_object_or_404(
        QuoteRequest, pk=pk, pk__in=services.visible_to(request.user).values("pk")
    )
    item = get_object_or_404(QuoteAttachment, pk=attachment, request=quote_request)
    return private_file_response(item.file, item.name)
