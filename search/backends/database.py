"""Search on the database: PostgreSQL full-text search (unaccent, prefix terms, ts_rank) or,
on SQLite, word-prefix matching on accent-folded text. Matching, filters, facets and sorting
read one table, `search.models.ProductIndex` (one row per searchable product); only OCOP stars
and the rating are read live.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

from marketplace.catalogue.selectors import on_sale
from marketplace.core.text import fold
from marketplace.partner.models import Area, Partner

from ..models import ProductIndex, SearchTerm
from ..query import FACETS, PRICE_BANDS, FacetCount, SearchQuery, SearchResults
from ..text import TYPO_MIN_LENGTH, corrections, folded_words, words

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")


@dataclass(frozen=True)
class Term:
    exact: str  # as typed, NFC lower-case
    folded: tuple[str, ...]  # its folded form, then one-edit corrections if it is unknown


def terms_for(text: str) -> list[Term]:
    """The typed words, each with its one-edit corrections when it starts no indexed word and is long
    enough to be forgiven: two queries at most, whatever the number of words."""
    typed = words(text)[:8]
    folded = [fold(word) for word in typed]
    checked = sorted({f for f in folded if len(f) >= TYPO_MIN_LENGTH - 1})
    unknown: set[str] = set()
    if checked:
        counts = SearchTerm.objects.filter(_any_prefix(checked)).aggregate(
            **{f"w{n}": Count("pk", filter=Q(word__startswith=f)) for n, f in enumerate(checked)}
        )
        unknown = {f for n, f in enumerate(checked) if not counts[f"w{n}"]}
    vocabulary: list[str] = []
    if unknown:
        lengths = [len(f) for f in unknown]
        band = SearchTerm.objects.filter(length__range=(min(lengths) - 1, max(lengths) + 1))
        vocabulary = list(band.values_list("word", flat=True))
    return [
        Term(exact=word, folded=(f, *(corrections(f, vocabulary) if f in unknown else ())))
        for word, f in zip(typed, folded, strict=True)
    ]


def _any_prefix(prefixes: Iterable[str]) -> Q:
    condition = Q()
    for prefix in prefixes:
        condition |= Q(word__startswith=prefix)
    return condition


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def _tsquery(terms: list[Term]) -> PgQuery:
    """`(dương:* | duongg:*) & ...`, folded by unaccent() inside PostgreSQL."""
    groups = ["(" + " | ".join(f"{alt}:*" for alt in (t.exact, *t.folded[1:])) + ")" for t in terms]
    raw = Func(Value(" & ".join(groups)), function="unaccent", output_field=TextField())
    return PgQuery(raw, search_type="raw", config="simple")


def indexed_rows() -> QuerySet:
    """The searchable products: one index row each (a product leaves the index, after commit,
    when it is hidden or its cooperative is no longer approved)."""
    return ProductIndex.objects.all()


def _match(rows: QuerySet, terms: list[Term]) -> QuerySet:
    if not terms:
        return rows
    if _postgresql():
        return rows.filter(vector=_tsquery(terms))
    for term in terms:
        condition = Q()
        for alternative in term.folded:
            condition |= Q(text__contains=f" {alternative}")
        rows = rows.filter(condition)
    return rows


def _ids_condition(column: str, ids: Iterable[str]) -> Q:
    condition = Q()
    for value in ids:
        condition |= Q(**{f"{column}__contains": f" {int(value)} "})
    return condition


def _price_condition(key: str) -> Q:
    low, high = PRICE_BANDS[key]
    condition = Q(price__isnull=False)
    if low is not None:
        condition &= Q(price__gte=low)
    if high is not None:
        condition &= Q(price__lt=high)
    return condition


def _stars_condition(values: Iterable[str]) -> Q:
    """Read live: a certificate stops counting the day it expires, without any save."""
    from marketplace.ocop.models import Certificate

    return Q(Exists(Certificate.objects.valid().filter(products=OuterRef("product_id"), stars__in=values)))


def _filter(rows: QuerySet, filters: dict) -> QuerySet:
    for name, values in filters.items():
        if not values:
            continue
        if name == "group":
            rows = rows.filter(_ids_condition("groups", values))
        elif name == "subgroup":
            rows = rows.filter(_ids_condition("subgroups", values))
        elif name == "area":
            rows = rows.filter(area__in=values)
        elif name == "coop":
            rows = rows.filter(cooperative_id__in=[int(v) for v in values])
        elif name == "stars":
            rows = rows.filter(_stars_condition(values))
        elif name == "price":
            condition = Q()
            for key in values:
                condition |= _price_condition(key)
            rows = rows.filter(condition)
        elif name == "stock":
            rows = rows.filter(in_stock=True)
    return rows


def _score(terms: list[Term]) -> Expression:
    """Exact accents in the title first, then folded title words, the folded phrase, the rest."""
    parts: list[Expression] = []
    for term in terms:
        parts.append(Case(When(title_exact__contains=f" {term.exact}", then=8), default=0))
        parts.append(Case(When(text_exact__contains=f" {term.exact}", then=2), default=0))
        parts.append(Case(When(title__contains=f" {term.folded[0]}", then=4), default=0))
    if len(terms) > 1:
        phrase = " ".join(term.folded[0] for term in terms)
        parts.append(Case(When(title__contains=f" {phrase}", then=6), default=0))
    score: Expression = parts[0]
    for part in parts[1:]:
        score = score + part
    if _postgresql():
        return Coalesce(score, 0, output_field=FloatField()) + SearchRank(F("vector"), _tsquery(terms))
    return Coalesce(score, 0, output_field=IntegerField())


def _order(rows: QuerySet, sort: str, terms: list[Term]) -> QuerySet:
    if sort == "relevance" and terms:
        ranked: QuerySet = rows.annotate(score=_score(terms)).order_by(
            "-score", "-date_created", "-product_id"
        )
        return ranked
    if sort == "price-asc":
        return rows.order_by(F("price").asc(nulls_last=True), "product_id")
    if sort == "price-desc":
        return rows.order_by(F("price").desc(nulls_last=True), "-product_id")
    if sort == "rating":  # read live: reviews update the product's rating without a save signal
        return rows.order_by(F("product__rating").desc(nulls_last=True), "-date_created", "-product_id")
    return rows.order_by("-date_created", "-product_id")


def search(query: SearchQuery) -> SearchResults:
    terms = terms_for(query.text)
    matched = _match(indexed_rows(), terms)
    if query.category_id:
        matched = matched.filter(categories__contains=f" {int(query.category_id)} ")
    filtered = _filter(matched, query.filters)
    window = _order(filtered, query.sort, terms)[query.offset : query.offset + query.limit]
    results = SearchResults(ids=list(window.values_list("product_id", flat=True)), total=filtered.count())
    if query.facets:
        results.facets = facet_counts(matched, query)
    return results


# --- Facets: the closed lists in one query, cooperatives and stars in one each ---------------

# Facets whose possible values are known before counting: their counts are conditional counts,
# so every one of them whose own filter is not chosen shares one aggregate over the same rows.
_CLOSED = ("group", "subgroup", "area", "price", "stock")


def facet_counts(matched: QuerySet, query: SearchQuery) -> dict[str, list[FacetCount]]:
    levels = _category_levels()
    conditions = {name: _closed_conditions(name, levels) for name in _CLOSED}
    shared = [name for name in _CLOSED if not query.filters.get(name)]
    alone = [name for name in _CLOSED if query.filters.get(name)]
    totals: dict[str, dict[str, int]] = {}
    batches = [(shared, _filter(matched, query.filters))] if shared else []
    batches += [([name], _filter(matched, query.without(name))) for name in alone]
    for names, rows in batches:
        expressions = {
            f"{name}__{n}": Count("pk", filter=condition)
            for name in names
            for n, (__, condition) in enumerate(conditions[name])
        }
        if not expressions:
            continue
        values = rows.order_by().aggregate(**expressions)
        for name in names:
            totals[name] = {value: values[f"{name}__{n}"] for n, (value, __) in enumerate(conditions[name])}
    counts = {}
    for name in FACETS:
        if name in _CLOSED:
            counts[name] = _closed_counts(name, totals.get(name, {}), levels)
        else:
            counts[name] = _COUNTERS[name](_filter(matched, query.without(name)))
    _label_coops(counts.get("coop", []))
    return counts


def _closed_conditions(name: str, levels: dict[str, list]) -> list[tuple[str, Q]]:
    """(value, condition) of every value the facet can take."""
    if name in ("group", "subgroup"):
        column = "groups" if name == "group" else "subgroups"
        return [(str(pk), Q(**{f"{column}__contains": f" {pk} "})) for pk, __ in levels[name]]
    if name == "area":
        return [(value, Q(area=value)) for value, __ in Area.choices]
    if name == "price":
        return [(key, _price_condition(key)) for key in PRICE_BANDS]
    return [("1", Q(in_stock=True))]


def _closed_counts(name: str, totals: dict[str, int], levels: dict[str, list]) -> list[FacetCount]:
    if name in ("group", "subgroup"):
        return [
            FacetCount(value=str(pk), count=totals[str(pk)], label=label)
            for pk, label in levels[name]
            if totals.get(str(pk))
        ]
    if name == "area":
        return [
            FacetCount(value=value, count=totals[value], label=str(label))
            for value, label in sorted(Area.choices)
            if totals.get(value)
        ]
    return [FacetCount(value=value, count=count) for value, count in totals.items() if count]


def _category_levels() -> dict[str, list[tuple[int, str]]]:
    """(pk, name) of the OCOP groups (depth 1) and subgroups (depth 2), in tree order: from the
    cache (one query on a miss; a saved category makes it stale)."""
    from marketplace.core import fragments

    def compute() -> dict[str, list[tuple[int, str]]]:
        levels: dict[str, list[tuple[int, str]]] = {"group": [], "subgroup": []}
        for pk, depth, name in (
            Category.objects.filter(depth__in=(1, 2)).order_by("path").values_list("pk", "depth", "name")
        ):
            levels["group" if depth == 1 else "subgroup"].append((pk, name))
        return levels

    return fragments.cached("categories", ("levels",), compute)


def _coop_counts(rows: QuerySet) -> list[FacetCount]:
    grouped = (
        rows.filter(cooperative_id__isnull=False)
        .order_by()
        .values("cooperative_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "cooperative_id")[:30]
    )
    return [FacetCount(value=str(row["cooperative_id"]), count=row["n"]) for row in grouped]


def _label_coops(counts: list[FacetCount]) -> None:
    """Cooperatives' names (one query), ties ordered by name as before."""
    if not counts:
        return
    names = dict(Partner.objects.filter(pk__in=[int(f.value) for f in counts]).values_list("pk", "name"))
    for facet in counts:
        facet.label = names.get(int(facet.value), facet.value)
    counts.sort(key=lambda f: (-f.count, f.label))


def _stars_counts(rows: QuerySet) -> list[FacetCount]:
    from marketplace.ocop.models import Certificate

    grouped = (
        Certificate.objects.valid()
        .filter(products__in=rows.values("product_id"))
        .order_by()
        .values("stars")
        .annotate(n=Count("products", distinct=True))
        .order_by("-stars")
    )
    return [FacetCount(value=str(row["stars"]), count=row["n"], label=f"{row['stars']}★") for row in grouped]


_COUNTERS = {
    "coop": _coop_counts,
    "stars": _stars_counts,
}


# --- Suggestions ------------------------------------------------------------------------


def suggest_product_ids(text: str, *, limit: int) -> list[int]:
    """Products whose title has words starting with every typed word (accents ignored)."""
    folded = folded_words(text)[:6]
    if not folded:
        return []
    products = on_sale()
    for word in folded:
        products = products.filter(search_index__title__contains=f" {word}")
    exact = words(text)
    score = Case(When(search_index__title_exact__contains=f" {' '.join(exact)}", then=1), default=0)
    ranked = products.annotate(score=score).order_by("-score", "search_index__title", "pk")
    return list(ranked.values_list("pk", flat=True)[:limit])
