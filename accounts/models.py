"""The site's user: one account for clients, creators and staff, signing in by email."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser
from phonenumber_field.modelfields import PhoneNumberField


class User(AbstractUser):
    """Oscar's email-based user, with the phone number most people here are reached on."""

    phone = PhoneNumberField(_("phone number"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        default="",
        # Each language by its own name ("العربية"), on the account page and in its form.
        choices=settings.LANGUAGES,
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email
