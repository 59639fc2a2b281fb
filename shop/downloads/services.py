"""Granting and using download links."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import DownloadGrant

DIGITAL_CLASS = "digital"


def is_digital(line):
    product = line.product
    return bool(
        product is not None
        and product.product_class is not None
        and product.product_class.slug == DIGITAL_CLASS
        and product.digital_file
    )


def grant_part_downloads(part, now=None):
    """A download link for each digital line of a paid part; idempotent (one per line)."""
    now = now or timezone.now()
    expires_at = now + timedelta(days=settings.TAKAFAMAP_DOWNLOAD_DAYS)
    created = []
    lines = (
        part.order.lines.filter(partner_id=part.partner_id, download_grant__isnull=True)
        .select_related("product__product_class")
        .order_by("pk")
    )
    with transaction.atomic():
        for line in lines:
            if not is_digital(line):
                continue
            grant, was_created = DownloadGrant.objects.get_or_create(
                line=line,
                defaults={
                    "order": part.order,
                    "product": line.product,
                    "expires_at": expires_at,
                    "max_downloads": settings.TAKAFAMAP_DOWNLOAD_LIMIT,
                },
            )
            if was_created:
                created.append(grant)
    return created


def use(grant, now=None):
    """Count one download if the link still allows it; ``True`` when it does.

    The count is raised in one conditional UPDATE, so two simultaneous downloads of a link
    with one download left cannot both succeed.
    """
    now = now or timezone.now()
    updated = DownloadGrant.objects.filter(
        pk=grant.pk, expires_at__gt=now, download_count__lt=F("max_downloads")
    ).update(download_count=F("download_count") + 1, last_downloaded_at=now)
    return updated == 1


def revoke_order_downloads(order, now=None):
    """A refunded order's links stop working now; returns how many were still open."""
    now = now or timezone.now()
    return DownloadGrant.objects.filter(order=order, expires_at__gt=now).update(expires_at=now)
