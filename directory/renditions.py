"""Profile photos' and portfolio images' thumbnails, made by the task worker after an upload
(see core/renditions.py). Registered from ``DirectoryConfig.ready()``.
"""

from django.db.models import Q
from django_tasks import task

from core import renditions

from .models import PortfolioItem, Profile


def warm_profile(profile):
    """The profile's photo and its portfolio images, at the templates' sizes."""
    counts = renditions.make_thumbnails(profile.photo, renditions.PROFILE_PHOTO_THUMBNAILS)
    for item in profile.portfolio.exclude(image=""):
        renditions.add_counts(
            counts, renditions.make_thumbnails(item.image, renditions.PORTFOLIO_IMAGE_THUMBNAILS)
        )
    return counts


@task()
def warm_profile_photo(pk):
    """Thumbnails of the photo and portfolio images of the profile ``pk``."""
    profile = renditions.get_or_none(Profile, pk)
    return warm_profile(profile) if profile else {"ready": 0, "failed": 0}


def connect():
    renditions.watch_file(Profile, "photo", warm_profile_photo)
    renditions.watch_file(
        PortfolioItem, "image", warm_profile_photo, pk_of=lambda item: item.profile_id
    )
    renditions.register_source(
        "profiles",
        "profiles",
        lambda: Profile.objects.filter(Q(photo__gt="") | Q(portfolio__image__gt="")).distinct(),
        warm_profile,
        position=20,
    )
