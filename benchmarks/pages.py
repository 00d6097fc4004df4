"""The shop pages the benchmarks measure, found on a running server (no Django import needed)."""

import re
import urllib.request
from urllib.parse import urljoin

CATEGORY = re.compile(r'href="(/catalogue/category/[^"#?]+/)"')
PRODUCT = re.compile(r'href="(/catalogue/(?!category/)[^"/#?]+_\d+/)"')
STOREFRONT = re.compile(r'href="(/cooperatives/(?!\?)[^"/#?]+/)"')
SEARCH = "/search/?q=com+chay"


def fetch(url: str) -> str:
    if not url.startswith(("http://", "https://")):
        raise SystemExit(f"not a web address: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "chohtx-benchmarks"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read().decode("utf-8", "replace")


def first(pattern: re.Pattern[str], html: str, what: str) -> str:
    match = pattern.search(html)
    if match is None:
        raise SystemExit(f"no {what} link found: is the demo data loaded (manage.py load_demo)?")
    return match.group(1)


def shop_pages(base_url: str, *, more: bool = False) -> dict[str, str]:
    """Home, a category, a product and search (and, with more=True, the catalogue, a storefront, the
    cooperative directory and the basket), as absolute URLs."""
    base_url = base_url.rstrip("/") + "/"
    catalogue = fetch(urljoin(base_url, "catalogue/"))
    pages = {
        "home": "/",
        "category": first(CATEGORY, catalogue, "category"),
        "product": first(PRODUCT, catalogue, "product"),
        "search": SEARCH,
    }
    if more:
        directory = fetch(urljoin(base_url, "cooperatives/"))
        pages |= {
            "catalogue": "/catalogue/",
            "storefront": first(STOREFRONT, directory, "storefront"),
            "cooperatives": "/cooperatives/",
            "basket": "/basket/",
        }
    return {name: urljoin(base_url, path.lstrip("/")) for name, path in pages.items()}
