"""The production static storage: hashed, compressed copies; a missing source map is
tolerated, any other missing reference still stops ``collectstatic``."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture
def collect(tmp_path):
    source, target = tmp_path / "src", tmp_path / "out"
    source.mkdir()

    def run(files):
        for name, text in files.items():
            (source / name).write_text(text)
        with override_settings(
            STATICFILES_DIRS=[source],
            STATIC_ROOT=target,
            STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": "core.staticfiles.StaticFilesStorage"},
            },
        ):
            call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
        return sorted(path.name for path in target.iterdir())

    return run


def test_files_get_hashed_names_and_compressed_copies(collect):
    names = collect(
        {
            "app.js": "console.log(1);\n//# sourceMappingURL=app.js.map\n",
            # Long enough for gzip to pay off (whitenoise skips files it cannot shrink).
            "site.css": "body { background: url('dot.png'); }\n" + ".card { margin: 0; }\n" * 50,
            "dot.png": "png",
        }
    )

    assert any(name.startswith("site.") and name.endswith(".css.gz") for name in names)
    assert any(
        name.startswith("app.") and name.endswith(".js") and name != "app.js" for name in names
    )


def test_a_missing_image_still_stops_collectstatic(collect):
    with pytest.raises(ValueError):
        collect({"site.css": "body { background: url('missing.png'); }"})
