"""Search on the database: PostgreSQL full-text search (unaccent, prefix terms, ts_rank) or,
on SQLite, word-prefix matching on accent-folded text. Text is matched and ranked on
`search.models.ProductIndex`; filters, facets, counts and sorting read the narrow rows of
`search.models.ProductFacet` beside it; only the rating is read live.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.core.text import fold
from marketplace.partner.models import Area, Partner

from ..models import ProductFacet, ProductIndex, SearchTerm
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
    checked = sorted({f for f in folded if len(f) >= TYPO_MIN_LENGTH - 1 and f.isalpha()})
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
    """The searchable products' text rows (a product leaves the index, after commit, when it is
    hidden or its cooperative is no longer approved)."""
    return ProductIndex.objects.all()


def facet_rows() -> QuerySet:
    """The searchable products' narrow rows: what filters, facets and sorting read."""
    return ProductFacet.objects.all()


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


STARS = ("5", "4", "3")


def _stars_condition(value: str) -> Q:
    """A verified certificate of this rank is valid today (rows keep each rank's last valid day)."""
    if value not in STARS:
        return Q(pk__in=[])
    return Q(**{f"stars{value}_until__gte": timezone.localdate()})


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
            condition = Q()
            for value in values:
                condition |= _stars_condition(value)
            rows = rows.filter(condition)
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


def _window(
    matched: QuerySet | None, filtered: QuerySet, narrowed: bool, query: SearchQuery, terms: list[Term]
) -> list[int]:
    """This page's product ids, in order: ranked text rows for a relevance search, else the narrow
    rows in the chosen order (an index walk for newest and price)."""
    page = slice(query.offset, query.offset + query.limit)
    if query.sort == "relevance" and terms and matched is not None:
        rows = matched.filter(product_id__in=filtered.values("product_id")) if narrowed else matched
        ranked = rows.annotate(score=_score(terms)).order_by("-score", "-date_created", "-product_id")
        return list(ranked.values_list("product_id", flat=True)[page])
    if query.sort == "price-asc":
        ordered = filtered.order_by(F("price").asc(nulls_last=True), "product_id")
    elif query.sort == "price-desc":
        ordered = filtered.order_by(F("price").desc(nulls_last=True), "-product_id")
    elif query.sort == "rating":  # read live: reviews update the product's rating without a save signal
        ordered = filtered.order_by(
            F("product__rating").desc(nulls_last=True), "-date_created", "-product_id"
        )
    else:
        ordered = filtered.order_by("-date_created", "-product_id")
    return list(ordered.values_list("product_id", flat=True)[page])


def search(query: SearchQuery) -> SearchResults:
    terms = terms_for(query.text)
    matched = _match(indexed_rows(), terms) if terms else None
    rows = facet_rows()
    if matched is not None and _postgresql():
        # Matched once: the count and facet passes read this array instead of matching again.
        found = list(matched.values_list("product_id", flat=True))
        rows = rows.filter(product_id__in=RawSQL("SELECT unnest(%s::integer[])", [found]))
    elif matched is not None:
        rows = rows.filter(product_id__in=matched.values("product_id"))
    if query.category_id:
        rows = rows.filter(categories__contains=f" {int(query.category_id)} ")
    chosen = {name: values for name, values in query.filters.items() if values}
    filtered = _filter(rows, chosen)
    ids = _window(matched, filtered, bool(chosen or query.category_id), query, terms)
    if query.facets:
        facets, total = facet_counts(rows, query)
        return SearchResults(ids=ids, total=filtered.count() if total is None else total, facets=facets)
    return SearchResults(ids=ids, total=filtered.count())


# --- Facets: a few passes over the narrow rows -------------------------------------------

# Facets whose possible values are known before counting: conditional counts in one aggregate.
_CLOSED = ("area", "price", "stock", "stars")


