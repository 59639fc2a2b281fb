"""Template tags of the directory's taxonomy."""

from django import template

from directory.models import Province

register = template.Library()


@register.simple_tag
def provinces():
    """The eight provinces and prefectures, in order: ``{% provinces as provinces %}``."""
    return list(Province.objects.all())
