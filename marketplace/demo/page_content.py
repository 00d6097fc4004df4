# ruff: noqa: E501 - prose; long lines read better than split sentences
"""Words for the demo pages (invented for the demo, about real kinds of Ninh Bình products)."""

from typing import NotRequired, TypedDict

from . import legal_texts


class Story(TypedDict):
    slug: str
    title: str
    en_title: NotRequired[str]  # the story translated into English (the first one)
    en_lead: NotRequired[str]
    date: tuple[int, int, int]
    lead: str
    paragraphs: list[str]
    quote: tuple[str, str]
    products: list[str]
    cooperatives: list[str]
    tags: list[str]
    group: str


STORIES: list[Story] = [
    {
        "slug": "com-chay-gia-sinh-tu-noi-com-den-san-pham-4-sao",
        "title": "Cơm cháy Gia Sinh: từ nồi cơm nhà nông đến sản phẩm OCOP 4 sao",
        "en_title": "Gia Sinh burnt-rice crackers: from a farm kitchen to an OCOP 4-star product",
        "en_lead": "Crispy cơm cháy was once a children's snack in the lowland rice fields; the Gia Sinh "
        "cooperative now packs it, holds OCOP 4 stars and ships it across Vietnam.",
        "date": (2026, 10, 20),
        "lead": "Miếng cơm cháy giòn từng là món ăn vặt của trẻ con vùng chiêm trũng; nay hợp tác xã Gia Sinh "
        "đóng gói, đạt OCOP 4 sao và gửi đi khắp cả nước.",
        "paragraphs": [
            "Mỗi sáng, các thành viên hợp tác xã nấu gạo nếp địa phương trong những chiếc nồi lớn, cán mỏng "
            "lớp cơm rồi đem phơi nắng. Chỉ những ngày nắng to, cơm mới khô đều để chiên giòn mà không bị cứng.",
            "Từ khi được chứng nhận OCOP, hợp tác xã đầu tư máy hàn túi zip và gói hút ẩm, nhờ đó cơm cháy giữ "
            "được độ giòn ba tháng. Sản phẩm chà bông là món bán chạy nhất trên Chợ HTX.",
        ],
        "quote": (
            "Mình giữ cách làm của các cụ, chỉ thay cái túi đựng cho sạch sẽ, tiện lợi hơn.",
            "Chủ nhiệm HTX Gia Sinh",
        ),
        "products": ["GS-COMCHAY-200", "GS-COMCHAY-MH-200"],
        "cooperatives": ["gia-sinh"],
        "tags": ["Cơm cháy", "OCOP 4 sao", "Ninh Bình (cũ)"],
        "group": "I",
    },
    {
        "slug": "nghe-coi-kim-son-giu-nghe-bang-thuong-mai-dien-tu",
        "title": "Nghề cói Kim Sơn giữ nghề bằng thương mại điện tử",
        "date": (2026, 10, 12),
        "lead": "Những chiếc giỏ, tấm thảm đan tay từ cói Kim Sơn tìm được khách ở xa nhờ gian hàng trực tuyến "
        "của hợp tác xã.",
        "paragraphs": [
            "Cói được trồng ở vùng đất bãi ven biển, cắt về chẻ sợi, phơi khô rồi mới đan. Một chiếc giỏ cỡ vừa "
            "mất gần một ngày công của người thợ lành nghề.",
            "Hợp tác xã chụp ảnh từng mẫu, ghi rõ kích thước và cách bảo quản; đơn hàng từ Hà Nội, Đà Nẵng, "
            "Thành phố Hồ Chí Minh về đều hơn trước.",
        ],
        "quote": (
            "Khách hỏi nhiều nhất là cói có bị mốc không, nên chúng tôi in hướng dẫn bảo quản kèm mỗi sản phẩm.",
            "Thợ đan cói Kim Sơn",
        ),
        "products": ["KS-GIOCOI-M", "KS-TUICOI-THEU"],
        "cooperatives": ["coi-kim-son"],
        "tags": ["Thủ công mỹ nghệ", "Cói", "Ninh Bình (cũ)"],
        "group": "IV",
    },
    {
        "slug": "mat-ong-hoa-rung-cuc-phuong",
        "title": "Mật ong hoa rừng Cúc Phương và những người nuôi ong ven rừng",
        "date": (2026, 9, 28),
        "lead": "Ở vùng đệm vườn quốc gia Cúc Phương, nuôi ong lấy mật là sinh kế giúp người dân giữ rừng.",
        "paragraphs": [
            "Các đàn ong được đặt ven rừng, hút mật từ hoa rừng theo mùa. Hợp tác xã thu mua mật của các hộ, "
            "kiểm tra độ ẩm rồi mới đóng chai.",
            "Ngoài mật ong, hợp tác xã còn làm trà hoa vàng, trà hoa cúc và cao đinh lăng từ cây trồng dưới tán rừng.",
        ],
        "quote": ("Rừng còn thì ong còn, ong còn thì nhà mình còn nghề.", "Một thành viên HTX Cúc Phương"),
        "products": ["CP-MATONG-500", "CP-TRAHOAVANG-50"],
        "cooperatives": ["cuc-phuong"],
        "tags": ["Mật ong", "Trà thảo mộc", "Ninh Bình (cũ)"],
        "group": "III",
    },
    {
        "slug": "banh-da-nem-kien-khe",
        "title": "Bánh đa nem Kiện Khê: mỏng, dai và không bở khi cuốn",
        "date": (2026, 9, 15),
        "lead": "Làng nghề Kiện Khê (Hà Nam cũ) tráng bánh đa nem từ gạo tẻ, phơi trên những phên nứa phủ kín "
        "các con ngõ.",
        "paragraphs": [
            "Bột gạo được xay nước, tráng thật mỏng rồi phơi nắng. Bánh đạt chuẩn phải dai, khi nhúng nước "
            "không bị nát, khi rán vàng giòn đều.",
            "Hợp tác xã gom sản phẩm của nhiều hộ trong làng, đóng gói cùng một tiêu chuẩn để bán trên Chợ HTX.",
        ],
        "quote": ("Làng nghề giữ được là nhờ có đầu ra đều đặn.", "Giám đốc HTX Kiện Khê"),
        "products": ["KK-BANHDANEM-500", "KK-BANHDANEM-1KG"],
        "cooperatives": ["kien-khe"],
        "tags": ["Bánh đa nem", "Làng nghề", "Hà Nam (cũ)"],
        "group": "I",
    },
    {
        "slug": "gao-ruong-ruoi-hai-hau-5-sao",
        "title": "Gạo ruộng rươi Hải Hậu: hạt gạo 5 sao từ cánh đồng sinh thái",
        "date": (2026, 8, 30),
        "lead": "Trên những cánh đồng không dùng thuốc trừ sâu, con rươi sinh sôi và hạt gạo tám xoan thơm dẻo.",
        "paragraphs": [
            "Ruộng rươi là hệ sinh thái nước lợ: rươi chỉ sống được ở nơi đất sạch. Người nông dân Hải Hậu vì "
            "thế canh tác theo hướng hữu cơ, bón phân chuồng ủ hoai.",
            "Gạo sinh thái ruộng rươi được chứng nhận OCOP 5 sao, là niềm tự hào của vùng Nam Định cũ.",
        ],
        "quote": ("Rươi về nhiều là biết đất còn khỏe.", "Nông dân xã Hải Hậu"),
        "products": ["HH-RUONGRUOI-5KG", "HH-TAMXOAN-5KG", "HH-CHARUOI-500"],
        "cooperatives": ["hai-hau-gao"],
        "tags": ["Gạo", "OCOP 5 sao", "Nam Định (cũ)"],
        "group": "I",
    },
    {
        "slug": "nem-chua-yen-mac",
        "title": "Nem chua Yên Mạc và bí quyết lá đinh lăng",
        "date": (2026, 8, 18),
        "lead": "Gói nem chua Yên Mạc phải có lá đinh lăng, lá chuối và đủ ba ngày để chín tới.",
        "paragraphs": [
            "Thịt lợn nạc được giã nhuyễn, trộn bì thái sợi và thính gạo, gói cùng lá đinh lăng rồi bọc lá "
            "chuối. Nem ngon có vị chua dịu, thơm mùi lá.",
            "Vì là hàng tươi, nem chỉ giao trong tỉnh hoặc nhận tại chỗ; hợp tác xã giao bằng thùng giữ lạnh.",
        ],
        "quote": ("Nem phải ăn lúc vừa chín mới ngon, nên chúng tôi chỉ giao gần.", "Chủ cơ sở nem Yên Mạc"),
        "products": ["YM-NEMCHUA-10", "YM-NEMCHUA-30"],
        "cooperatives": ["nem-yen-mac"],
        "tags": ["Nem chua", "Hàng tươi", "Ninh Bình (cũ)"],
        "group": "I",
    },
    {
        "slug": "du-lich-cong-dong-queen-tho",
        "title": "Quèn Thờ: làng quê mở cửa đón khách",
        "date": (2026, 7, 25),
        "lead": "Ngủ nhà sàn, học nấu cơm cháy và món dê núi: du lịch cộng đồng đem thêm thu nhập cho bà con.",
        "paragraphs": [
            "Hợp tác xã tổ chức tour một ngày và homestay, khách được cùng người dân làm đồng, nấu ăn.",
            "Du lịch cộng đồng là một trong sáu nhóm sản phẩm OCOP; ở Ninh Bình mới, nhiều điểm đã đạt 3 sao.",
        ],
        "quote": ("Khách về ở với bà con, ăn cơm nhà, thế là quý rồi.", "Trưởng thôn Quèn Thờ"),
        "products": ["QT-TOUR-1NGAY", "QT-LOPNAUAN"],
        "cooperatives": ["quen-tho"],
        "tags": ["Du lịch cộng đồng", "Ninh Bình (cũ)"],
        "group": "VI",
    },
]

