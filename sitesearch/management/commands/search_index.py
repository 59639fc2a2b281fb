"""``manage.py search_index --rebuild``: refold the database backend's stored text and,
with Elasticsearch, fill fresh indices, then swap aliases.

The database backend's ``SearchEntry`` rows (folded titles and descriptions) are rewritten
for every product and profile, in batches; saves keep them up to date afterwards, so this
is only needed after bulk inserts or a change to the folding rules.

On Elasticsearch, each kind (profiles, products) is written into a new timestamped index;
when it is full, the alias visitors search through moves to it in one atomic
``update_aliases`` call and the old indices are deleted, so searches never see an empty
or half-built index. Wagtail's pages have their own command: ``manage.py wagtail_update_index``.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from elasticsearch.helpers import bulk

from directory.models import Profile
from shop.catalogue.models import Product
from shop.catalogue.queries import public_products
from sitesearch.backends.elasticsearch import FAILURES, get_client
from sitesearch.documents import ProductDocument, ProfileDocument
from sitesearch.index import rebuild_entries

BATCH = 500


def progress(done, total, width=30):
    filled = width * done // total if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"


class Command(BaseCommand):
    help = (
        "Rebuild the search data of profiles and products: the database backend's folded "
        "text, and the Elasticsearch indices when configured (zero-downtime alias swap)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Build new indices and swap.")

    def handle(self, *args, rebuild=False, **options):
        if not rebuild:
            raise CommandError("Nothing to do: pass --rebuild.")
        started = time.monotonic()
        for model in (Profile, Product):
            self.stdout.write(f"database search text: {model._meta.verbose_name_plural}")
            rebuild_entries(
                model,
                lambda done, total: self.stdout.write("\r" + progress(done, total), ending=""),
            )
            self.stdout.write("")
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))
            return
        client = get_client()
        kinds = [
            (ProfileDocument, Profile.objects.public().for_listing().order_by("pk")),
            (ProductDocument, public_products().order_by("pk")),
        ]
        try:
            for document_class, queryset in kinds:
                self._rebuild(client, document_class, queryset)
        except FAILURES as error:
            raise CommandError(f"Elasticsearch did not answer: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))

    def _rebuild(self, client, document_class, queryset):
        alias = document_class.Index.name
        new = f"{alias}-{time.strftime('%Y%m%d%H%M%S')}"
        index = document_class._index.clone(name=new)
        index.create(using=client)
        total = queryset.count()
        self.stdout.write(f"{alias} → {new}")
        done = 0
        while done < total:
            batch = list(queryset[done : done + BATCH])
            actions = [
                document_class.from_object(obj).to_dict(include_meta=True) | {"_index": new}
                for obj in batch
            ]
            bulk(client, actions)
            done += len(batch)
            self.stdout.write("\r" + progress(done, total), ending="")
            if not batch:
                break
        self.stdout.write("\r" + progress(done, total))
        client.indices.refresh(index=new)
        old = []
        if client.indices.exists_alias(name=alias):
            old = list(client.indices.get_alias(name=alias).keys())
        if client.indices.exists(index=alias) and not old:
            client.indices.delete(index=alias)  # a plain index in the alias's place
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": new, "alias": alias}})
        client.indices.update_aliases(actions=actions)
        for name in old:
            client.indices.delete(index=name)
