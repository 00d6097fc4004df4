"""The 34 province-level units and their 3,321 communes/wards in force since 1 July 2025.

Source: the package ``vietnam-provinces`` (pinned in requirements.txt), which carries the General
Statistics Office's list of administrative units with their official codes after the 2025 reform
(Resolution 202/2025/QH15 for the provinces; the Standing Committee's resolutions for the
communes). The data is read once from the package's JSON and kept in memory. How to update
it: docs/checkout-and-payments.md ("Geography").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from marketplace.core.text import fold, nfc

DATA_PACKAGE = "vietnam_provinces"
DATA_FILE = "data/nested-divisions.json"
NINH_BINH_CODE = "37"

COMMUNE_KINDS = ("xã", "phường", "đặc khu")


def _clean(text: str) -> str:
    """NFC and single spaces (the source has a few names with a double space)."""
    return " ".join(nfc(str(text)).split())


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def commune_sort_key(name: str) -> tuple[str, str, str]:
    """Vietnamese alphabetical order of commune names: on the name without 'Xã'/'Phường'/'Đặc
    khu', accents folded ('Xã Bắc Lý' before 'Phường Hoa Lư')."""
    folded = _key(name)
    short = next(
        (folded[len(kind) + 1 :] for kind in map(fold, COMMUNE_KINDS) if folded.startswith(kind + " ")),
        folded,
    )
    return (short, folded, name)


@dataclass(frozen=True)
class Commune:
    """A commune-level unit: xã, phường or đặc khu (special zone)."""

    name: str  # the full official name, "Xã Gia Viễn"
    code: str  # the statistics office code, five digits: "14464"
    kind: str  # "xã", "phường" or "đặc khu"
    province_code: str

    @property
    def short_name(self) -> str:
        """'Gia Viễn' for 'Xã Gia Viễn'."""
        return (
            self.name[len(self.kind) + 1 :]
            if _key(self.name).startswith(fold(self.kind) + " ")
            else self.name
        )

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return commune_sort_key(self.name)

    @property
    def province(self) -> Province:
        return _known_province(self.province_code)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Province:
    name: str  # without "Tỉnh"/"Thành phố": "Ninh Bình", "Hồ Chí Minh"
    kind: str  # "thành phố" (centrally run city) or "tỉnh"
    code: str  # the statistics office code, two digits: "37"
    communes: tuple[Commune, ...] = field(default=(), compare=False, repr=False)

    @property
    def label(self) -> str:
        """'Tỉnh Ninh Bình', 'Thành phố Hà Nội'."""
        return f"{self.kind.capitalize()} {self.name}"

    @property
    def label_lower(self) -> str:
        """'tỉnh Ninh Bình', 'thành phố Hà Nội' (inside a sentence)."""
        return f"{self.kind} {self.name}"

    def commune(self, code: str) -> Commune | None:
        found = commune_by_code(code)
        return found if found is not None and found.province_code == self.code else None

    def __str__(self) -> str:
        return self.name