OCOP_EXPLAINER = {
    "heading": "OCOP là gì? 3 sao, 4 sao, 5 sao nghĩa là gì?",
    "intro": "OCOP (Mỗi xã một sản phẩm) là chương trình chấm điểm và chứng nhận sản phẩm của địa phương. "
    "Sản phẩm được chấm trên thang 100 điểm; chỉ hạng 3, 4 và 5 sao được cấp giấy chứng nhận, có giá trị 36 tháng.",
    "three_stars": "50–69 điểm: sản phẩm đạt chuẩn, có thể nâng cấp. Do UBND tỉnh công nhận.",
    "four_stars": "70–89 điểm: sản phẩm đạt chuẩn, có thể phấn đấu lên 5 sao. Do UBND tỉnh công nhận.",
    "five_stars": "90–100 điểm: sản phẩm đạt chuẩn, có thể cạnh tranh quốc tế. Do Bộ Nông nghiệp và Môi trường công nhận.",
}

# Each legal page with its versions, oldest first: (effective date, body, what changed). The texts are
# in legal_texts.py; the regulations have two versions, so the demo shows a version history and asks
# accounts that accepted only the first to accept the second.
LEGAL_PAGES = [
    {
        "kind": "regulations",
        "slug": "quy-che-hoat-dong",
        "title": "Quy chế hoạt động sàn giao dịch thương mại điện tử Chợ HTX",
        "en_title": "Operating regulations",
        "versions": [
            ((2025, 11, 1), legal_texts.regulations(1), ""),
            ((2026, 7, 1), legal_texts.regulations(2), legal_texts.REGULATIONS_CHANGES),
        ],
    },
    {
        "kind": "privacy",
        "slug": "chinh-sach-bao-mat",
        "title": "Chính sách bảo mật thông tin cá nhân",
        "en_title": "Privacy policy",
        "versions": [((2026, 1, 1), legal_texts.PRIVACY, "")],
    },
    {
        "kind": "returns",
        "slug": "doi-tra-va-hoan-tien",
        "title": "Chính sách đổi trả và hoàn tiền",
        "en_title": "Returns and refunds",
        # The period is the one the return request form enforces (settings.RETURNS_PERIOD_DAYS).
        "versions": [((2025, 11, 1), legal_texts.RETURNS, "")],
    },
    {
        "kind": "shipping",
        "slug": "van-chuyen-va-giao-nhan",
        "title": "Chính sách vận chuyển và giao nhận",
        "en_title": "Shipping and delivery",
        "versions": [((2025, 11, 1), legal_texts.SHIPPING, "")],
    },
    {
        "kind": "payment",
        "slug": "phuong-thuc-thanh-toan",
        "title": "Phương thức thanh toán",
        "en_title": "Payment methods",
        "versions": [((2025, 11, 1), legal_texts.PAYMENT, "")],
    },
]

