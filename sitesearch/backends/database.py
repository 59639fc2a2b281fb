"""The database backend: PostgreSQL full-text search, or folded-text matching on SQLite.

Matching is accent-, case- and Arabic-spelling-insensitive on both databases. The text is
folded once, when a product or profile is saved (``sitesearch.text.fold``), into its
``SearchEntry`` row (``sitesearch.models``): ``a`` for titles and names, ``b`` for headlines,
cities and descriptions, ``c`` for the rest. On PostgreSQL the stored text feeds
``SearchVector``/``SearchRank`` with those weights; on SQLite each word must start a word
of the stored text (``LIKE``), ranked with the same weights. A row without an entry yet
(bulk inserts before ``search_index --rebuild``) is folded at query time through ``Fold``
(``unaccent`` plus ``translate``/``regexp_replace`` on PostgreSQL, the Python function
registered on each SQLite connection), so nothing goes missing, only slower.

Each query word must match the text or a taxonomy name (sector, discipline, province in
French, Arabic or English, matched in Python against the few taxonomy rows), so "son",
"صوت", "sound" and "eclairage" find creators and products of those disciplines.

Queries per search are fixed: 3 for the taxonomy, then per group a count, the page of
results (plus its prefetches) and one facet query; pages go through Wagtail's search, then
a few fixed queries for their facets.
"""

from collections import defaultdict
from decimal import Decimal
from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from wagtail.models import Locale, Page

from directory.models import Discipline, Profile, Province, Sector
from shop.catalogue.models import Product
from shop.catalogue.queries import public_products
from shop.partner.models import StockRecord

from .. import index, pages
from ..text import fold, tokens
from .base import GROUPS, PRICE_RANGES, FacetValue, Group, SearchBackend, SearchResults

WEIGHTS = {"a": 1.0, "b": 0.4, "c": 0.2}

_PG_FOLD = (
    "regexp_replace(' ' || regexp_replace(regexp_replace(translate(lower(unaccent("
    "COALESCE(%(expressions)s, ''))), 'أإآٱةىؤئ', 'ااااهيوي'), "
    "'[\u064b-\u065f\u0670\u0640]', '', 'g'), '[[:space:][:punct:]]+', ' ', 'g') || ' ', "
    "' ال(..)', ' \\1', 'g')"
)


class Fold(Func):
    """``sitesearch.text.fold`` as a SQL expression (PostgreSQL or SQLite)."""

    function = "SITESEARCH_FOLD"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template=_PG_FOLD, **extra_context)


