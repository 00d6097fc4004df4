"""The 34 province-level units in force since 1 July 2025 (Resolution 202/2025/QH15)."""

from __future__ import annotations

from dataclasses import dataclass, field

from marketplace.core.text import fold


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "thành phố" (centrally run city) or "tỉnh"
    code: str = ""  # the statistics office code, only where we are sure of it
    communes: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return f"{self.kind.capitalize()} {self.name}"


# Communes and wards of the new Ninh Bình (129 units: 97 xã, 32 phường). This is a PARTIAL list of
# names only, without codes, and only names we are fairly sure of: the full coded list of
# Decision 19/2025/QĐ-TTg is not in this repository, so any other commune is accepted as typed.
NINH_BINH_COMMUNES = (
    "Phường Hoa Lư",
    "Phường Tam Điệp",
    "Phường Nam Định",
    "Phường Phủ Lý",
    "Xã Gia Viễn",
)

NINH_BINH = Province("Ninh Bình", "tỉnh", "37", NINH_BINH_COMMUNES)

PROVINCES: tuple[Province, ...] = (
    Province("Hà Nội", "thành phố"),
    Province("Huế", "thành phố"),
    Province("Hải Phòng", "thành phố"),
    Province("Đà Nẵng", "thành phố"),
    Province("Hồ Chí Minh", "thành phố"),
    Province("Cần Thơ", "thành phố"),
    Province("Tuyên Quang", "tỉnh"),
    Province("Cao Bằng", "tỉnh"),
    Province("Lai Châu", "tỉnh"),
    Province("Lào Cai", "tỉnh"),
    Province("Thái Nguyên", "tỉnh"),
    Province("Điện Biên", "tỉnh"),
    Province("Lạng Sơn", "tỉnh"),
    Province("Sơn La", "tỉnh"),
    Province("Phú Thọ", "tỉnh"),
    Province("Bắc Ninh", "tỉnh"),
    Province("Quảng Ninh", "tỉnh"),
    Province("Hưng Yên", "tỉnh"),
    NINH_BINH,
    Province("Thanh Hóa", "tỉnh"),
    Province("Nghệ An", "tỉnh"),
    Province("Hà Tĩnh", "tỉnh"),
    Province("Quảng Trị", "tỉnh"),
    Province("Quảng Ngãi", "tỉnh"),
    Province("Gia Lai", "tỉnh"),
    Province("Khánh Hòa", "tỉnh"),
    Province("Lâm Đồng", "tỉnh"),
    Province("Đắk Lắk", "tỉnh"),
    Province("Đồng Nai", "tỉnh"),
    Province("Tây Ninh", "tỉnh"),
    Province("Vĩnh Long", "tỉnh"),
    Province("Đồng Tháp", "tỉnh"),
    Province("Cà Mau", "tỉnh"),
    Province("An Giang", "tỉnh"),
)

_PREFIXES = ("thanh pho ", "tp. ", "tp ", "tinh ")
_BY_FOLDED = {fold(province.name): province for province in PROVINCES}
_BY_FOLDED["sai gon"] = _BY_FOLDED["ho chi minh"]
_BY_FOLDED["thua thien hue"] = _BY_FOLDED["hue"]


def province_named(text: str) -> Province | None:
    """'tỉnh Ninh Bình', 'ninh binh', 'TP. Hồ Chí Minh' -> the Province; None if unknown."""
    key = " ".join(fold(text).split())
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return _BY_FOLDED.get(key)


def communes_of(province: Province | str) -> tuple[str, ...]:
    found = province if isinstance(province, Province) else province_named(province)
    return found.communes if found else ()
