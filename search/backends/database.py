"""Search on the database: PostgreSQL full-text search (unaccent, prefix terms, ts_rank) or,
on SQLite, word-prefix matching on accent-folded text. Text is matched and ranked on
`search.models.ProductIndex`; filters, facets, counts and sorting read the narrow rows of
`search.models.ProductFacet` beside it; only the rating is read live.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
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
    return list(_ordered(filtered, query.sort).values_list("product_id", flat=True)[page])


def _ordered(filtered: QuerySet, sort: str) -> QuerySet:
    """The narrow rows in a sort order other than relevance (an index walk for newest and price)."""
    if sort == "price-asc":
        return filtered.order_by(F("price").asc(nulls_last=True), "product_id")
    if sort == "price-desc":
        return filtered.order_by(F("price").desc(nulls_last=True), "-product_id")
    if sort == "rating":  # read live: reviews update the product's rating without a save signal
        return filtered.order_by(F("product__rating").desc(nulls_last=True), "-date_created", "-product_id")
    return filtered.order_by("-date_created", "-product_id")


def _matched_ids(
    terms: list[Term], narrowing: QuerySet | None, query: SearchQuery
) -> tuple[list[int], list[int] | None]:
    """PostgreSQL: one scan of the text rows for the whole page. Returns the ids of every matching
    product (the facet and count passes read the narrow rows of these ids instead of matching
    again) and, for a relevance search, this page's ids ranked in the same statement (among the
    narrow rows of `narrowing` when filters or a category narrow the page)."""
    matched = _match(indexed_rows(), terms)
    if query.sort != "relevance":
        return list(matched.values_list("product_id", flat=True)), None
    scored = matched.annotate(score=_score(terms)).values("product_id", "score", "date_created")
    body, params = scored.query.sql_with_params()
    arguments: list[Any] = list(params)
    window = "SELECT product_id FROM matched"
    if narrowing is not None:
        narrow, narrow_params = narrowing.order_by().values("product_id").query.sql_with_params()
        window += f" WHERE product_id IN ({narrow})"
        arguments += list(narrow_params)
    window += " ORDER BY score DESC, date_created DESC, product_id DESC OFFSET %s LIMIT %s"
    arguments += [query.offset, query.limit]
    # Only the ORM's own SQL is joined in; values travel as parameters.
    statement = (
        f"WITH matched AS MATERIALIZED ({body}) "  # noqa: S608
        f"SELECT ARRAY(SELECT product_id FROM matched), ARRAY({window})"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, arguments)
        found, ids = cursor.fetchone()
    return list(found), list(ids)


def _among(ids: list[int]) -> RawSQL:
    """The narrow rows of these products: a sequential scan testing each row against the ids as a
    constant array, which PostgreSQL hashes (`+ 0` keeps it from looking the rows up by primary
    key one id at a time, tens of thousands of times for a broad word; measured at 100,000
    products this is about twice as fast as joining the match)."""
    return RawSQL(
        '("search_productfacet"."product_id" + 0) = ANY(%s::integer[])', [ids], output_field=BooleanField()
    )


def search(query: SearchQuery) -> SearchResults:
    terms = terms_for(query.text)
    base = facet_rows()
    if query.category_id:
        base = base.filter(categories__contains=f" {int(query.category_id)} ")
    chosen = {name: values for name, values in query.filters.items() if values}
    narrowed = bool(chosen or query.category_id)
    ids: list[int] | None = None
    matched: QuerySet | None = None
    if terms and _postgresql():
        found, ids = _matched_ids(terms, _filter(base, chosen) if narrowed else None, query)
        rows = base.filter(_among(found))
    else:
        matched = _match(indexed_rows(), terms) if terms else None
        rows = base if matched is None else base.filter(product_id__in=matched.values("product_id"))
    filtered = _filter(rows, chosen)
    if ids is None:
        ids = _window(matched, filtered, narrowed, query, terms)
    if query.facets:
        facets, total = facet_counts(rows, query) if terms else _catalogue_facets(rows, query)
        return SearchResults(ids=ids, total=filtered.count() if total is None else total, facets=facets)
    return SearchResults(ids=ids, total=filtered.count())


def _catalogue_facets(rows: QuerySet, query: SearchQuery) -> tuple[dict[str, list[FacetCount]], int | None]:
    """The counts of a page without text (the catalogue, a category page, their filters): every
    visitor sees the same until the index changes, and counting them reads every narrow row (all
    100,000 at that size), so they are computed once per change of the index (each index write
    bumps the "search" version) and per day (stars end at midnight), then read from the cache."""
    from marketplace.core import fragments

    chosen = sorted((name, tuple(sorted(values))) for name, values in query.filters.items() if values)
    parts = repr(
        (query.category_id, chosen, timezone.localdate().isoformat(), fragments.version("categories"))
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    return fragments.cached("search", ("facets", digest), lambda: facet_counts(rows, query))


# --- Facets: a few passes over the narrow rows -------------------------------------------

# Facets whose possible values are known before counting: conditional counts in one aggregate.
_CLOSED = ("area", "price", "stock", "stars")


def _facet_batches(rows: QuerySet, query: SearchQuery) -> list[tuple[list[str], QuerySet, bool]]:
    """(facets, their rows, whether the total comes with them): the facets without a chosen value
    together over every filter, then each chosen facet over the other facets' filters."""
    chosen = {name for name, values in query.filters.items() if values}
    shared = [name for name in FACETS if name not in chosen]
    batches = [(shared, _filter(rows, query.filters), True)] if shared else []
    batches += [([name], _filter(rows, query.without(name)), False) for name in FACETS if name in chosen]
    return batches


