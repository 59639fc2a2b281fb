"""Profile moderation: timestamps and the owner's email when staff change a status.

(The shop keeps its categories in step with the taxonomy itself: shop/catalogue/sync.py.)

``contact_message_sent`` (``profile=``) is sent once the contact relay has emailed a
visitor's message to the profile (the ``notifications`` app pushes a notice to its owner).
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal, receiver
from django.utils import timezone

from .models import Profile
from .moderation import send_status_email

contact_message_sent = Signal()


# --------------------------------------------------------------------------------------
# Moderation: timestamps and the owner's email when staff change a profile's status
# --------------------------------------------------------------------------------------
@receiver(pre_save, sender=Profile)
def remember_previous_status(sender, instance, raw=False, **kwargs):
    if raw:
        return
    previous = None
    if instance.pk:
        previous = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    instance._previous_status = previous
    reviewed = {Profile.Status.APPROVED, Profile.Status.REJECTED, Profile.Status.SUSPENDED}
    if instance.status != previous:
        if instance.status == Profile.Status.PENDING:
            instance.submitted_at = timezone.now()
        elif instance.status in reviewed:
            instance.reviewed_at = timezone.now()


@receiver(post_save, sender=Profile)
def email_owner_on_moderation(sender, instance, created, raw=False, **kwargs):
    """Tell the owner when staff approve, reject (with the reason) or suspend the profile."""
    if raw:
        return
    previous = getattr(instance, "_previous_status", None)
    notify = {Profile.Status.APPROVED, Profile.Status.REJECTED, Profile.Status.SUSPENDED}
    if created or previous == instance.status or instance.status not in notify:
        return
    if previous is None or instance.user is None or not instance.user.email:
        return
    send_status_email(instance)
