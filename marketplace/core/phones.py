"""Vietnamese phone numbers: stored as +84…, shown as 0912 345 678."""

import phonenumbers


def normalise_phone(raw: str) -> str:
    """'0912 345 678' or '+84912345678' -> '+84912345678'; raises ValueError if invalid."""
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(str(exc)) from exc
    if not phonenumbers.is_valid_number(number) or number.country_code != 84:
        raise ValueError(f"Not a Vietnamese phone number: {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(stored: str) -> str:
    """'+84912345678' -> '0912 345 678', as settings.PHONENUMBER_DEFAULT_FORMAT shows it everywhere."""
    if not stored:
        return ""
    try:
        number = phonenumbers.parse(stored, "VN")
    except phonenumbers.NumberParseException:
        return stored
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