def facet_counts(rows: QuerySet, query: SearchQuery) -> tuple[dict[str, list[FacetCount]], int | None]:
    """Each facet's counts over the rows with every other facet's filter (never its own), and the
    total with every filter when it came for free. Facets without a chosen value share passes over
    the same rows: one aggregate (the total, areas, price bands, stock, stars), one GROUP BY of the
    OCOP group and subgroup ids (rolled up here) and one of the cooperatives."""
    batches = _facet_batches(rows, query)
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


def _price_band_sql() -> tuple[str, list[Any]]:
    """The key of the price band a row's price falls in (NULL without a price), as SQL."""
    whens: list[str] = []
    params: list[Any] = []
    for key, (low, high) in PRICE_BANDS.items():
        sql = ["price IS NOT NULL"]
        if low is not None:
            sql.append("price >= %s")
            params.append(low)
        if high is not None:
            sql.append("price < %s")
            params.append(high)
        whens.append(f"WHEN {' AND '.join(sql)} THEN %s")
        params.append(key)
    return f"CASE {' '.join(whens)} END", params


# A pass's columns: which grouping set a row belongs to (0 for its own set, one flag per set),
# then the grouped values and the count.
PASS_COLUMNS = ["g0", "g1", "g2"]
PASS_VALUES = ["area", "band", "in_stock", "s3", "s4", "s5", "groups", "subgroups", "cooperative_id", "n"]


