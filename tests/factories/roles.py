"""The eleven roles of the access matrix.

Staff roles are the groups of ``accounts.roles`` (the only place that grants permissions,
applied by ``migrate``): Communication, Moderators, Programme staff, Jury; each staff user
holds that one group and nothing else. Each creator has an approved directory profile, a
shop (Partner) and one product, and no permission; the directory professional has a profile
and no shop; each client has an address book entry.

``World.objects`` holds the objects the access matrix opens by id, all owned by client A and
creator A (so client B and creator B must get 404): a L'Karfour stand, a quote request with a
quote and an attachment, a hackathon application with an attachment, a paid order of creator
A's digital product (its part, line, download link and bank-receipt file), a guest order, and
a pending personal-data copy request, an event open for registration and the news index.
``World.files`` lists the private files written, for the
fixture to delete.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from oscar.test.factories import UserAddressFactory

from accounts import roles

from .catalogue import ProductFactory
from .directory import ProfileFactory
from .users import UserFactory

ROLES = (
    "anonymous",
    "client_a",
    "client_b",
    "creator_a",
    "creator_b",
    "professional",
    "comms",
    "moderator",
    "staff",
    "juror",
    "superuser",
)


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role → User (no entry for anonymous)
    products: dict = field(default_factory=dict)  # creator role → Product
    partners: dict = field(default_factory=dict)  # creator role → Partner
    profiles: dict = field(default_factory=dict)  # creator/professional role → Profile
    addresses: dict = field(default_factory=dict)  # client role → UserAddress
    objects: dict = field(default_factory=dict)  # name → object of client A / creator A
    files: list = field(default_factory=list)  # private FieldFiles written (to delete)

    def user(self, role):
        return self.users.get(role)

    def delete_files(self):
        for field_file in self.files:
            field_file.storage.delete(field_file.name)


def build_world():
    roles.apply_roles()
    world = World()
    for role in ("client_a", "client_b"):
        world.users[role] = UserFactory(email=f"{role}@example.ma")
        world.addresses[role] = UserAddressFactory(user=world.users[role])
    for role in ("creator_a", "creator_b"):
        user = UserFactory(email=f"{role}@example.ma")
        profile = ProfileFactory(user=user, name=f"Atelier {role}")
        product = ProductFactory(partner__profile=profile, partner__users=[user])
        partner = product.stockrecords.first().partner
        world.users[role] = user
        world.profiles[role] = profile
        world.partners[role] = partner
        world.products[role] = product
    professional = UserFactory(email="professional@example.ma")
    world.users["professional"] = professional
    world.profiles["professional"] = ProfileFactory(user=professional, name="Studio Pro")
    for role, name in STAFF_GROUPS.items():
        user = UserFactory(email=f"{role}@example.ma", is_staff=True)
        user.groups.add(roles.group(name))
        world.users[role] = user
    world.users["superuser"] = UserFactory(
        email="superuser@example.ma", is_staff=True, is_superuser=True
    )
    _build_objects(world)
    return world


# Matrix role → its group in accounts.roles.
STAFF_GROUPS = {
    "comms": roles.COMMUNICATION,
    "moderator": roles.MODERATORS,
    "staff": roles.PROGRAMME_STAFF,
    "juror": roles.JURY,
}


# The smallest valid PDF header the upload checks recognise, for private files.
PDF = b"%PDF-1.4\n%test\n"


def _private_file(world, instance, field_name, name):
    field_file = getattr(instance, field_name)
    field_file.save(name, ContentFile(PDF), save=True)
    world.files.append(field_file)
    return field_file


def _build_objects(world):
    """The objects of client A and creator A that the matrix opens by id."""
    from hackathon.models import Attachment
    from shop.downloads.models import DownloadGrant
    from shop.quotes.models import QuoteAttachment
    from youth.models import DataRequest
    from youth.views import make_token

    from .hackathon import ApplicationFactory, CallFactory
    from .market import StandFactory
    from .pages import event_page, news_index
    from .payments import placed_order
    from .quotes import QuoteRequestFactory, send_quote

    client_a, partner_a = world.users["client_a"], world.partners["creator_a"]
    objects = world.objects

    # L'Karfour: creator A has a stand at the running edition.
    objects["stand"] = StandFactory(partner=partner_a)

    # Quotes: client A asked creator A for their service and received a quote.
    quote = QuoteRequestFactory(
        client=client_a, partner=partner_a, product=world.products["creator_a"]
    )
    objects["quote"] = quote
    objects["quote_version"] = send_quote(quote)
    attachment = QuoteAttachment(request=quote, name="plan.pdf", uploaded_by=client_a)
    _private_file(world, attachment, "file", "plan.pdf")
    objects["quote_attachment"] = attachment

    # Hackathon: client A applied to the open call, with a file.
    application = ApplicationFactory(call=CallFactory(), applicant=client_a)
    objects["application"] = application
    file = Attachment(application=application, title="Dossier")
    _private_file(world, file, "file", "dossier.pdf")
    objects["application_attachment"] = file

    # Orders: client A bought creator A's digital product (paid by card); a guest bought it too.
    digital = ProductFactory(kind="digital", partner=partner_a)
    _private_file(world, digital, "digital_file", "album.pdf")
    objects["digital"] = digital
    order = placed_order([(digital, 1)], user=client_a, payment_method="card")
    order.paid_at = timezone.now()
    order.save(update_fields=["paid_at"])
    _private_file(world, order, "bank_receipt", "receipt.pdf")
    objects["order"] = order
    objects["line"] = order.lines.get()
    objects["part"] = order.parts.get()
    objects["grant"] = DownloadGrant.objects.create(
        order=order,
        line=objects["line"],
        product=digital,
        expires_at=timezone.now() + timedelta(days=7),
        max_downloads=5,
    )
    objects["guest_order"] = placed_order([(digital, 1)], guest_email="guest@example.ma")

    # Editorial pages with routes of their own: an event open for registration, the news.
    objects["event"] = event_page(capacity=30, registration_open=True)
    objects["news_index"] = news_index()

    # Personal data: a pending request for a copy of client A's data (the emailed link).
    data_request = DataRequest.objects.create(
        kind=DataRequest.Kind.COPY, status=DataRequest.Status.PENDING, email=client_a.email
    )
    objects["data_request"] = data_request
    objects["data_token"] = make_token(data_request)
