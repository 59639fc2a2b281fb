"""Download links for digital products: one per paid digital order line.

The link's token is 256 random bits (unguessable, unique); the link expires after
``TAKAFAMAP_DOWNLOAD_DAYS`` and allows ``TAKAFAMAP_DOWNLOAD_LIMIT`` downloads.
"""

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_token():
    return secrets.token_urlsafe(32)


class DownloadGrant(models.Model):
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.CASCADE,
        related_name="download_grants",
        verbose_name=pgettext_lazy("purchase", "order"),
    )
    line = models.OneToOneField(
        "order.Line",
        on_delete=models.CASCADE,
        related_name="download_grant",
        verbose_name=_("order line"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("product"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    expires_at = models.DateTimeField(_("expires at"))
    max_downloads = models.PositiveIntegerField(_("downloads allowed"))
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    last_downloaded_at = models.DateTimeField(_("last download"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("download link")
        verbose_name_plural = _("download links")

    def __str__(self):
        return f"{self.order.number} · {self.line_id}"

    def get_absolute_url(self):
        return reverse("downloads:download", kwargs={"token": self.token})

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def remaining(self):
        return max(self.max_downloads - self.download_count, 0)

    @property
    def is_usable(self):
        return not self.is_expired and self.remaining > 0
