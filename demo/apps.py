from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Everything that exists only for ``make demo`` and ``make bench``: ``seed_demo``,
    ``seed_scale``, the demo content, its builders and generated images. No product code
    imports this app."""

    name = "demo"
    verbose_name = "Demo data"
