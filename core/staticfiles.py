"""The production static files storage: whitenoise's compressed, hashed copies.

``CompressedManifestStaticFilesStorage`` gives every file a content hash in its name and a
pre-compressed copy, so whitenoise can serve them with a one-year ``immutable`` cache
lifetime. Django rewrites the ``sourceMappingURL`` comments of JavaScript and CSS files to
the hashed names too, and stops ``collectstatic`` when a referenced map is missing; some
vendored packages (leaflet.markercluster's XStatic wheel) reference maps they do not ship.
A missing *source map* is left as written (browsers only fetch it with developer tools
open); any other missing reference still stops ``collectstatic``.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def tolerant(matchobj):
            url = matchobj.groupdict().get("url", "")
            try:
                return convert(matchobj)
            except ValueError:
                if url.split("?", 1)[0].endswith(".map"):
                    return matchobj.groupdict()["matched"]
                raise

        return tolerant
