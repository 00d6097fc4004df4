"""VietQR (NAPAS) bank-transfer QR codes: an EMVCo merchant-presented payload with its CRC.

Pure functions: the payload for an amount, bank BIN, account and note, and its image.
"""

from __future__ import annotations

import io
from decimal import Decimal

import segno

from marketplace.core.text import fold

NAPAS_GUID = "A000000727"
TO_ACCOUNT = "QRIBFTTA"


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"VietQR field {tag} is too long")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt_false(data: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), 4 upper-case hex digits."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for __ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def transfer_note(text: str) -> str:
    """Banks expect notes without diacritics: 'Đơn 100001' -> 'Don 100001' (max 50 chars)."""
    folded = fold(text)
    upper_kept = "".join(
        new.upper() if old.isupper() else new for old, new in zip(text, folded, strict=False)
    )
    ascii_only = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in upper_kept)
    return " ".join(ascii_only.split())[:50]


def payload(*, bank_bin: str, account: str, amount: int | Decimal | None = None, note: str = "") -> str:
    beneficiary = _field("00", bank_bin) + _field("01", account)
    merchant = _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", TO_ACCOUNT)
    parts = [_field("00", "01"), _field("01", "12" if amount else "11"), _field("38", merchant)]
    parts.append(_field("53", "704"))
    if amount:
        parts.append(_field("54", str(int(amount))))
    parts.append(_field("58", "VN"))
    if note:
        parts.append(_field("62", _field("08", transfer_note(note))))
    body = "".join(parts) + "6304"
    return body + crc16_ccitt_false(body)


def png_bytes(data: str, *, scale: int = 6) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def svg_data_uri(data: str, *, scale: int = 5) -> str:
    return segno.make(data, error="m", micro=False).svg_data_uri(scale=scale, border=2)


def svg_bytes(data: str, *, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="svg", scale=scale, border=2)
    return buffer.getvalue()
