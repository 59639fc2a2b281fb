"""Elasticsearch documents for products and profiles (elasticsearch-dsl, ``elasticsearch.dsl``).

Every text field is analysed three ways besides the folded default: French (elision, light
stemming), Arabic (Elasticsearch's normalisation of hamza, taa marbuta, alef maqsura and
diacritics, plus stemming) and English; the default ``folded`` analyser lower-cases, folds
Latin accents and normalises Arabic, so "eclairage" finds "Éclairage" and "اضاءه" finds
"الإضاءة". Taxonomy names go into ``taxonomy`` in the three languages. Only what a visitor
may see is indexed; the index names are aliases swapped by ``search_index --rebuild``.
"""

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Document,
    Float,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stemmer = token_filter("french_light_stemmer", type="stemmer", language="light_french")
english_stemmer = token_filter("english_light_stemmer", type="stemmer", language="light_english")
arabic_stemmer = token_filter("arabic_light_stemmer", type="stemmer", language="arabic")

folded = analyzer(
    "folded",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", "decimal_digit", "arabic_normalization"],
)
french = analyzer(
    "french_folded",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", french_stemmer],
)
arabic = analyzer(
    "arabic_folded",
    tokenizer="standard",
    filter=["lowercase", "decimal_digit", "arabic_normalization", arabic_stemmer],
)
english = analyzer(
    "english_folded",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", english_stemmer],
)


def multilingual(**kwargs):
    return Text(
        analyzer=folded,
        fields={
            "fr": Text(analyzer=french),
            "ar": Text(analyzer=arabic),
            "en": Text(analyzer=english),
        },
        **kwargs,
    )


def index_name(kind):
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_{kind}"


def taxonomy_names(*rows):
    return " ".join(
        " ".join(filter(None, (row.name, row.name_ar, row.name_en))) for row in rows if row
    )


class SearchDocument(Document):
    title = multilingual()
    taxonomy = multilingual()
    sector = Keyword(multi=True)
    discipline = Keyword(multi=True)
    province = Keyword()
    url = Keyword(index=False)
    suggest = Completion(analyzer=folded)


class ProfileDocument(SearchDocument):
    headline = multilingual()
    body = multilingual()
    kind = Keyword()

    class Index:
        name = index_name("profiles")
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def from_object(cls, profile):
        return cls(
            meta={"id": profile.pk},
            title=profile.name,
            headline=profile.headline,
            body=" ".join(filter(None, (profile.bio, profile.city, profile.skills))),
            taxonomy=taxonomy_names(
                *profile.sectors.all(), *profile.disciplines.all(), profile.province
            ),
            sector=[row.slug for row in profile.sectors.all()],
            discipline=[row.slug for row in profile.disciplines.all()],
            province=profile.province.slug if profile.province else None,
            kind=profile.kind,
            url=profile.get_absolute_url(),
            suggest={"input": [profile.name]},
        )


class ProductDocument(SearchDocument):
    description = multilingual()
    product_type = Keyword()
    price = Float()
    karfour = Boolean()
    creator = Keyword(index=False)

    class Index:
        name = index_name("products")
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def from_object(cls, product):
        categories = list(product.categories.all())
        disciplines = [c.discipline for c in categories if c.discipline_id]
        sectors = {c.sector for c in categories if c.sector_id} | {d.sector for d in disciplines}
        records = list(product.stockrecords.all())
        profile = getattr(records[0].partner, "profile", None) if records else None
        province = profile.province if profile else None
        prices = [r.price for r in records if r.price is not None]
        return cls(
            meta={"id": product.pk},
            title=product.title,
            description=product.description,
            taxonomy=taxonomy_names(*sectors, *disciplines, province),
            sector=sorted(s.slug for s in sectors),
            discipline=sorted(d.slug for d in disciplines),
            province=province.slug if province else None,
            product_type=product.product_class.slug if product.product_class_id else None,
            price=float(min(prices)) if prices else None,
            karfour=product.available_at_karfour,
            url=product.get_absolute_url(),
            creator=records[0].partner.name if records else "",
            suggest={"input": [product.title]},
        )