def register_sqlite_fold(sender, connection, **kwargs):
    """``connection_created`` receiver: make ``SITESEARCH_FOLD`` callable from SQLite."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("SITESEARCH_FOLD", 1, fold, deterministic=True)


class Taxonomy:
    """Sectors, disciplines and provinces (3 queries), matched by folded name in Python."""

    def __init__(self):
        self.sectors = list(Sector.objects.all())
        self.disciplines = list(Discipline.objects.all())
        self.provinces = list(Province.objects.all())
        self._folded = {
            id(row): fold(f"{row.name} {row.name_ar} {row.name_en}")
            for row in self.sectors + self.disciplines + self.provinces
        }

    def matching(self, rows, word):
        return [row.pk for row in rows if f" {word}" in self._folded[id(row)]]

    @staticmethod
    def by_slug(rows, slug):
        return next((row for row in rows if row.slug == slug), None)


def _is_postgres():
    return connection.vendor == "postgresql"


def _folded(fields):
    """``{weight: expression}``: the stored folded text of each weight, or the live fields
    folded at query time when the row has no ``SearchEntry`` yet."""
    expressions = {}
    for weight, names in fields.items():
        if not names:
            continue
        live = F(names[0])
        for name in names[1:]:
            live = Concat(live, Value(" "), F(name), output_field=TextField())
        expressions[weight] = Coalesce(
            F(f"search_entry__{weight}"), Fold(live), output_field=TextField()
        )
    return expressions


def _text_search(queryset, fields, words, taxonomy_q):
    """Keep rows where each word matches a field or the taxonomy; annotate ``rank``."""
    folded = _folded(fields)
    queryset = queryset.alias(**{f"folded_{weight}": expr for weight, expr in folded.items()})
    bonus = _bonus(words, taxonomy_q)
    if _is_postgres():
        vector = reduce(
            add,
            [
                SearchVector(F(f"folded_{weight}"), weight=weight.upper(), config="simple")
                for weight in folded
            ],
        )
        queries = [SearchQuery(f"{word}:*", search_type="raw", config="simple") for word in words]
        queryset = queryset.alias(document=vector)
        for word, query in zip(words, queries, strict=True):
            queryset = queryset.filter(Q(document=query) | taxonomy_q(word))
        return queryset.annotate(rank=SearchRank(F("document"), reduce(or_, queries)) + bonus)

    scores = []
    for word in words:
        matches = {weight: Q(**{f"folded_{weight}__contains": f" {word}"}) for weight in folded}
        queryset = queryset.filter(reduce(or_, matches.values()) | taxonomy_q(word))
        scores += [
            Case(
                When(match, then=Value(WEIGHTS[weight])),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for weight, match in matches.items()
        ]
    return queryset.annotate(rank=reduce(add, scores) + bonus)


def _bonus(words, taxonomy_q):
    """Whole-word matches in the main field (name, title) beat prefix matches, so "light"
    ranks "Light show" above "Lightroom"; belonging to a matching sector, discipline or
    province counts as much as a headline or description match."""
    cases = []
    for word in words:
        cases.append(When(Q(folded_a__contains=f" {word} "), then=Value(0.5)))
        cases.append(When(taxonomy_q(word), then=Value(WEIGHTS["b"])))
    return reduce(
        add,
        [Case(case, default=Value(0.0), output_field=FloatField()) for case in cases],
    )


def _taxonomy_facets(taxonomy, counts, filters):
    """The sector, discipline and province facets, shared by profiles and products."""
    return {
        "sector": _facet(
            [(s.slug, s, ("sector", s.pk)) for s in taxonomy.sectors],
            counts,
            filters.sector,
            lambda row: row.label,
        ),
        "discipline": _facet(
            [(d.slug, d, ("discipline", d.pk)) for d in taxonomy.disciplines],
            counts,
            filters.discipline,
            lambda row: row.label,
        ),
        "province": _facet(
            [(p.slug, p, ("province", p.pk)) for p in taxonomy.provinces],
            counts,
            filters.province,
            lambda row: row.label,
        ),
    }


def _facet(values, counts, selected, label=lambda value: value):
    return [
        FacetValue(
            value=str(key),
            label=str(label(row)),
            count=counts.get(row_key, 0),
            selected=str(key) == selected,
        )
        for key, row, row_key in values
        if counts.get(row_key) or str(key) == selected
    ]


class DatabaseBackend(SearchBackend):
    name = "database"

    def search(self, query, filters, page=1, *, groups=GROUPS, per_page=12):
        words = tokens(query)
        taxonomy = Taxonomy()
        results = SearchResults(query=query, groups={}, backend=self.name)
        browse = (bool(words) or not filters.is_empty()) and not filters.page_type
        for key in groups:
            group = Group(key=key, page=page, per_page=per_page)
            if browse and key == "profiles":
                self._profiles(group, words, filters, taxonomy)
            elif browse and key == "products":
                self._products(group, words, filters, taxonomy)
            elif key == "pages" and (words or filters.page_type) and pages.applies(filters):
                pages.search_pages(group, query if words else "", filters, taxonomy)
            results.groups[key] = group
        return results

    # ---------------------------------------------------------------- profiles
    def _profiles(self, group, words, filters, taxonomy):
        def taxonomy_q(word):
            sectors = taxonomy.matching(taxonomy.sectors, word)
            disciplines = taxonomy.matching(taxonomy.disciplines, word)
            provinces = taxonomy.matching(taxonomy.provinces, word)
            q = Q(province__in=provinces)
            if sectors or disciplines:
                q |= Q(
                    pk__in=Profile.objects.filter(
                        Q(sectors__in=sectors) | Q(disciplines__in=disciplines)
                    ).values("pk")
                )
            return q

        queryset = Profile.objects.public()
        if filters.sector:
            queryset = queryset.filter(
                pk__in=Profile.objects.filter(sectors__slug=filters.sector).values("pk")
            )
        if filters.discipline:
            queryset = queryset.filter(
                pk__in=Profile.objects.filter(disciplines__slug=filters.discipline).values("pk")
            )
        if filters.province:
            queryset = queryset.filter(province__slug=filters.province)
        if filters.kind:
            queryset = queryset.filter(kind=filters.kind)
        if words:
            queryset = _text_search(queryset, index.PROFILE_FIELDS, words, taxonomy_q)
            ordering = ["-rank", "name"]
        else:
            ordering = ["name"]

        group.total = queryset.count()
        start = (group.page - 1) * group.per_page
        group.items = list(
            queryset.for_listing().order_by(*ordering)[start : start + group.per_page]
        )

        counts = defaultdict(set)
        rows = Profile.objects.filter(pk__in=queryset.order_by().values("pk")).values_list(
            "pk", "sectors", "disciplines", "province", "kind"
        )
        for pk, sector, discipline, province, kind in rows:
            counts["sector", sector].add(pk)
            counts["discipline", discipline].add(pk)
            counts["province", province].add(pk)
            counts["kind", kind].add(pk)
        n = {key: len(pks) for key, pks in counts.items()}
        group.facets = {
            **_taxonomy_facets(taxonomy, n, filters),
            "kind": _facet(
                [(value, label, ("kind", value)) for value, label in Profile.Kind.choices],
                n,
                filters.kind,
            ),
        }

    # ---------------------------------------------------------------- products
    def _products(self, group, words, filters, taxonomy):
        def taxonomy_q(word):
            sectors = taxonomy.matching(taxonomy.sectors, word)
            disciplines = taxonomy.matching(taxonomy.disciplines, word)
            provinces = taxonomy.matching(taxonomy.provinces, word)
            if not (sectors or disciplines or provinces):
                return Q(pk__in=[])
            return Q(
                pk__in=Product.objects.filter(
                    Q(categories__sector__in=sectors)
                    | Q(categories__discipline__in=disciplines)
                    | Q(categories__discipline__sector__in=sectors)
                    | Q(stockrecords__partner__profile__province__in=provinces)
                ).values("pk")
            )

        # Visibility as a subquery: no DISTINCT over whole product rows while ranking.
        queryset = Product.objects.filter(pk__in=public_products().values("pk"))
        if filters.sector:
            queryset = queryset.filter(
                pk__in=Product.objects.filter(
                    Q(categories__sector__slug=filters.sector)
                    | Q(categories__discipline__sector__slug=filters.sector)
                ).values("pk")
            )
        if filters.discipline:
            queryset = queryset.filter(
                pk__in=Product.objects.filter(
                    categories__discipline__slug=filters.discipline
                ).values("pk")
            )
        if filters.province:
            queryset = queryset.filter(
                pk__in=Product.objects.filter(
                    stockrecords__partner__profile__province__slug=filters.province
                ).values("pk")
            )
        if filters.product_type:
            queryset = queryset.filter(product_class__slug=filters.product_type)
        if filters.price:
            _label, low, high = PRICE_RANGES[filters.price]
            prices = StockRecord.objects.filter(price__gte=low)
            if high is not None:
                prices = prices.filter(price__lt=high)
            queryset = queryset.filter(pk__in=prices.values("product_id"))
        if filters.karfour:
            queryset = queryset.filter(available_at_karfour=True)
        if words:
            queryset = _text_search(queryset, index.PRODUCT_FIELDS, words, taxonomy_q)
            ordering = ["-rank", "title"]
        else:
            ordering = ["title"]

        group.total = queryset.count()
        start = (group.page - 1) * group.per_page
        shown = list(
            queryset.order_by(*ordering).values_list("pk", flat=True)[
                start : start + group.per_page
            ]
        )
        products = {product.pk: product for product in public_products().filter(pk__in=shown)}
        group.items = [products[pk] for pk in shown if pk in products]

        counts = defaultdict(set)
        types = {}
        rows = Product.objects.filter(pk__in=queryset.order_by().values("pk")).values_list(
            "pk",
            "categories__sector",
            "categories__discipline",
            "categories__discipline__sector",
            "product_class__slug",
            "product_class__name",
            "stockrecords__price",
            "stockrecords__partner__profile__province",
            "available_at_karfour",
        )
        for pk, sector, discipline, disc_sector, kind, kind_name, price, province, karfour in rows:
            counts["sector", sector].add(pk)
            counts["sector", disc_sector].add(pk)
            counts["discipline", discipline].add(pk)
            counts["province", province].add(pk)
            counts["product_type", kind].add(pk)
            types[kind] = kind_name
            if karfour:
                counts["karfour", True].add(pk)
            if price is not None:
                for key, (_label, low, high) in PRICE_RANGES.items():
                    if Decimal(low) <= price and (high is None or price < Decimal(high)):
                        counts["price", key].add(pk)
        n = {key: len(pks) for key, pks in counts.items()}
        group.facets = {
            **_taxonomy_facets(taxonomy, n, filters),
            "product_type": _facet(
                [
                    (slug, name, ("product_type", slug))
                    for slug, name in sorted(types.items())
                    if slug
                ],
                n,
                filters.product_type,
            ),
            "price": _facet(
                [(key, label, ("price", key)) for key, (label, _lo, _hi) in PRICE_RANGES.items()],
                n,
                filters.price,
            ),
            "karfour": _facet(
                [("1", "L'Karfour", ("karfour", True))],
                n,
                "1" if filters.karfour else "",
            ),
        }

    # ---------------------------------------------------------------- suggest
    def suggest(self, prefix, limit=8):
        words = tokens(prefix)
        if not words:
            return []

        def matching(queryset, field, stored=True):
            folded = Fold(F(field))
            if stored:  # the stored folded title, when the row has its SearchEntry
                folded = Coalesce(F("search_entry__a"), folded, output_field=TextField())
            queryset = queryset.alias(folded=folded)
            for word in words:
                queryset = queryset.filter(folded__contains=f" {word}")
            return queryset

        profiles = [
            {"title": row.name, "url": row.get_absolute_url(), "type": "profile"}
            for row in matching(Profile.objects.public(), "name")
            .only("name", "slug")
            .order_by("name")[:limit]
        ]
        products = [
            {
                "title": title,
                "url": reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": pk}),
                "type": "product",
            }
            for pk, title, slug in matching(
                Product.objects.browsable().filter(stockrecords__partner__is_active=True),
                "title",
            )
            .distinct()
            .order_by("title")
            .values_list("pk", "title", "slug")[:limit]
        ]
        pages = [
            {"title": page.title, "url": page.get_url(), "type": "page"}
            for page in matching(
                Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1),
                "title",
                stored=False,
            ).order_by("title")[:limit]
        ]
        merged = []
        for position in range(limit):
            for items in (profiles, products, pages):
                if position < len(items) and len(merged) < limit:
                    merged.append(items[position])
        return merged
