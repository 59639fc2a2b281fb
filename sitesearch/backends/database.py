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

On PostgreSQL the entries' weighted vectors are stored (``SearchEntry.document``, GIN
indexed): each word keeps the rows among its candidates (its entries found through the
index, the rows of a matching taxonomy name, the rows without an entry whose live text
matches), so only rows without an entry build a vector at query time, and ranking reads
the stored vector too.

Each query word must match the text or a taxonomy name (sector, discipline, province in
French, Arabic or English, matched in Python against the few taxonomy rows), so "son",
"صوت", "sound" and "eclairage" find creators and products of those disciplines.

Queries per search are fixed, and so is the work whatever the number of matches: 3 for the
taxonomy, then per group (on PostgreSQL, with words) one for the rows without an entry
(cached under the page cache's generation), one for the ids of the best ``MATCH_CAP``
(1,000) matches in rank order (their number is the group's total; more than the cap shows
as "more than 1,000"), one for the page of results (plus its prefetches) and one facet
query over those ids (facets count among the ranked matches); the ids and facet counts of a
query are kept a few minutes (``SEARCH_RESULTS_SECONDS``), so its next page or tab skips
them. Pages go through Wagtail's search, then a few fixed queries for their facets.

A one-word search on PostgreSQL ranks bounded candidates, not every match: each source
(the entries whose title matches, through their own GIN index on ``TitleVector``; the
entries whose document matches; each matching sector, discipline or province) gives at most
``SEARCH_RANK_CANDIDATES`` (the cap and one) rows, title matches being the best ranked
(those holding the whole word first, then the shortest: read from the title alone); rows
without an entry (normally none) all stay candidates.
"son" (5,500 matching products at 10,000) then ranks some 2,200 rows instead of 5,500, and
the work stops growing with the number of matches. Several words are not bounded: what
matches is the intersection of their candidates, which a bounded share of each could miss.
"""

import hashlib
from collections import defaultdict
from decimal import Decimal
from functools import reduce
from operator import add, or_

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, Length
from django.urls import reverse
from wagtail.models import Locale, Page

from core import fragments
from directory.models import Discipline, Profile, Province, Sector
from shop.catalogue.models import Category, Product, ProductCategory
from shop.catalogue.queries import public_products
from shop.partner.models import StockRecord

from .. import index
from ..models import SearchEntry, TitleVector
from ..text import fold, tokens
from . import pages
from .base import GROUPS, PRICE_RANGES, FacetValue, Group, SearchBackend, SearchResults

WEIGHTS = {"a": 1.0, "b": 0.4, "c": 0.2}
# A search ranks and counts facets over its best 1,000 matches per group; beyond, the page
# says "more than 1,000" (settings.SEARCH_MATCH_CAP).
MATCH_CAP = 1000
# How long one query's ranked ids and facet counts are kept (settings.SEARCH_RESULTS_SECONDS);
# a change to products or profiles bumps the generation and drops them at once anyway.
RESULTS_SECONDS = 300

_PG_FOLD = (
    "regexp_replace(' ' || regexp_replace(regexp_replace(regexp_replace(translate(lower("
    "unaccent(COALESCE(%(expressions)s, ''))), 'أإآٱةىؤئ', 'ااااهيوي'), "
    "'[\u064b-\u065f\u0670\u0640]', '', 'g'), '(\\w+)[''’ʼ](\\w+)', '\\1\\2 \\1 \\2', 'g'), "
    "'[[:space:][:punct:]]+', ' ', 'g') || ' ', ' ال(..)', ' \\1', 'g')"
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


def _live(fields):
    """``{weight: expression}``: the live fields of each weight, folded at query time (for
    rows without a ``SearchEntry`` yet)."""
    expressions = {}
    for weight, names in fields.items():
        if not names:
            continue
        live = F(names[0])
        for name in names[1:]:
            live = Concat(live, Value(" "), F(name), output_field=TextField())
        expressions[weight] = Fold(live)
    return expressions


def _taxonomy_q(taxonomy_ids, word):
    """Rows of a sector, discipline or province matching ``word``."""
    parts = [Q(pk__in=ids) for ids in taxonomy_ids(word)]
    return reduce(or_, parts) if parts else Q(pk__in=[])


def _text_search(queryset, fields, words, taxonomy_ids, target):
    """Keep rows where each word matches a field or the taxonomy; annotate ``rank``.

    ``taxonomy_ids(word)`` answers querysets of the ids (one column each) of the rows in a
    sector, discipline or province matching the word; ``target`` is ``SearchEntry``'s link
    to the searched model ("product" or "profile")."""
    live = _live(fields)
    if _is_postgres():
        return _postgres_search(queryset, live, words, taxonomy_ids, target)

    # The stored folded text of each weight, or the live one when the row has no entry.
    folded = {
        weight: Coalesce(F(f"search_entry__{weight}"), expression, output_field=TextField())
        for weight, expression in live.items()
    }
    queryset = queryset.alias(**{f"folded_{weight}": expr for weight, expr in folded.items()})
    scores = []
    for word in words:
        matches = {weight: Q(**{f"folded_{weight}__contains": f" {word}"}) for weight in folded}
        queryset = queryset.filter(reduce(or_, matches.values()) | _taxonomy_q(taxonomy_ids, word))
        scores += [
            Case(
                When(match, then=Value(WEIGHTS[weight])),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for weight, match in matches.items()
        ]
    return queryset.annotate(rank=reduce(add, scores) + _bonus(words, taxonomy_ids))


def _postgres_search(queryset, live, words, taxonomy_ids, target):
    """Each word keeps the rows among its candidates: the entries the GIN index finds for
    it, the rows of a matching sector, discipline or province, and the rows without an
    entry whose live text matches. Those are read first (one query, normally none), so
    the search itself never folds nor builds a vector for a row with an entry, and its
    work grows with the candidates rather than with the table."""
    model = queryset.model
    missing = _missing_ids(model, target)
    # The vector SearchEntry.document stores, built from the live fields instead.
    live_document = reduce(
        add,
        [
            SearchVector(expression, weight=weight.upper(), config="simple")
            for weight, expression in live.items()
        ],
    )
    if missing:
        document = Coalesce(F("search_entry__document"), live_document)
        folded_a = Coalesce(F("search_entry__a"), live["a"], output_field=TextField())
    else:  # (a row saved since has no entry either: it ranks 0 for this one search)
        document, folded_a = F("search_entry__document"), F("search_entry__a")
    queryset = queryset.alias(folded_a=folded_a)

    queries = [SearchQuery(f"{word}:*", search_type="raw", config="simple") for word in words]
    entries = SearchEntry.objects.filter(**{f"{target}__isnull": False}).order_by()
    # One word: each source of candidates gives at most ``bound`` rows, the entries whose
    # title matches first (their own index), so a common word ranks a few thousand rows at
    # most instead of every match. Several words keep every candidate: their intersection
    # is what matches, and a bounded share of each could miss it.
    bound = rank_candidates() if len(words) == 1 else None
    for word, query in zip(words, queries, strict=True):
        candidates = []
        if bound:
            # The titles holding the whole word first, then the shortest (the word is more
            # of the title): what the ranking rewards, read from the short title alone.
            titles = (
                entries.alias(title=TitleVector())
                .filter(title=query)
                .order_by(
                    Case(When(a__contains=f" {word} ", then=Value(0)), default=Value(1)),
                    Length("a"),
                )
            )
            candidates.append(titles.values(f"{target}_id")[:bound])
        candidates.append(entries.filter(document=query).values(f"{target}_id"))
        candidates += [ids.order_by() for ids in taxonomy_ids(word)]
        if bound:
            candidates = [ids if ids.query.is_sliced else ids[:bound] for ids in candidates]
        if missing:  # (not bounded: normally none, and their order says nothing)
            candidates.append(
                model._default_manager.filter(AnyOf(F("pk"), missing))
                .alias(live_document=live_document)
                .filter(live_document=query)
                .order_by()
                .values("pk")
            )
        queryset = queryset.filter(pk__in=candidates[0].union(*candidates[1:], all=bool(bound)))
    rank = Coalesce(SearchRank(document, reduce(or_, queries)), Value(0.0))
    return queryset.annotate(rank=rank + _bonus(words, taxonomy_ids))


def _bonus(words, taxonomy_ids):
    """Whole-word matches in the main field (name, title) beat prefix matches, so "light"
    ranks "Light show" above "Lightroom"; belonging to a matching sector, discipline or
    province counts as much as a headline or description match."""
    cases = []
    for word in words:
        cases.append(When(Q(folded_a__contains=f" {word} "), then=Value(0.5)))
        cases.append(When(_taxonomy_q(taxonomy_ids, word), then=Value(WEIGHTS["b"])))
    return reduce(
        add,
        [Case(case, default=Value(0.0), output_field=FloatField()) for case in cases],
    )


class AnyOf(Func):
    """``expression = ANY(%s)``: membership in a list sent as one array parameter, however
    long (PostgreSQL)."""

    arg_joiner = " = ANY("
    template = "(%(expressions)s))"
    output_field = BooleanField()

    def __init__(self, expression, values):
        super().__init__(
            expression, Value(list(values), output_field=ArrayField(BigIntegerField()))
        )


def match_cap():
    """How many matches a search ranks and counts facets over (``SEARCH_MATCH_CAP``)."""
    return getattr(settings, "SEARCH_MATCH_CAP", MATCH_CAP)


def rank_candidates():
    """How many rows each source of candidates of a one-word search gives the ranking at
    most (``SEARCH_RANK_CANDIDATES``, PostgreSQL): the cap and one, so "more than the cap"
    still shows when a word matches more; 0 ranks every match."""
    bound = getattr(settings, "SEARCH_RANK_CANDIDATES", None)
    return match_cap() + 1 if bound is None else bound  # 0: rank every match


def _matches(queryset, ordering):
    """The ids of the best ``match_cap()`` matches in result order (one query), whether
    there were more, and the condition that selects them again for the facets (those ids:
    no second search). A common word ("son": 5,500 products and 1,100 profiles at 10,000
    products) then costs one ranked query that stops after the cap, and the facets and
    Python work stay bounded whatever the number of matches."""
    cap = match_cap()
    ids = list(queryset.order_by(*ordering).values_list("pk", flat=True)[: cap + 1])
    capped = len(ids) > cap
    ids = ids[:cap]
    if _is_postgres():
        return ids, capped, Q(AnyOf(F("pk"), ids))
    return ids, capped, Q(pk__in=ids)


def _cached(name, words, filters, compute):
    """``compute()`` (ids, capped, facet counts) kept ``SEARCH_RESULTS_SECONDS`` per
    query and filters under the page cache's generation (``core.fragments``): the next page,
    the other tab or the next visitor asking the same thing reads no ranking nor facets, and
    any change to products or profiles starts afresh."""
    seconds = getattr(settings, "SEARCH_RESULTS_SECONDS", RESULTS_SECONDS)
    if seconds <= 0:  # not kept (what the benchmark's "new query" rows measure)
        return compute()
    digest = hashlib.sha256(repr((words, sorted(vars(filters).items()))).encode()).hexdigest()
    return fragments.get_or_set(f"search|{name}|{digest[:32]}", compute, seconds)


def _missing_ids(model, target):
    """Ids of the rows without a ``SearchEntry`` (bulk inserts before ``search_index
    --rebuild``; normally none), kept under the page cache's generation: every search used
    to look for them across the whole table."""
    has_entry = SearchEntry.objects.filter(**{target: OuterRef("pk")})
    return fragments.get_or_set(
        f"search-missing|{target}",
        lambda: list(
            model._default_manager.filter(~Exists(has_entry))
            .order_by()
            .values_list("pk", flat=True)
        ),
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
        def taxonomy_ids(word):
            sectors = taxonomy.matching(taxonomy.sectors, word)
            disciplines = taxonomy.matching(taxonomy.disciplines, word)
            provinces = taxonomy.matching(taxonomy.provinces, word)
            ids = []
            if provinces:
                ids.append(Profile.objects.filter(province__in=provinces).values("pk"))
            if sectors:
                ids.append(
                    Profile.sectors.through.objects.filter(sector__in=sectors).values("profile_id")
                )
            if disciplines:
                ids.append(
                    Profile.disciplines.through.objects.filter(discipline__in=disciplines).values(
                        "profile_id"
                    )
                )
            return ids

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
            queryset = _text_search(queryset, index.PROFILE_FIELDS, words, taxonomy_ids, "profile")
            ordering = ["-rank", "name", "pk"]
        else:
            ordering = ["name", "pk"]

        def compute():
            ids, capped, matching = _matches(queryset, ordering)
            counts = defaultdict(set)
            rows = (
                Profile.objects.filter(matching)
                .order_by()
                .values_list("pk", "sectors", "disciplines", "province", "kind")
            )
            for pk, sector, discipline, province, kind in rows:
                counts["sector", sector].add(pk)
                counts["discipline", discipline].add(pk)
                counts["province", province].add(pk)
                counts["kind", kind].add(pk)
            return ids, capped, {key: len(pks) for key, pks in counts.items()}

        ids, group.capped, n = _cached("profiles", words, filters, compute)
        group.total = len(ids)
        start = (group.page - 1) * group.per_page
        shown = ids[start : start + group.per_page]
        # No prefetches: the page renders them through ``{% cards %}``, which fetches the
        # related rows of the cards not cached yet, and only those.
        profiles = {profile.pk: profile for profile in Profile.objects.filter(pk__in=shown)}
        group.items = [profiles[pk] for pk in shown if pk in profiles]
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
        def taxonomy_ids(word):
            sectors = taxonomy.matching(taxonomy.sectors, word)
            disciplines = taxonomy.matching(taxonomy.disciplines, word)
            provinces = taxonomy.matching(taxonomy.provinces, word)
            ids = []
            if sectors or disciplines:
                categories = Category.objects.filter(
                    Q(sector__in=sectors)
                    | Q(discipline__in=disciplines)
                    | Q(discipline__sector__in=sectors)
                )
                in_categories = ProductCategory.objects.filter(category__in=categories.values("pk"))
                ids.append(in_categories.values("product_id"))
            if provinces:
                sold_in = StockRecord.objects.filter(partner__profile__province__in=provinces)
                ids.append(sold_in.values("product_id"))
            return ids

        # Visibility through EXISTS: no join, so no DISTINCT over whole product rows.
        queryset = public_products(prefetch=False).select_related(None)
        # Each filter reads the link table alone (no join back to the products).
        if filters.sector:
            in_sector = ProductCategory.objects.filter(
                Q(category__sector__slug=filters.sector)
                | Q(category__discipline__sector__slug=filters.sector)
            )
            queryset = queryset.filter(pk__in=in_sector.values("product_id"))
        if filters.discipline:
            in_discipline = ProductCategory.objects.filter(
                category__discipline__slug=filters.discipline
            )
            queryset = queryset.filter(pk__in=in_discipline.values("product_id"))
        if filters.province:
            sold_in = StockRecord.objects.filter(partner__profile__province__slug=filters.province)
            queryset = queryset.filter(pk__in=sold_in.values("product_id"))
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
            queryset = _text_search(queryset, index.PRODUCT_FIELDS, words, taxonomy_ids, "product")
            ordering = ["-rank", "title", "pk"]
        else:
            ordering = ["title", "pk"]

        def compute():
            ids, capped, matching = _matches(queryset, ordering)
            counts = defaultdict(set)
            types = {}
            rows = (
                Product.objects.filter(matching)
                .order_by()
                .values_list(
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
            )
            ranges = [
                (key, Decimal(low), None if high is None else Decimal(high))
                for key, (_label, low, high) in PRICE_RANGES.items()
            ]
            for pk, sector, discipline, d_sector, kind, kind_name, price, province, karfour in rows:
                counts["sector", sector].add(pk)
                counts["sector", d_sector].add(pk)
                counts["discipline", discipline].add(pk)
                counts["province", province].add(pk)
                counts["product_type", kind].add(pk)
                types[kind] = str(kind_name)
                if karfour:
                    counts["karfour", True].add(pk)
                if price is not None:
                    for key, low, high in ranges:
                        if low <= price and (high is None or price < high):
                            counts["price", key].add(pk)
            return ids, capped, {key: len(pks) for key, pks in counts.items()}, types

        ids, group.capped, n, types = _cached("products", words, filters, compute)
        group.total = len(ids)
        start = (group.page - 1) * group.per_page
        shown = ids[start : start + group.per_page]
        # No prefetches (``{% cards %}`` fetches those of the cards not cached, see above).
        products = {
            product.pk: product for product in public_products(prefetch=False).filter(pk__in=shown)
        }
        group.items = [products[pk] for pk in shown if pk in products]
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
        # A product title many creators share shows once per creator, with the creator.
        products, seen = [], set()
        rows = (
            matching(
                Product.objects.browsable().filter(stockrecords__partner__is_active=True),
                "title",
            )
            .order_by("title", "stockrecords__partner__name", "pk")
            .values_list("pk", "title", "slug", "stockrecords__partner__name")[: limit * 4]
        )
        for pk, title, slug, creator in rows:
            if (title, creator) in seen or len(products) == limit:
                continue
            seen.add((title, creator))
            products.append(
                {
                    "title": title,
                    "creator": creator,
                    "url": reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": pk}),
                    "type": "product",
                }
            )
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