def facet_counts(rows: QuerySet, query: SearchQuery) -> tuple[dict[str, list[FacetCount]], int | None]:
    """Each facet's counts over the rows with every other facet's filter (never its own), and the
    total with every filter when it came for free. Facets without a chosen value share passes over
    the same rows: one aggregate (the total, areas, price bands, stock, stars), one GROUP BY of the
    OCOP group and subgroup ids (rolled up here) and one of the cooperatives."""
    chosen = {name for name, values in query.filters.items() if values}
    shared = [name for name in FACETS if name not in chosen]
    batches = [(shared, _filter(rows, query.filters), True)] if shared else []
    batches += [([name], _filter(rows, query.without(name)), False) for name in FACETS if name in chosen]
    levels = _category_levels()
    counts: dict[str, list[FacetCount]] = {}
    total: int | None = None
    for names, batch_rows, with_total in batches:
        if _postgresql():
            pass_counts, batch_total = _one_pass(batch_rows, names, with_total, levels)
            counts.update(pass_counts)
            total = batch_total if with_total else total
            continue
        closed = [name for name in names if name in _CLOSED]
        if closed or with_total:
            expressions: dict[str, Any] = {"total": Count("pk")} if with_total else {}
            for name in closed:
                for n, (__, condition) in enumerate(_closed_conditions(name)):
                    expressions[f"{name}__{n}"] = Count("pk", filter=condition)
            values = batch_rows.order_by().aggregate(**expressions)
            if with_total:
                total = values["total"]
            for name in closed:
                found = {
                    value: values[f"{name}__{n}"] for n, (value, __) in enumerate(_closed_conditions(name))
                }
                counts[name] = _closed_counts(name, found)
        if "group" in names or "subgroup" in names:
            tree = _tree_counts(batch_rows)
            for name in ("group", "subgroup"):
                if name in names:
                    counts[name] = [
                        FacetCount(value=str(pk), count=tree[name][str(pk)], label=label)
                        for pk, label in levels[name]
                        if tree[name].get(str(pk))
                    ]
        if "coop" in names:
            counts["coop"] = _coop_counts(batch_rows)
    _label_coops(counts.get("coop", []))
    return {name: counts.get(name, []) for name in FACETS}, total


def _closed_sql(name: str) -> list[tuple[str, str, list[Any]]]:
    """(value, SQL condition, parameters) of every value of a closed facet, for `_one_pass`."""
    if name == "area":
        return [(value, "area = %s", [value]) for value, __ in Area.choices]
    if name == "price":
        conditions = []
        for key, (low, high) in PRICE_BANDS.items():
            sql, params = ["price IS NOT NULL"], []
            if low is not None:
                sql.append("price >= %s")
                params.append(low)
            if high is not None:
                sql.append("price < %s")
                params.append(high)
            conditions.append((key, " AND ".join(sql), params))
        return conditions
    if name == "stars":
        today = timezone.localdate()
        return [(value, f"stars{int(value)}_until >= %s", [today]) for value in STARS]
    return [("1", "in_stock", [])]


