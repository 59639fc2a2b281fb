"""The shared taxonomy (directory/taxonomy.py) and the shop categories that mirror it."""

import pytest
from django.utils import translation

from directory.models import Discipline, Province, Sector
from shop.catalogue.models import Category

pytestmark = pytest.mark.django_db


def test_the_three_sectors_exist_in_order():
    assert list(Sector.objects.values_list("slug", flat=True)) == ["image", "son", "lumiere"]


def test_the_ten_disciplines_belong_to_their_sectors():
    by_sector = {
        sector.slug: sorted(sector.disciplines.values_list("slug", flat=True))
        for sector in Sector.objects.all()
    }

    assert Discipline.objects.count() == 10
    assert by_sector == {
        "image": ["audiovisuel", "infographie", "motion-design", "photographie"],
        "son": ["enregistrement", "mixage", "sonorisation-live", "sound-design"],
        "lumiere": ["eclairage", "projection-mapping"],
    }


def test_the_eight_provinces_of_the_oriental_exist():
    assert sorted(Province.objects.values_list("name", flat=True)) == sorted(
        ["Oujda-Angad", "Berkane", "Nador", "Driouch", "Guercif", "Taourirt", "Jerada", "Figuig"]
    )


@pytest.mark.parametrize("model", [Sector, Discipline, Province])
def test_every_taxonomy_row_is_named_in_three_languages(model):
    for row in model.objects.all():
        assert row.name and row.name_ar and row.name_en, row.slug
        assert any("\u0600" <= char <= "\u06ff" for char in row.name_ar), row.slug


def test_labels_follow_the_active_language():
    sound = Sector.objects.get(slug="son")
    nador = Province.objects.get(slug="nador")

    with translation.override("ar"):
        assert (sound.label, nador.label) == ("الصوت", "الناظور")
    with translation.override("en"):
        assert sound.label == "Sound"
    with translation.override("fr"):
        assert sound.label == "Son"


def test_shop_categories_mirror_sectors_and_disciplines():
    assert Category.objects.count() == 13
    for sector in Sector.objects.all():
        parent = Category.objects.get(sector=sector)
        assert parent.depth == 1
        assert parent.name == sector.name
        children = parent.get_children()
        assert sorted(child.discipline.slug for child in children) == sorted(
            sector.disciplines.values_list("slug", flat=True)
        )


def test_a_category_label_follows_the_language_of_its_discipline():
    category = Category.objects.get(discipline__slug="eclairage")

    with translation.override("ar"):
        assert category.label == "الإضاءة"
    with translation.override("en"):
        assert category.label == "Lighting"


def test_renaming_a_sector_renames_its_category():
    sector = Sector.objects.get(slug="lumiere")
    sector.name = "Lumière et projection"
    sector.save()

    assert Category.objects.get(sector=sector).name == "Lumière et projection"


def test_renaming_a_discipline_renames_its_category():
    discipline = Discipline.objects.get(slug="mixage")
    discipline.name = "Mixage et mastering"
    discipline.save()

    assert Category.objects.get(discipline=discipline).name == "Mixage et mastering"


def test_a_new_discipline_gets_a_category_under_its_sector():
    sector = Sector.objects.get(slug="image")

    Discipline.objects.create(sector=sector, slug="illustration", name="Illustration")

    category = Category.objects.get(discipline__slug="illustration")
    assert category.get_parent().sector == sector
    assert Category.objects.count() == 14
