"""Taxonomy names follow the visitor's language, falling back to French."""

from django.utils import translation

from directory.models import Discipline, Sector


def test_label_is_the_name_in_the_active_language():
    sector = Sector(name="Son", name_ar="الصوت", name_en="Sound")

    with translation.override("ar"):
        assert sector.label == "الصوت"
        assert str(sector) == "الصوت"
    with translation.override("en"):
        assert sector.label == "Sound"
    with translation.override("fr"):
        assert sector.label == "Son"


def test_label_falls_back_to_french_when_a_translation_is_missing():
    discipline = Discipline(name="Mixage", name_ar="", name_en="")

    with translation.override("ar"):
        assert discipline.label == "Mixage"
