"""The database backend's stored search text: one row per product or profile.

``SearchEntry`` keeps the folded text (``sitesearch.text.fold``: lower case, no accents,
Arabic spelling variants merged) of what search matches, in three weights: ``a`` (title or
name), ``b`` (headline, city, description) and ``c`` (bio, skills). Searching then compares
plain stored strings instead of folding every row at query time. Rows are written after the
transaction that saved the product or profile commits (``sitesearch.index``); deleting the
product or profile deletes its entry (cascade). Visibility is never stored here: the
backend still filters on the live rows, so a hidden product cannot leak through a stale
entry. A product or profile without an entry (bulk inserts) is folded at query time.

On PostgreSQL the database also keeps ``document``, the weighted ``tsvector`` of the three
texts (a stored generated column, with a GIN index added by migration 0004), so a search
finds its entries through the index instead of building a vector for every row. On other
databases the column is always NULL and unused.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Func
from django.utils.translation import gettext_lazy as _


class StoredDocument(Func):
    """``setweight(to_tsvector('simple', a), 'A') || ... 'B' || ... 'C'`` on PostgreSQL,
    ``NULL`` elsewhere: the expression of ``SearchEntry.document``."""

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(
            SearchVector("a", weight="A", config="simple")
            + SearchVector("b", weight="B", config="simple")
            + SearchVector("c", weight="C", config="simple")
        )

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])


class TitleVector(Func):
    """``to_tsvector('simple', a)``: the vector of the title or name alone, written exactly as
    the expression index of migration 0005 (PostgreSQL only) so a search finds the entries
    whose title matches a word through that index, without reading their whole document."""

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()

    def __init__(self, expression="a", **extra):
        super().__init__(expression, **extra)


class SearchEntry(models.Model):
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_entry",
    )
    profile = models.OneToOneField(
        "directory.Profile",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_entry",
    )
    a = models.TextField(_("title or name (folded)"), blank=True)
    b = models.TextField(_("headline and description (folded)"), blank=True)
    c = models.TextField(_("other text (folded)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    document = models.GeneratedField(
        expression=StoredDocument(),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        verbose_name=_("search document"),
    )

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(product__isnull=True, profile__isnull=False)
                | models.Q(product__isnull=False, profile__isnull=True),
                name="sitesearch_entry_one_target",
            )
        ]

    def __str__(self):
        return self.a.strip()