def _pass_sql(rows: QuerySet, names: list[str]) -> tuple[list[str], str, list[Any]]:
    """PostgreSQL: the counts of these facets over `rows` in one sequential scan of the narrow
    rows, hashed into GROUPING SETS of a few hundred groups at most: (area, price band, stock,
    stars) for the total and the closed facets, (groups, subgroups) for the OCOP tree,
    (cooperative_id) for the cooperatives. Rows are not sorted and no index is walked.
    Returns the grouping sets' names, the statement and its parameters."""
    sets: list[tuple[str, str]] = [("closed", "area, band, in_stock, s3, s4, s5")]
    if "group" in names or "subgroup" in names:
        sets.append(("tree", "groups, subgroups"))
    if "coop" in names:
        sets.append(("coop", "cooperative_id"))
    grouped = {column.strip() for __, columns in sets for column in columns.split(",")}
    selects = [
        f"GROUPING({columns}) AS {alias}" for (__, columns), alias in zip(sets, PASS_COLUMNS, strict=False)
    ]
    selects += [
        f"{column} AS {column}" if column in grouped else f"NULL AS {column}" for column in PASS_VALUES[:-1]
    ]
    selects.append("COUNT(*) AS n")
    inner, inner_params = rows.order_by().values(*FACET_COLUMNS).query.sql_with_params()
    band, band_params = _price_band_sql()
    today = timezone.localdate()
    # Only fixed column names and the ORM's own SQL are joined in; values travel as parameters.
    # `cooperative_id + 0`: grouped by hashing, not by walking the cooperatives' index.
    statement = (
        f"SELECT {', '.join(selects)} FROM ("  # noqa: S608
        f"SELECT area, {band} AS band, in_stock, stars3_until >= %s AS s3, stars4_until >= %s AS s4, "
        "stars5_until >= %s AS s5, groups, subgroups, cooperative_id + 0 AS cooperative_id "
        f"FROM ({inner}) AS matched) AS keyed "
        f"GROUP BY GROUPING SETS ({', '.join(f'({columns})' for __, columns in sets)})"
    )
    return [name for name, __ in sets], statement, [*band_params, today, today, today, *inner_params]


def _one_pass(
    rows: QuerySet, names: list[str], with_total: bool, levels: dict[str, list[tuple[int, str]]]
) -> tuple[dict[str, list[FacetCount]], int | None]:
    sets, statement, arguments = _pass_sql(rows, names)
    with connection.cursor() as cursor:
        cursor.execute(statement, arguments)
        result = cursor.fetchall()
    counts, total = _pass_read(result, sets, names, levels)
    return counts, total if with_total else None


def _pass_read(
    result: list[tuple], sets: list[str], names: list[str], levels: dict[str, list[tuple[int, str]]]
) -> tuple[dict[str, list[FacetCount]], int]:
    """The facets' counts and the total from the rows of `_pass_sql`'s statement."""
    total = 0
    closed_counts: dict[str, dict[str, int]] = {
        "area": {value: 0 for value, __ in Area.choices},
        "price": dict.fromkeys(PRICE_BANDS, 0),
        "stars": dict.fromkeys(STARS, 0),
        "stock": {"1": 0},
    }
    tree_counts: dict[str, dict[str, int]] = {"group": {}, "subgroup": {}}
    coops: list[tuple[int, int]] = []
    for row in result:
        flags = dict(zip(sets, row[: len(sets)], strict=True))
        area, band_key, in_stock, s3, s4, s5, groups, subgroups, cooperative_id, n = row[len(sets) :]
        if flags["closed"] == 0:
            total += n
            if area in closed_counts["area"]:
                closed_counts["area"][area] += n
            if band_key is not None:
                closed_counts["price"][band_key] += n
            if in_stock:
                closed_counts["stock"]["1"] += n
            for value, held in (("3", s3), ("4", s4), ("5", s5)):
                if held:
                    closed_counts["stars"][value] += n
        elif flags.get("tree") == 0:
            for name, ids in (("group", groups), ("subgroup", subgroups)):
                for pk in ids.split():
                    tree_counts[name][pk] = tree_counts[name].get(pk, 0) + n
        elif flags.get("coop") == 0 and cooperative_id is not None:
            coops.append((cooperative_id, n))
    counts = {name: _closed_counts(name, closed_counts[name]) for name in names if name in _CLOSED}
    for name in ("group", "subgroup"):
        if name in names:
            counts[name] = [
                FacetCount(value=str(pk), count=tree_counts[name][str(pk)], label=label)
                for pk, label in levels[name]
                if tree_counts[name].get(str(pk))
            ]
    if "coop" in names:
        coops.sort(key=lambda item: (-item[1], item[0]))
        counts["coop"] = [FacetCount(value=str(pk), count=n) for pk, n in coops[:30]]
    return counts, total


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