POLL = {
    "slug": "binh-chon-dinh-huong-ocop",
    "title": "Bình chọn: Chương trình OCOP nên phát triển theo hướng nào?",
    "intro": "<p>Ý kiến của bạn giúp Liên minh Hợp tác xã tỉnh định hướng hỗ trợ các hợp tác xã trong thời gian tới.</p>",
    "label": "Theo bạn, chương trình OCOP nên ưu tiên điều gì?",
    "choices": [
        "Nâng cao chất lượng, đưa sản phẩm lên 4–5 sao",
        "Mở rộng thị trường, bán hàng trên sàn thương mại điện tử",
        "Xây dựng thương hiệu và truy xuất nguồn gốc",
        "Đào tạo kỹ năng số cho thành viên hợp tác xã",
    ],
}

# The English home page reuses the Vietnamese blocks (same products and cooperatives) with these words.
HOME_EN = {
    "hero": {
        "title": "Chợ HTX – the cooperatives' marketplace",
        "text": "OCOP products and local specialities from the cooperatives of Ninh Bình, Hà Nam and Nam Định.",
        "cta_label": "Browse products",
    },
    "campaign_banner": {"text": "OCOP Tết gifts rated 4 stars and up, delivered to your door."},
    "featured_products": {"heading": "Featured products"},
    "featured_cooperatives": {"heading": "Featured cooperatives"},
    "latest_stories": {"heading": "OCOP stories"},
    "ocop_explainer": {
        "heading": "What is OCOP? What do 3, 4 and 5 stars mean?",
        "intro": "OCOP (One Commune One Product) scores local products out of 100; only 3, 4 and 5 stars are "
        "certified, for 36 months.",
        "three_stars": "50–69 points: meets the standard and can improve. Recognised by the province.",
        "four_stars": "70–89 points: meets the standard and can aim for 5 stars. Recognised by the province.",
        "five_stars": "90–100 points: competitive internationally. Recognised by the Ministry of Agriculture and "
        "Environment.",
    },
}
