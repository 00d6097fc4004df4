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
from ..text import corrections, folded_words, words

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")


@dataclass(frozen=True)
class Term:
    exact: str  # as typed, NFC lower-case
    folded: tuple[str, ...]  # its folded form, then one-edit corrections if it is unknown


def terms_for(text: str) -> list[Term]:
    terms = []
    for word in words(text)[:8]:
        folded = fold(word)
        alternatives = [folded]
        if len(folded) >= 5 and not SearchTerm.objects.filter(word__startswith=folded).exists():
            band = SearchTerm.objects.filter(length__range=(len(folded) - 1, len(folded) + 1))
            alternatives += corrections(folded, band.values_list("word", flat=True))
        terms.append(Term(exact=word, folded=tuple(alternatives)))
    return terms


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


# --- Facets: one query per facet over the index rows -------------------------------------


def facet_counts(matched: QuerySet, query: SearchQuery) -> dict[str, list[FacetCount]]:
    levels = _category_levels()
    counts = {}
    for name in FACETS:
        rows = _filter(matched, query.without(name))
        if name in ("group", "subgroup"):
            counts[name] = _category_counts(rows, name, levels[name])
        else:
            counts[name] = _COUNTERS[name](rows)
    _label_coops(counts.get("coop", []))
    return counts


def _category_levels() -> dict[str, list]:
    """The OCOP groups (depth 1) and subgroups (depth 2): one query."""
    levels: dict[str, list] = {"group": [], "subgroup": []}
    for category in Category.objects.filter(depth__in=(1, 2)).order_by("path"):
        levels["group" if category.depth == 1 else "subgroup"].append(category)
    return levels


def _category_counts(rows: QuerySet, name: str, categories: list) -> list[FacetCount]:
    """All of a level's counts in one pass: a conditional count per category."""
    if not categories:
        return []
    column = "groups" if name == "group" else "subgroups"
    totals = rows.aggregate(
        **{f"c{c.pk}": Count("pk", filter=Q(**{f"{column}__contains": f" {c.pk} "})) for c in categories}
    )
    return [
        FacetCount(value=str(c.pk), count=totals[f"c{c.pk}"], label=c.name)
        for c in categories
        if totals[f"c{c.pk}"]
    ]


def _area_counts(rows: QuerySet) -> list[FacetCount]:
    labels = dict(Area.choices)
    grouped = rows.order_by().values("area").annotate(n=Count("pk")).order_by("area")
    return [
        FacetCount(value=row["area"], count=row["n"], label=str(labels[row["area"]]))
        for row in grouped
        if row["area"] in labels
    ]


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


def _price_counts(rows: QuerySet) -> list[FacetCount]:
    """One pass: each row's price falls in one band."""
    bands = [When(_price_condition(key), then=Value(key)) for key in PRICE_BANDS]
    grouped = (
        rows.filter(price__isnull=False)
        .order_by()
        .annotate(band=Case(*bands, output_field=TextField()))
        .values("band")
        .annotate(n=Count("pk"))
    )
    counts = {row["band"]: row["n"] for row in grouped}
    return [FacetCount(value=key, count=counts[key]) for key in PRICE_BANDS if counts.get(key)]


def _stock_counts(rows: QuerySet) -> list[FacetCount]:
    total = rows.filter(in_stock=True).count()
    return [FacetCount(value="1", count=total)] if total else []


_COUNTERS = {
    "area": _area_counts,
    "coop": _coop_counts,
    "stars": _stars_counts,
    "price": _price_counts,
    "stock": _stock_counts,
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
