"""Object-level isolation on the actions (issue 10): another person's POST on an object of
client A or creator A answers 404 and changes nothing.

The access matrix (test_access_matrix) checks every GET; these are the POST-only views and
the forms' POSTs, where a missing owner check would let one user change another's data.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from . import matrix

WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)

CLIENTS_B = ("client_b", "creator_b", "professional")  # signed in, not a party to the object
STAFF = matrix.STAFF


def _quote(world):
    return {"pk": world.objects["quote"].pk}


def _version(world):
    version = world.objects["quote_version"]
    return {"pk": version.request_id, "version": version.pk}


def _part(world):
    return {"pk": world.objects["part"].pk}


def _order(world):
    return {"number": world.objects["order"].number}


def _product(world):
    return {"pk": world.products["creator_a"].pk}


# URL name → (kwargs from the world, the roles that must get 404, POST data).
ACTIONS = {
    # Quotes: only the client acts as client; read-only staff and strangers get 404.
    "quotes:accept": (_version, (*CLIENTS_B, "creator_a", *STAFF), {}),
    "quotes:decline": (_version, (*CLIENTS_B, "creator_a", *STAFF), {}),
    "quotes:pay": (_quote, (*CLIENTS_B, "creator_a", *STAFF), {}),
    "quotes:cancel": (_quote, (*CLIENTS_B, *STAFF), {}),
    "quotes:message": (_quote, (*CLIENTS_B, *STAFF), {"body": "Bonjour"}),
    "quotes:creator-quote": (_quote, ("creator_b",), {}),
    # Creator space: another creator's order part or product.
    "creator_orders:status": (_part, ("creator_b",), {"status": "confirmed"}),
    "creator_orders:paid": (_part, ("creator_b",), {}),
    "creators:product-visibility": (_product, ("creator_b",), {}),
    "creators:product-delete": (_product, ("creator_b",), {}),
    "creators:product-edit": (_product, ("creator_b",), {"title": "Pris"}),
    # Client A's order, application, address and the professional's directory profile.
    "checkout:bank-receipt": (_order, ("client_b", "creator_b", "professional"), {}),
    "hackathon:application-edit": (
        lambda w: {"pk": w.objects["application"].pk},
        ("client_b", "creator_a", "creator_b", "professional", *STAFF),
        {"project_name": "Pris"},
    ),
    "customer:address-delete": (
        lambda w: {"pk": w.addresses["client_a"].pk},
        ("client_b", "creator_a", "creator_b", "professional", *STAFF),
        {},
    ),
    "directory:profile-edit": (
        lambda w: {"slug": w.profiles["professional"].slug},
        ("client_a", "client_b", "creator_a", "creator_b", *STAFF),
        {"name": "Pris"},
    ),
}


def _writes(queries):
    tables = set()
    for query in queries.captured_queries:
        match = WRITE.match(query["sql"])
        if match and not match.group(2).startswith(matrix.GET_MAY_WRITE):
            tables.add(match.group(2))
    return sorted(tables)


@pytest.mark.django_db
def test_another_persons_post_on_an_object_answers_404_and_changes_nothing(world, clients):
    mismatches = []
    for name, (kwargs, intruders, data) in ACTIONS.items():
        with translation.override("fr"):
            url = reverse(name, kwargs=kwargs(world))
        for role in intruders:
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                response = clients[role].post(url, data)
            if response.status_code != 404:
                mismatches.append(f"{name} {url} as {role}: got {response.status_code}")
            if writes := _writes(queries):
                mismatches.append(f"{name} {url} as {role}: wrote to {writes}")
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.django_db
def test_the_owners_post_is_let_through(world, clients):
    """The same URLs reach the view for their owner (the 404s above are not a broken URL)."""
    quote = world.objects["quote"]
    with translation.override("fr"):
        url = reverse("quotes:message", kwargs={"pk": quote.pk})
    response = clients["client_a"].post(url, {"body": "Bonjour, une question."})
    assert response.status_code == 302
    assert quote.messages.filter(author=world.users["client_a"]).count() == 1

    part = world.objects["part"]
    with translation.override("fr"):
        url = reverse("creator_orders:status", kwargs={"pk": part.pk})
    response = clients["creator_a"].post(url, {"status": "confirmed"})
    assert response.status_code == 302
    part.refresh_from_db()
    assert part.status == "confirmed"
