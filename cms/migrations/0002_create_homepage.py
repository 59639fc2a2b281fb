"""Replace Wagtail's welcome page with our French home page and point the site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("cms.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    if HomePage.objects.exists():
        return

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Takafamap",
        draft_title="Takafamap",
        slug="accueil",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=locale,
        hero_title="Image, son et lumière de l'Oriental",
        hero_text=(
            "Takafamap réunit les jeunes créateurs culturels de la région de l'Oriental, "
            "leurs produits et leurs services."
        ),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=homepage.id, is_default_site=True,
        site_name="Takafamap",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