def _one_pass(
    rows: QuerySet, names: list[str], with_total: bool, levels: dict[str, list[tuple[int, str]]]
) -> tuple[dict[str, list[FacetCount]], int | None]:
    """PostgreSQL: the same counts as the passes below in one scan of the rows, with GROUPING SETS:
    () for the total and the closed facets' conditional counts, (groups, subgroups) for the OCOP
    tree, (cooperative_id) for the cooperatives."""
    closed = [
        (name, value, sql, params)
        for name in names
        if name in _CLOSED
        for value, sql, params in _closed_sql(name)
    ]
    tree = "group" in names or "subgroup" in names
    coop = "coop" in names
    sets, flags, flag_names = ["()"], [], []
    if tree:
        sets.append("(groups, subgroups)")
        flags.append("GROUPING(groups, subgroups)")
        flag_names.append("tree")
    if coop:
        sets.append("(cooperative_id)")
        flags.append("GROUPING(cooperative_id)")
        flag_names.append("coop")
    selects = [*flags, "groups" if tree else "NULL", "subgroups" if tree else "NULL"]
    selects += ["cooperative_id" if coop else "NULL", "COUNT(*)"]
    selects += [f"COUNT(*) FILTER (WHERE {condition[2]})" for condition in closed]
    inner, inner_params = rows.order_by().values(*FACET_COLUMNS).query.sql_with_params()
    # Only fixed column names and the ORM's own SQL are joined in; values travel as parameters.
    statement = (
        f"SELECT {', '.join(selects)} FROM ({inner}) AS matched "  # noqa: S608
        f"GROUP BY GROUPING SETS ({', '.join(sets)})"
    )
    arguments = [param for condition in closed for param in condition[3]] + list(inner_params)
    with connection.cursor() as cursor:
        cursor.execute(statement, arguments)
        result = cursor.fetchall()
    counts: dict[str, list[FacetCount]] = {}
    total = None
    tree_counts: dict[str, dict[str, int]] = {"group": {}, "subgroup": {}}
    coops: list[tuple[int, int]] = []
    for row in result:
        grouping = dict(zip(flag_names, row, strict=False))
        groups, subgroups, cooperative_id, n = row[len(flags) : len(flags) + 4]
        if tree and grouping["tree"] == 0:
            for name, ids in (("group", groups), ("subgroup", subgroups)):
                for pk in ids.split():
                    tree_counts[name][pk] = tree_counts[name].get(pk, 0) + n
        elif coop and grouping["coop"] == 0:
            if cooperative_id is not None:
                coops.append((cooperative_id, n))
        else:
            total = n
            conditional = row[len(flags) + 4 :]
            by_name: dict[str, dict[str, int]] = {}
            for condition, count in zip(closed, conditional, strict=True):
                by_name.setdefault(condition[0], {})[condition[1]] = count
            for name, values in by_name.items():
                counts[name] = _closed_counts(name, values)
    for name in ("group", "subgroup"):
        if name in names:
            counts[name] = [
                FacetCount(value=str(pk), count=tree_counts[name][str(pk)], label=label)
                for pk, label in levels[name]
                if tree_counts[name].get(str(pk))
            ]
    if coop:
        coops.sort(key=lambda item: (-item[1], item[0]))
        counts["coop"] = [FacetCount(value=str(pk), count=n) for pk, n in coops[:30]]
    return counts, total if with_total else None


FACET_COLUMNS = (
    "product_id",
    "groups",
    "subgroups",
    "cooperative_id",
    "area",
    "price",
    "in_stock",
    "stars3_until",
    "stars4_until",
    "stars5_until",
)


def _closed_conditions(name: str) -> list[tuple[str, Q]]:
    """(value, condition) of every value the facet can take."""
    if name == "area":
        return [(value, Q(area=value)) for value, __ in Area.choices]
    if name == "price":
        return [(key, _price_condition(key)) for key in PRICE_BANDS]
    if name == "stars":
        return [(value, _stars_condition(value)) for value in STARS]
    return [("1", Q(in_stock=True))]


def _closed_counts(name: str, totals: dict[str, int]) -> list[FacetCount]:
    if name == "area":
        return [
            FacetCount(value=value, count=totals[value], label=str(label))
            for value, label in sorted(Area.choices)
            if totals.get(value)
        ]
    if name == "stars":
        return [
            FacetCount(value=value, count=totals[value], label=f"{value}★")
            for value in STARS
            if totals[value]
        ]
    return [FacetCount(value=value, count=count) for value, count in totals.items() if count]


def _tree_counts(rows: QuerySet) -> dict[str, dict[str, int]]:
    """Products per OCOP group and subgroup: one GROUP BY of the padded id lists (a few dozen
    distinct values), each list's count added to every id in it."""
    tree: dict[str, dict[str, int]] = {"group": {}, "subgroup": {}}
    for groups, subgroups, n in rows.order_by().values_list("groups", "subgroups").annotate(n=Count("pk")):
        for name, ids in (("group", groups), ("subgroup", subgroups)):
            for pk in ids.split():
                tree[name][pk] = tree[name].get(pk, 0) + n
    return tree


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


# --- Suggestions ------------------------------------------------------------------------


def suggest_product_ids(text: str, *, limit: int) -> list[int]:
    """Products whose title has words starting with every typed word (accents ignored): the index
    rows alone (they hold only products on sale; the caller shows only those still on sale), each
    word a LIKE that PostgreSQL answers from the title's trigram index."""
    folded = folded_words(text)[:6]
    if not folded:
        return []
    rows = indexed_rows()
    for word in folded:
        rows = rows.filter(title__contains=f" {word}")
    exact = words(text)
    score = Case(When(title_exact__contains=f" {' '.join(exact)}", then=1), default=0)
    ranked = rows.annotate(score=score).order_by("-score", "title", "product_id")
    return list(ranked.values_list("product_id", flat=True)[:limit])
