"""A progress bar for long management commands (``seed_scale``, ``warm_renditions``)."""

import time


class Bar:
    """A one-line progress bar: ``label [#####.....] 1200/10000``."""

    def __init__(self, stdout, label, total, quiet=False, width=30):
        self.stdout, self.label, self.total, self.quiet, self.width = (
            stdout,
            label,
            total,
            quiet,
            width,
        )
        self.started = time.monotonic()

    def update(self, done):
        if self.quiet:
            return
        filled = self.width * done // self.total if self.total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        self.stdout.write(f"\r{self.label:<18} [{bar}] {done}/{self.total}", ending="")
        self.stdout.flush()

    def finish(self):
        if not self.quiet:
            self.update(self.total)
            self.stdout.write(f"  {time.monotonic() - self.started:.1f} s")
