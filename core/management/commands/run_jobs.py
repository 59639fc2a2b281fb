"""Run the site's periodic jobs (core/jobs.py), for cron or a systemd timer.

    manage.py run_jobs --list
    manage.py run_jobs --period often        # every 5 minutes
    manage.py run_jobs --period daily        # once a day
    manage.py run_jobs --only expire_quotes  # one job (repeatable)

A failing job is logged and the others still run; the exit status is then 1.
"""

from django.core.management.base import BaseCommand, CommandError

from core import jobs


class Command(BaseCommand):
    help = "Run the periodic jobs (all, one period, or by name); --list shows them."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=jobs.PERIODS, help="Only the jobs of a period.")
        parser.add_argument(
            "--only", action="append", default=[], metavar="NAME", help="Only this job."
        )
        parser.add_argument("--list", action="store_true", help="List the jobs and stop.")

    def handle(self, *args, period=None, only=(), list=False, **options):
        selected = [job for job in jobs.JOBS if period is None or job.period == period]
        if only:
            unknown = [name for name in only if name not in {job.name for job in jobs.JOBS}]
            if unknown:
                raise CommandError(
                    f"Unknown job: {', '.join(unknown)}. "
                    f"Jobs: {', '.join(job.name for job in jobs.JOBS)}."
                )
            selected = [job for job in selected if job.name in only]
        if list:
            for job in selected:
                skipped = job.skipped()
                note = f" (skipped here: {skipped})" if skipped else ""
                self.stdout.write(f"{job.name:<20} {job.period:<6} {job.description}{note}")
            return
        failed = jobs.run(selected, self.stdout)
        if failed:
            raise CommandError(f"{len(failed)} job(s) failed: {', '.join(failed)}.")
        self.stdout.write(self.style.SUCCESS("All jobs done."))
