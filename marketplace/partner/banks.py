"""Vietnamese banks that receive transfers, with their NAPAS BIN codes (the codes VietQR uses)."""

BANKS: list[tuple[str, str]] = [
    ("970405", "Agribank — Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
    ("970436", "Vietcombank — Ngân hàng TMCP Ngoại thương Việt Nam"),
    ("970415", "VietinBank — Ngân hàng TMCP Công thương Việt Nam"),
    ("970418", "BIDV — Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
    ("970446", "Co-opBank — Ngân hàng Hợp tác xã Việt Nam"),
    ("970449", "LPBank — Ngân hàng TMCP Lộc Phát Việt Nam"),
    ("970407", "Techcombank — Ngân hàng TMCP Kỹ thương Việt Nam"),
    ("970422", "MB — Ngân hàng TMCP Quân đội"),
    ("970416", "ACB — Ngân hàng TMCP Á Châu"),
    ("970432", "VPBank — Ngân hàng TMCP Việt Nam Thịnh Vượng"),
    ("970403", "Sacombank — Ngân hàng TMCP Sài Gòn Thương Tín"),
    ("970423", "TPBank — Ngân hàng TMCP Tiên Phong"),
    ("970443", "SHB — Ngân hàng TMCP Sài Gòn – Hà Nội"),
    ("970437", "HDBank — Ngân hàng TMCP Phát triển TP. Hồ Chí Minh"),
    ("970441", "VIB — Ngân hàng TMCP Quốc tế Việt Nam"),
    ("970448", "OCB — Ngân hàng TMCP Phương Đông"),
    ("970440", "SeABank — Ngân hàng TMCP Đông Nam Á"),
    ("970426", "MSB — Ngân hàng TMCP Hàng Hải Việt Nam"),
    ("970431", "Eximbank — Ngân hàng TMCP Xuất Nhập khẩu Việt Nam"),
    ("970428", "Nam A Bank — Ngân hàng TMCP Nam Á"),
    ("970409", "Bac A Bank — Ngân hàng TMCP Bắc Á"),
    ("970454", "BVBank — Ngân hàng TMCP Bản Việt"),
]

BANK_NAMES = dict(BANKS)


def bank_name(bin_code: str) -> str:
    return BANK_NAMES.get(bin_code, "")
