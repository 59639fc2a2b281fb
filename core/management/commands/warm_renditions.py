"""``manage.py warm_renditions``: make every thumbnail and rendition the templates use, now.

After an upload the task worker makes them (core/renditions.py); this command does it for
what already exists: after a deployment that adds a size, a restore, or a bulk import
(``seed_scale`` and other bulk inserts send no signals). It runs in this process, not through
the task queue, and skips what is already made (a key-value store or ``Rendition`` lookup),
so a second run is quick.

    manage.py warm_renditions [--products] [--profiles] [--images] [--quiet]

Without an option it does all three (each app registers its kind of image from its
``AppConfig.ready()``, see core/renditions.py). A missing or unreadable file is logged and
counted as failed; the command goes on.
"""

import time

from django.core.management.base import BaseCommand

from core import renditions
from core.progress import Bar

CHUNK = 200


class Command(BaseCommand):
    help = "Make the thumbnails and renditions the templates use for every existing image."

    def add_arguments(self, parser):
        # One option per kind of image the apps registered (core.renditions.register_source):
        # --products (product images), --profiles (photos and portfolio), --images (Wagtail).
        for source in renditions.sources():
            parser.add_argument(f"--{source.name}", action="store_true", help=source.label)
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        self.quiet = options["quiet"]
        wanted = [source for source in renditions.sources() if options[source.name]]
        wanted = wanted or renditions.sources()
        started = time.monotonic()
        for source in wanted:
            self.run(source.label, source.queryset().order_by("pk"), source.warm)
        self.say(f"warm_renditions done in {time.monotonic() - started:.0f} s")

    def run(self, label, queryset, warm):
        total = queryset.count()
        bar = Bar(self.stdout, label, total, quiet=self.quiet)
        counts = {"ready": 0, "failed": 0}
        for done, instance in enumerate(queryset.iterator(chunk_size=CHUNK), start=1):
            for key, value in warm(instance).items():
                counts[key] = counts.get(key, 0) + value
            if done % 25 == 0 or done == total:
                bar.update(done)
        bar.finish()
        # The summary is printed even with --quiet: it is what a deployment script logs.
        self.stdout.write(
            f"{label}: {total} checked, {counts['ready']} sizes ready, "
            f"{counts['failed']} missing or unreadable"
        )

    def say(self, message):
        if not self.quiet:
            self.stdout.write(message)
