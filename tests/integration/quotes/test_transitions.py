"""Every state change of a quote request, who may cause it, and what is refused."""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from shop.quotes import services
from shop.quotes.models import ImmutableError, QuoteEvent, QuoteRequest, Status
from tests.factories import PartnerFactory, UserFactory
from tests.factories.quotes import QuoteRequestFactory, accepted_request, send_quote

pytestmark = pytest.mark.django_db


def statuses(quote_request):
    return list(
        QuoteEvent.objects.filter(request=quote_request).values_list("from_status", "to_status")
    )


def creator_of(quote_request):
    return quote_request.partner.users.first()


def test_a_new_request_is_recorded_and_the_creator_emailed(django_capture_on_commit_callbacks):
    partner = PartnerFactory()
    quote_request = QuoteRequestFactory.build(
        client=UserFactory(), partner=partner, product=None, description="Mapping vidéo"
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.create_request(quote_request)
        assert mail.outbox == []  # nothing leaves before the commit
    assert callbacks
    quote_request.refresh_from_db()
    assert quote_request.status == Status.REQUESTED
    assert statuses(quote_request) == [("", Status.REQUESTED)]
    assert [m.to for m in mail.outbox] == [[creator_of(quote_request).email]]
    assert quote_request.get_creator_url() in mail.outbox[0].body


def test_sending_a_quote_moves_to_quoted_and_emails_the_client(
    django_capture_on_commit_callbacks,
):
    quote_request = QuoteRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        version = send_quote(quote_request, total="1500.00", deposit=40)
    quote_request.refresh_from_db()
    assert quote_request.status == Status.QUOTED
    assert version.number == 1
    assert version.total == Decimal("1500.00")
    assert version.deposit_amount == Decimal("600.00")
    assert version.balance_due == Decimal("900.00")
    event = quote_request.events.last()
    assert (event.from_status, event.to_status, event.actor) == (
        Status.REQUESTED,
        Status.QUOTED,
        creator_of(quote_request),
    )
    assert [m.to for m in mail.outbox] == [[quote_request.client.email]]


def test_a_revision_keeps_every_version_and_versions_are_immutable():
    quote_request = QuoteRequestFactory()
    first = send_quote(quote_request, total="1000.00")
    second = send_quote(quote_request, total="900.00")
    assert [v.number for v in quote_request.versions.all()] == [1, 2]
    assert quote_request.versions.get(number=1).total == Decimal("1000.00")
    assert second.total == Decimal("900.00")
    assert statuses(quote_request)[-1] == (Status.QUOTED, Status.QUOTED)
    first.terms = "changed"
    with pytest.raises(ImmutableError):
        first.save()
    with pytest.raises(ImmutableError):
        first.lines.first().save()


def test_the_client_accepts_the_latest_version(django_capture_on_commit_callbacks):
    quote_request = QuoteRequestFactory()
    version = send_quote(quote_request)
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(quote_request, version, by=quote_request.client)
    quote_request.refresh_from_db()
    assert quote_request.status == Status.ACCEPTED
    assert quote_request.accepted_version == version
    assert statuses(quote_request)[-1] == (Status.QUOTED, Status.ACCEPTED)
    assert [m.to for m in mail.outbox] == [[creator_of(quote_request).email]]


def test_acceptance_is_refused_twice_by_another_user_after_expiry_and_for_older_versions():
    quote_request = QuoteRequestFactory()
    old = send_quote(quote_request)
    latest = send_quote(quote_request, days=3)
    with pytest.raises(services.QuoteError):
        services.accept(quote_request, old, by=quote_request.client)
    with pytest.raises(services.QuoteError):
        services.accept(quote_request, latest, by=UserFactory())
    with pytest.raises(services.QuoteError):
        services.accept(quote_request, latest, by=creator_of(quote_request))
    later = timezone.localdate() + timedelta(days=4)
    with pytest.raises(services.QuoteError):
        services.accept(quote_request, latest, by=quote_request.client, today=later)
    services.accept(quote_request, latest, by=quote_request.client)
    with pytest.raises(services.QuoteError):
        services.accept(quote_request, latest, by=quote_request.client)
    quote_request.refresh_from_db()
    assert quote_request.accepted_version == latest
    assert quote_request.events.filter(to_status=Status.ACCEPTED).count() == 1


def test_the_price_cannot_change_after_acceptance():
    quote_request = accepted_request()
    with pytest.raises(services.QuoteError):
        send_quote(quote_request, total="1.00")
    assert quote_request.versions.count() == 1
    quote_request.refresh_from_db()
    assert quote_request.status == Status.ACCEPTED


def test_the_client_declines_and_the_creator_may_send_a_new_offer(
    django_capture_on_commit_callbacks,
):
    quote_request = QuoteRequestFactory()
    version = send_quote(quote_request)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(quote_request, version, by=quote_request.client)
    assert quote_request.status == Status.DECLINED
    assert [m.to for m in mail.outbox] == [[creator_of(quote_request).email]]
    with pytest.raises(services.QuoteError):
        services.accept(quote_request, version, by=quote_request.client)
    send_quote(quote_request, total="800.00")
    quote_request.refresh_from_db()
    assert quote_request.status == Status.QUOTED
    with pytest.raises(services.QuoteError):
        services.decline(quote_request, version, by=quote_request.client)  # not the latest


def test_expire_quotes_expires_only_quotes_past_their_validity(
    django_capture_on_commit_callbacks,
):
    due = QuoteRequestFactory()
    send_quote(due, days=0)
    fresh = QuoteRequestFactory()
    send_quote(fresh, days=10)
    waiting = QuoteRequestFactory()
    tomorrow = timezone.localdate() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_due(today=tomorrow) == 1
    due.refresh_from_db()
    fresh.refresh_from_db()
    waiting.refresh_from_db()
    assert (due.status, fresh.status, waiting.status) == (
        Status.EXPIRED,
        Status.QUOTED,
        Status.REQUESTED,
    )
    event = due.events.last()
    assert (event.from_status, event.to_status, event.actor) == (
        Status.QUOTED,
        Status.EXPIRED,
        None,
    )
    # The system's changes reach both parties.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([due.client.email, creator_of(due).email])
    with pytest.raises(services.QuoteError):
        services.accept(due, due.latest_version(), by=due.client)
    send_quote(due)  # a new offer after expiry
    due.refresh_from_db()
    assert due.status == Status.QUOTED


def test_the_expire_quotes_command_runs(capsys):
    quote_request = QuoteRequestFactory()
    version = send_quote(quote_request, days=1)
    type(version).objects.filter(pk=version.pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    call_command("expire_quotes")
    quote_request.refresh_from_db()
    assert quote_request.status == Status.EXPIRED
    assert "1" in capsys.readouterr().out


@pytest.mark.parametrize("who", ["client", "creator"])
@pytest.mark.parametrize("state", ["requested", "quoted", "accepted"])
def test_either_party_cancels_an_open_request(who, state, django_capture_on_commit_callbacks):
    quote_request = QuoteRequestFactory()
    if state != "requested":
        version = send_quote(quote_request)
    if state == "accepted":
        services.accept(quote_request, version, by=quote_request.client)
    actor = quote_request.client if who == "client" else creator_of(quote_request)
    other = creator_of(quote_request) if who == "client" else quote_request.client
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(quote_request, by=actor)
    assert quote_request.status == Status.CANCELLED
    assert quote_request.events.last().actor == actor
    assert [m.to for m in mail.outbox] == [[other.email]]


def test_a_stranger_cannot_cancel_and_a_cancelled_request_cannot_be_quoted():
    quote_request = QuoteRequestFactory()
    with pytest.raises(services.QuoteError):
        services.cancel(quote_request, by=UserFactory())
    services.cancel(quote_request, by=quote_request.client)
    with pytest.raises(services.QuoteError):
        send_quote(quote_request)
    with pytest.raises(services.QuoteError):
        services.cancel(quote_request, by=quote_request.client)


def test_an_ordered_quote_is_no_longer_cancelled_by_its_parties():
    quote_request = accepted_request()
    QuoteRequest.objects.filter(pk=quote_request.pk).update(order=_order())
    quote_request.refresh_from_db()
    with pytest.raises(services.QuoteError):
        services.cancel(quote_request, by=quote_request.client)


def _order():
    from oscar.test.factories import create_order

    return create_order()


def test_paid_then_completed_parts_move_the_quote_on(django_capture_on_commit_callbacks):
    quote_request = accepted_request()
    order = _order()
    QuoteRequest.objects.filter(pk=quote_request.pk).update(order=order)
    part = SimpleNamespace(order_id=order.pk, partner_id=quote_request.partner_id)
    other_part = SimpleNamespace(order_id=order.pk, partner_id=PartnerFactory().pk)
    services.mark_part_paid(other_part)
    quote_request.refresh_from_db()
    assert quote_request.status == Status.ACCEPTED
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_part_paid(part)
    quote_request.refresh_from_db()
    assert quote_request.status == Status.DEPOSIT_PAID
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [quote_request.client.email, creator_of(quote_request).email]
    )
    services.mark_part_completed(part)
    quote_request.refresh_from_db()
    assert quote_request.status == Status.COMPLETED
    assert statuses(quote_request)[-2:] == [
        (Status.ACCEPTED, Status.DEPOSIT_PAID),
        (Status.DEPOSIT_PAID, Status.COMPLETED),
    ]


def test_the_checkout_signals_reach_the_quotes():
    from shop.order.models import OrderPart
    from shop.order.signals import part_paid, part_status_changed

    quote_request = accepted_request()
    order = _order()
    QuoteRequest.objects.filter(pk=quote_request.pk).update(order=order)
    part = OrderPart.objects.create(
        order=order, partner=quote_request.partner, fulfilment=OrderPart.Fulfilment.ARRANGED
    )
    part_paid.send(sender=None, part=part)
    quote_request.refresh_from_db()
    assert quote_request.status == Status.DEPOSIT_PAID
    part_status_changed.send(sender=None, part=part, old="ready", new="handed_over")
    quote_request.refresh_from_db()
    assert quote_request.status == Status.DEPOSIT_PAID
    part_status_changed.send(sender=None, part=part, old="handed_over", new="completed")
    quote_request.refresh_from_db()
    assert quote_request.status == Status.COMPLETED


def test_a_cancelled_part_frees_the_quote_to_be_paid_again():
    from shop.order.models import OrderPart
    from shop.order.signals import part_status_changed

    quote_request = accepted_request()
    order = _order()
    QuoteRequest.objects.filter(pk=quote_request.pk).update(order=order)
    part = OrderPart.objects.create(
        order=order, partner=quote_request.partner, fulfilment=OrderPart.Fulfilment.ARRANGED
    )
    part_status_changed.send(sender=None, part=part, old="pending", new="cancelled")
    quote_request.refresh_from_db()
    assert (quote_request.status, quote_request.order) == (Status.ACCEPTED, None)


def test_transitions_outside_the_table_are_refused():
    quote_request = QuoteRequestFactory()
    for target in (Status.ACCEPTED, Status.DEPOSIT_PAID, Status.COMPLETED, Status.EXPIRED):
        with pytest.raises(services.QuoteError):
            services.transition(quote_request, target, role=services.CLIENT)
        with pytest.raises(services.QuoteError):
            services.transition(quote_request, target, role=services.CREATOR)
    assert quote_request.status == Status.REQUESTED


def test_creator_summary_counts_open_requests():
    partner = PartnerFactory()
    QuoteRequestFactory(partner=partner)
    accepted_request(partner=partner)
    closed = QuoteRequestFactory(partner=partner)
    services.cancel(closed, by=closed.client)
    QuoteRequestFactory()  # another creator's
    assert services.creator_summary(partner) == {"open_quotes": 2}
