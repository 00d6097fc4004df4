"""The Elasticsearch product index, versioned in code. Bump MAPPING_VERSION whenever the analysis
or the mapping changes, then run `manage.py search_index --rebuild` (a new index, then an alias swap).
"""

from typing import Any

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    Long,
    MetaField,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.dsl import char_filter as make_char_filter

MAPPING_VERSION = 1
ALIAS = "chohtx-products"

# đ/Đ are letters of their own, not d with a mark: map them explicitly before folding.
d_stroke = make_char_filter("vi_d_stroke", "mapping", mappings=["đ => d", "Đ => D"])
folding = token_filter("vi_asciifolding", "asciifolding", preserve_original=True)
edge_ngrams = token_filter("vi_edge_ngram", "edge_ngram", min_gram=1, max_gram=20)

# Accents kept: exact matches score here too, so "dương" ranks above "đường" and "dưỡng".
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
# Accents folded, the original kept beside the folded token: "Cơm" -> "cơm", "com".
vi_fold = analyzer("vi_fold", tokenizer="standard", char_filter=[d_stroke], filter=["lowercase", folding])
# As-you-type: folded edge n-grams ("nuoc" -> "n", "nu", "nuo", "nuoc") searched with vi_fold.
vi_suggest = analyzer(
    "vi_suggest",
    tokenizer="standard",
    char_filter=[d_stroke],
    filter=["lowercase", "asciifolding", edge_ngrams],
)
vi_suggest_search = analyzer(
    "vi_suggest_search", tokenizer="standard", char_filter=[d_stroke], filter=["lowercase", "asciifolding"]
)


def _text(**extra: Any) -> Text:
    return Text(analyzer=vi_exact, fields={"folded": Text(analyzer=vi_fold), **extra})


class ProductDocument(Document):
    title = _text(
        suggest=Text(analyzer=vi_suggest, search_analyzer=vi_suggest_search), sort=Keyword(ignore_above=256)
    )
    description = _text()
    sku = Keyword()
    cooperative = _text()
    cooperative_short = _text()
    cooperative_id = Integer()
    area = Keyword()
    area_label = _text()
    commune = _text()
    categories = _text()
    category_ids = Integer(multi=True)
    group_ids = Integer(multi=True)
    subgroup_ids = Integer(multi=True)
    stars = Integer(multi=True)
    ocop_groups = Keyword(multi=True)
    price = Long()
    in_stock = Boolean()
    rating = Float()
    date_created = Date()
    # Everything a shopper may type, folded: what every word of a query must match.
    all_text = Text(analyzer=vi_fold)

    class Index:
        name = ALIAS
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    class Meta:
        dynamic = MetaField("strict")


def versioned_index_name(stamp: str) -> str:
    return f"{ALIAS}-v{MAPPING_VERSION}-{stamp}"


def index_body() -> dict:
    """The settings and mappings of a new product index, as sent to Elasticsearch."""
    return ProductDocument._index.to_dict()
