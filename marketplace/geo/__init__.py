"""Vietnamese administrative geography after the 1 July 2025 reform: 34 provinces and their
3,321 communes/wards with the statistics office's codes, no districts (a two-level address).

The data comes from the package vietnam-provinces (see provinces.py and docs/checkout-and-payments.md).
"""

from .provinces import (
    NINH_BINH_CODE,
    Commune,
    Province,
    commune_by_code,
    commune_named,
    commune_sort_key,
    communes_of,
    find_province,
    ninh_binh,
    province_by_code,
    province_named,
    provinces,
    provinces_alphabetical,
)

__all__ = [
    "NINH_BINH_CODE",
    "Commune",
    "Province",
    "commune_by_code",
    "commune_named",
    "commune_sort_key",
    "communes_of",
    "find_province",
    "ninh_binh",
    "province_by_code",
    "province_named",
    "provinces",
    "provinces_alphabetical",
]