def _read() -> list[dict]:
    text = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 34 provinces in official code order (Hà Nội 01 … Cà Mau 96)."""
    result = []
    for row in _read():
        code = f"{int(row['code']):02d}"
        city = _key(row["division_type"]).startswith("thanh pho")
        name = _clean(row["name"])
        for prefix in ("Thành phố ", "Tỉnh "):
            if name.startswith(prefix):
                name = name[len(prefix) :]
        communes = tuple(
            sorted(
                (
                    Commune(
                        name=_clean(ward["name"]),
                        code=f"{int(ward['code']):05d}",
                        kind=_clean(ward["division_type"]),
                        province_code=code,
                    )
                    for ward in row.get("wards", ())
                ),
                key=lambda commune: commune.sort_key,
            )
        )
        result.append(Province(name=name, kind="thành phố" if city else "tỉnh", code=code, communes=communes))
    return tuple(result)


@lru_cache(maxsize=1)
def _indexes():
    by_code = {}
    by_folded = {}
    communes = {}
    for province in provinces():
        by_code[province.code] = province
        by_folded[_key(province.name)] = province
        for commune in province.communes:
            communes[commune.code] = commune
    by_folded["sai gon"] = by_folded["tp hcm"] = by_folded["hcm"] = by_folded["ho chi minh"]
    by_folded["thua thien hue"] = by_folded["hue"]
    return by_code, by_folded, communes


@lru_cache(maxsize=64)
def _commune_names(province_code: str):
    """Four indexes of a province's communes, from the strictest to the loosest: lower-case full
    name, lower-case name without 'Xã'/'Phường', and the same two with accents folded. Each maps
    to a list, since folding can merge names ('Văn Lang' and 'Văn Lăng' in Thái Nguyên)."""
    indexes: tuple[dict[str, list[Commune]], ...] = ({}, {}, {}, {})
    for commune in _known_province(province_code).communes:
        keys = (
            commune.name.lower(),
            commune.short_name.lower(),
            _key(commune.name),
            _key(commune.short_name),
        )
        for index, key in zip(indexes, keys, strict=True):
            index.setdefault(key, []).append(commune)
    return indexes


def provinces_alphabetical() -> list[Province]:
    return sorted(provinces(), key=lambda province: (_key(province.name), province.name))


def _official_code(code, width: int) -> str | None:
    """'1' -> '01', '14464' -> '14464'; None for anything but 1 to `width` ASCII digits. (str.isdigit()
    also accepts '²' and '١', and int() refuses numbers of thousands of digits: both were server errors.)"""
    text = str(code or "").strip()
    if not (0 < len(text) <= width and text.isascii() and text.isdigit()):
        return None
    return text.zfill(width)


def province_by_code(code) -> Province | None:
    found = _official_code(code, 2)
    return _indexes()[0].get(found) if found else None


def _known_province(code: str) -> Province:
    """A province whose code comes from the data itself (a commune's, Ninh Bình's): always there."""
    province = province_by_code(code)
    assert province is not None, code
    return province


_PREFIXES = ("thanh pho ", "tp. ", "tp.", "tp ", "tinh ")


def province_named(text: str) -> Province | None:
    """'tỉnh Ninh Bình', 'ninh binh', 'TP. Hồ Chí Minh' -> the Province; None if unknown."""
    key = _key(text or "")
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :].strip()
            break
    return _indexes()[1].get(key)


def find_province(value) -> Province | None:
    """A Province, its code ('37') or its name ('Ninh Bình', 'tinh ninh binh') -> the Province."""
    if isinstance(value, Province):
        return value
    return province_by_code(value) or province_named(str(value or ""))


def commune_by_code(code) -> Commune | None:
    found = _official_code(code, 5)
    return _indexes()[2].get(found) if found else None


_COMMUNE_PREFIXES = ("xa ", "x. ", "x.", "phuong ", "p. ", "p.", "dac khu ")


def commune_named(province: Province | str, text: str) -> Commune | None:
    """The commune of `province` called `text`: 'Xã Gia Viễn', 'gia vien', 'Gia Viễn' (or its code).

    A name without 'Xã'/'Phường' is accepted only when just one unit of the province bears it.
    """
    found = find_province(province)
    if found is None or not (text or "").strip():
        return None
    by_code = commune_by_code(text)
    if by_code is not None:
        return by_code if by_code.province_code == found.code else None
    exact = _clean(text).lower()
    folded = _key(text)
    short_exact, short_folded = exact, folded
    for prefix in _COMMUNE_PREFIXES:
        if folded.startswith(prefix):
            cut = len(prefix)
            short_exact, short_folded = exact[cut:].strip(), folded[cut:].strip()
            break
    full, short, full_folded, short_folded_index = _commune_names(found.code)
    for index, key in (
        (full, exact),
        (short, short_exact),
        (full_folded, folded),
        (short_folded_index, short_folded),
    ):
        matches = index.get(key, [])
        if len(matches) == 1:
            return matches[0]
    return None


def communes_of(province: Province | str) -> tuple[Commune, ...]:
    """The communes of a province (a Province, its code or its name), in Vietnamese order."""
    found = find_province(province)
    return found.communes if found else ()


def ninh_binh() -> Province:
    return _known_province(NINH_BINH_CODE)
