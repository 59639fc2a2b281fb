"""Wagtail pages for tests, built under the French home page the data migration made.

Plain functions (Wagtail pages are created through their parent, not ``objects.create``):
each builds the page, adds it under its parent and publishes it unless ``live=False``.
"""

import itertools
from datetime import timedelta

from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from cms.models import EventIndexPage, EventPage, HomePage, NewsIndexPage, NewsPage

_numbers = itertools.count(1)


def home_page(language="fr"):
    return HomePage.objects.get(locale__language_code=language)


def add_page(parent, page, live=True):
    page.slug = page.slug or f"page-{next(_numbers)}"
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page


def image(description="Projecteur de scène sur fond doré", **kwargs):
    """A Wagtail image; ``description`` is its alt text."""
    return get_image_model().objects.create(
        title=kwargs.pop("title", "Image de test"),
        file=get_test_image_file(),
        description=description,
        **kwargs,
    )


def news_index(parent=None, **fields):
    parent = parent or home_page()
    existing = NewsIndexPage.objects.child_of(parent).first()
    if existing is not None and not fields:
        return existing
    fields.setdefault("title", "Actualités")
    fields.setdefault("slug", "actualites")
    return add_page(parent, NewsIndexPage(**fields))


def news_page(index=None, live=True, tags=(), sectors=(), **fields):
    index = index or news_index()
    number = next(_numbers)
    fields.setdefault("title", f"Article {number}")
    fields.setdefault("slug", f"article-{number}")
    fields.setdefault("summary", f"Résumé de l'article {number}")
    page = NewsPage(**fields)
    page.tags.set(tags)
    page.sectors.set(sectors)
    return add_page(index, page, live=live)


def event_index(parent=None, **fields):
    parent = parent or home_page()
    existing = EventIndexPage.objects.child_of(parent).first()
    if existing is not None and not fields:
        return existing
    fields.setdefault("title", "Agenda")
    fields.setdefault("slug", "agenda")
    return add_page(parent, EventIndexPage(**fields))


def event_page(index=None, live=True, days=10, **fields):
    """An event ``days`` from now (negative: in the past), two hours long."""
    index = index or event_index()
    number = next(_numbers)
    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    fields.setdefault("title", f"Café-débat {number}")
    fields.setdefault("slug", f"evenement-{number}")
    fields.setdefault("start", start)
    fields.setdefault("end", start + timedelta(hours=2))
    return add_page(index, EventPage(**fields), live=live)


def translate(page, language, live=True, **fields):
    """The page's translation in ``language`` (parents copied too), published."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if live:
        revision.publish()
    for ancestor in translated.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    translated.refresh_from_db()
    return translated


def contact_page(parent=None, **fields):
    """A contact form (name, email, message) under the home page, mailing staff."""
    from cms.models import ContactFormField, ContactPage

    fields.setdefault("title", "Contact")
    fields.setdefault("slug", "contact")
    fields.setdefault("to_address", "staff@takafamap.ma")
    fields.setdefault("from_address", "site@takafamap.ma")
    fields.setdefault("subject", "Message du site")
    page = ContactPage(**fields)
    page.form_fields = [
        ContactFormField(label="Nom", field_type="singleline", required=True),
        ContactFormField(label="Email", field_type="email", required=True),
        ContactFormField(label="Message", field_type="multiline", required=True),
    ]
    return add_page(parent or home_page(), page)
