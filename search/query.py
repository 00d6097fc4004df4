"""The one search interface: what is asked (`SearchQuery`) and what comes back (`SearchResults`),
whatever the backend."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# Facets, in the order the page shows them. Values travel in the URL as strings.
FACETS = ("group", "subgroup", "area", "coop", "stars", "price", "stock")
FACET_LABELS = {
    "group": _("Nhóm OCOP"),
    "subgroup": _("Phân nhóm OCOP"),
    "area": _("Vùng (tỉnh cũ)"),
    "coop": _("Hợp tác xã"),
    "stars": _("Hạng sao OCOP"),
    "price": _("Khoảng giá"),
    "stock": _("Tình trạng"),
}
# Price bands in VND: key -> (from, to) with `to` excluded; None means open.
PRICE_BANDS = {
    "0-50000": (None, 50_000),
    "50000-100000": (50_000, 100_000),
    "100000-200000": (100_000, 200_000),
    "200000-500000": (200_000, 500_000),
    "500000-": (500_000, None),
}
SORTS = ("relevance", "price-asc", "price-desc", "newest", "rating")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    category_id: int | None = None  # the category page's category (and its descendants)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    offset: int = 0
    limit: int = 24
    facets: bool = True

    def without(self, facet: str) -> dict[str, tuple[str, ...]]:
        """The filters other than `facet`'s: a facet's counts ignore its own selection."""
        return {name: values for name, values in self.filters.items() if name != facet and values}


@dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False
    url: str = ""  # set by the results page: the address that toggles this value


@dataclass
class SearchResults:
    ids: list[int]  # this page's product ids, in order
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    backend: str = "database"
