"""Demo shipping settings: varied, as cooperatives of the province would set them (national
parcels for dry goods, the own province and neighbours for heavy or fragile goods, pickup at the
workshop or the market, one cooperative that only sells at its door). Cooperatives not listed keep
the default (free delivery everywhere)."""

from typing import Any

from marketplace.delivery.services import shipping_settings_save

HOURS = "7:00–17:00, thứ Hai đến thứ Bảy"
NEIGHBOURS = ["Hà Nội", "Hưng Yên", "Ninh Bình", "Phú Thọ", "Thanh Hoá"]

SHIPPING: dict[str, dict[str, Any]] = {
    "gia-sinh": {"flat_fee": 30000, "free_above": 500000},
    "coi-kim-son": {"flat_fee": 35000, "free_above": 800000},
    "ruou-kim-son": {"flat_fee": 40000, "provinces": NEIGHBOURS},
    "de-tam-diep": {
        "flat_fee": 25000,
        "free_above": 1000000,
        "provinces": ["Ninh Bình"],
        "pickup": True,
        "pickup_hours": "6:00–18:00 hằng ngày",
    },
    # Only at the door: nem chua is made each morning and sold fresh.
    "nem-yen-mac": {
        "delivers": False,
        "pickup": True,
        "pickup_address": "Quầy nem đầu chợ Yên Mạc, thôn Phú Thượng, xã Yên Mạc",
        "pickup_hours": "6:00–11:00 hằng ngày",
    },
    "cuc-phuong": {"flat_fee": 30000, "free_above": 400000},
    "da-ninh-van": {"flat_fee": 150000, "provinces": NEIGHBOURS, "pickup": True, "pickup_hours": HOURS},
    "hai-hau-gao": {"flat_fee": 20000, "free_above": 300000},
    "giao-thuy": {"flat_fee": 30000, "provinces": ["Ninh Bình", "Hà Nội"], "pickup": True},
}


def load_shipping(cooperatives: dict) -> int:
    for key, fields in SHIPPING.items():
        values: dict[str, Any] = {
            "delivers": True,
            "flat_fee": 0,
            "free_above": None,
            "provinces": [],
            "pickup": False,
        }
        values.update(fields)
        if values["pickup"]:
            values.setdefault("pickup_address", cooperatives[key].address_line)
        shipping_settings_save(partner=cooperatives[key], **values)
    return len(SHIPPING)
