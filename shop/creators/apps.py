from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreatorsConfig(AppConfig):
    """The creator space (``/shop/my-shop/``) and the public shop page of each creator."""

    name = "shop.creators"
    label = "creators"
    verbose_name = _("Creator shops")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from . import visitor

        visitor.connect()  # the shops a visitor runs, the creator's "edit" link on shared pages
