"""Demo data for Chợ HTX: cooperatives and products, filed under the OCOP taxonomy (marketplace.ocop.groups).

Pure Python (no Django imports) so it can be imported from management commands,
migrations, tests or scripts alike. Nothing runs at import time; call
``validate()`` to self-check the data.

All people, phone numbers, e-mail addresses, tax codes and registration numbers
are fictional. Cooperative names are invented or generic; product traditions
(Kim Sơn sedge, Yên Mạc nem chua, Hải Hậu rice, ...) are real. OCOP stars on
these products are demo values, not real certificates.

Areas are the former provinces merged into the new Ninh Bình on 1 Jul 2025;
``commune`` is a real commune or ward of the new Ninh Bình and ``commune_code`` its
official statistics-office code (as in marketplace/geo, from the package vietnam-provinces),
chosen where the cooperative's craft village lies (e.g. the former Kiện Khê town is now part of
Phường Châu Sơn).
"""

import unicodedata
from typing import Any

from marketplace.ocop.groups import OCOP_GROUPS, group_of, iter_categories, leaf_codes

AREAS = {
    "ninh_binh": "Ninh Bình (cũ)",
    "ha_nam": "Hà Nam (cũ)",
    "nam_dinh": "Nam Định (cũ)",
}

KINDS = {
    "htx": "Hợp tác xã",
    "tht": "Tổ hợp tác",
    "hkd": "Hộ kinh doanh",
    "dn": "Doanh nghiệp",
}

# ---------------------------------------------------------------------------
# Cooperatives (all contact and registration data fictional)
# ---------------------------------------------------------------------------
COOPERATIVES: list[dict[str, Any]] = [
    # --- former Ninh Bình ---------------------------------------------------
    {
        "key": "gia-sinh",
        "name": "Hợp tác xã Dịch vụ Nông nghiệp Gia Sinh",
        "short_name": "HTX Gia Sinh",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Xã Gia Viễn",
        "commune_code": "14464",
        "street": "Thôn Tập Ninh",
        "phone": "0912000101",
        "email": "giasinh@example.vn",
        "founded": 2009,
        "members": 146,
        "story": (
            "Hợp tác xã được thành lập từ tổ dịch vụ thủy lợi của thôn, nay lo đầu vào và "
            "bao tiêu lúa cho các xã viên. Từ gạo nếp của đồng ruộng quanh thôn, hợp tác xã "
            "làm cơm cháy chà bông và cơm cháy mắm hành theo cách rang, sấy của các bà, các mẹ. "
            "Mắm tép đồng Gia Viễn được làm theo mùa tép, ủ trong chum sành."
        ),
        "tax_code": "2700999101",
        "registration_number": "DKHTX-27-0101",
    },
    {
        "key": "coi-kim-son",
        "name": "Hợp tác xã Thủ công Mỹ nghệ Cói Kim Sơn",
        "short_name": "HTX Cói Kim Sơn",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Xã Kim Sơn",
        "commune_code": "14638",
        "street": "Xóm 5, thôn Lưu Phương",
        "phone": "0352000102",
        "email": "coikimson@example.vn",
        "founded": 2004,
        "members": 212,
        "story": (
            "Cói được trồng trên bãi bồi ven biển Kim Sơn, phơi khô rồi nhuộm màu tự nhiên. "
            "Phần lớn xã viên là phụ nữ đan hàng tại nhà vào lúc nông nhàn; hợp tác xã lo mẫu mã, "
            "kiểm hàng và đóng gói. Sản phẩm gồm giỏ, thảm, hộp đựng đồ và dép đi trong nhà."
        ),
        "tax_code": "2700999102",
        "registration_number": "DKHTX-27-0102",
    },
    {
        "key": "ruou-kim-son",
        "name": "Tổ hợp tác Rượu truyền thống Kim Sơn",
        "short_name": "THT Rượu Kim Sơn",
        "kind": "tht",
        "area": "ninh_binh",
        "commune": "Xã Phát Diệm",
        "commune_code": "14620",
        "street": "Thôn Chất Thành",
        "phone": "0983000103",
        "email": "ruoukimson@example.vn",
        "founded": 2016,
        "members": 9,
        "story": (
            "Chín hộ nấu rượu lâu năm góp nhau thành tổ hợp tác để dùng chung lò chưng cất và "
            "hệ thống lọc. Rượu được nấu từ gạo nếp địa phương với men lá, hạ thổ trong chum sành "
            "trước khi đóng chai. Tổ chỉ bán cho người từ đủ 18 tuổi."
        ),
        "tax_code": "2700999103",
        "registration_number": "THT-27-0103",
    },
    {
        "key": "de-tam-diep",
        "name": "Hợp tác xã Chăn nuôi Dê núi Tam Điệp",
        "short_name": "HTX Dê núi Tam Điệp",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Phường Tam Điệp",
        "commune_code": "14362",
        "street": "Tổ dân phố 12",
        "phone": "0868000104",
        "email": "denuitamdiep@example.vn",
        "founded": 2012,
        "members": 38,
        "story": (
            "Các hộ xã viên thả dê trên sườn núi đá vôi, dê tự kiếm lá cây và được bổ sung cỏ "
            "trồng vào mùa khô. Hợp tác xã có điểm giết mổ và chế biến riêng, bán thịt tươi cho "
            "nhà hàng quanh vùng và làm dê hun khói, dê sấy để gửi đi xa."
        ),
        "tax_code": "2700999104",
        "registration_number": "DKHTX-27-0104",
    },
    {
        "key": "nem-yen-mac",
        "name": "Hộ kinh doanh Nem chua Yên Mạc Hương Quê",
        "short_name": "Nem Hương Quê",
        "kind": "hkd",
        "area": "ninh_binh",
        "commune": "Xã Yên Mạc",
        "commune_code": "14743",
        "street": "Thôn Phú Thượng",
        "phone": "0779000105",
        "email": "nemhuongque@example.vn",
        "founded": 2011,
        "members": 6,
        "story": (
            "Cơ sở gia đình ba thế hệ làm nem chua Yên Mạc, mỗi ngày gói vài trăm chiếc. "
            "Thịt lợn nạc được giã, trộn thính gạo rang và bì thái sợi, gói lá đinh lăng rồi lá chuối. "
            "Nem làm trong ngày nên chỉ giao trong tỉnh hoặc cho khách tới lấy."
        ),
        "tax_code": "2700999105",
        "registration_number": "HKD-27-0105",
    },
    {
        "key": "cuc-phuong",
        "name": "Hợp tác xã Nông lâm sản Cúc Phương",
        "short_name": "HTX Cúc Phương",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Xã Cúc Phương",
        "commune_code": "14404",
        "street": "Thôn Đồng Tâm",
        "phone": "0945000106",
        "email": "nonglamcucphuong@example.vn",
        "founded": 2014,
        "members": 57,
        "story": (
            "Hợp tác xã của các hộ vùng đệm quanh rừng Cúc Phương, nuôi ong lấy mật hoa rừng và "
            "trồng hoa vàng, hoa cúc, đinh lăng, sả dưới tán vườn. Mật ong được quay, lọc và "
            "hạ thủy phần tại xưởng chung trước khi đóng chai."
        ),
        "tax_code": "2700999106",
        "registration_number": "DKHTX-27-0106",
    },
    {
        "key": "theu-van-lam",
        "name": "Hợp tác xã Thêu ren Văn Lâm",
        "short_name": "HTX Thêu Văn Lâm",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Phường Tây Hoa Lư",
        "commune_code": "14533",
        "street": "Thôn Văn Lâm",
        "phone": "0397000107",
        "email": "theuvanlam@example.vn",
        "founded": 2002,
        "members": 84,
        "story": (
            "Nghề thêu ở Văn Lâm có từ lâu đời; ngày nay hợp tác xã nhận đơn hàng và chia việc "
            "cho thợ thêu làm tại nhà. Mỗi tấm khăn, bức tranh được thêu hoàn toàn bằng tay, "
            "nhiều mẫu lấy cảm hứng từ cảnh sông núi Tràng An."
        ),
        "tax_code": "2700999107",
        "registration_number": "DKHTX-27-0107",
    },
    {
        "key": "da-ninh-van",
        "name": "Hợp tác xã Đá mỹ nghệ Ninh Vân",
        "short_name": "HTX Đá Ninh Vân",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Phường Nam Hoa Lư",
        "commune_code": "14359",
        "street": "Thôn Xuân Vũ",
        "phone": "0967000108",
        "email": "daninhvan@example.vn",
        "founded": 2007,
        "members": 41,
        "story": (
            "Các xưởng trong hợp tác xã chế tác đá xanh thành đèn, chậu cảnh, tượng nghê và đồ "
            "gia dụng. Phần thô được cắt bằng máy, chi tiết hoa văn do thợ đục tay. "
            "Hàng nặng được đóng khung gỗ và gửi bằng xe tải hoặc nhà xe."
        ),
        "tax_code": "2700999108",
        "registration_number": "DKHTX-27-0108",
    },
    {
        "key": "quen-tho",
        "name": "Hợp tác xã Du lịch Cộng đồng Quèn Thờ",
        "short_name": "HTX Du lịch Quèn Thờ",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Phường Tây Hoa Lư",
        "commune_code": "14533",
        "street": "Thôn Quèn Thờ",
        "phone": "0836000109",
        "email": "dulichquentho@example.vn",
        "founded": 2019,
        "members": 23,
        "story": (
            "Hai mươi ba hộ trong thôn cùng làm du lịch cộng đồng: đón khách ở nhà, chèo thuyền, "
            "dẫn đường và nấu cơm quê. Khách được đạp xe qua cánh đồng dưới chân núi đá vôi và "
            "cùng người dân làm những việc nhà nông theo mùa."
        ),
        "tax_code": "2700999109",
        "registration_number": "DKHTX-27-0109",
    },
    # --- former Hà Nam ------------------------------------------------------
    {
        "key": "kien-khe",
        "name": "Hợp tác xã Bánh đa nem Kiện Khê",
        "short_name": "HTX Bánh đa Kiện Khê",
        "kind": "htx",
        "area": "ha_nam",
        "commune": "Phường Châu Sơn",
        "commune_code": "13285",
        "street": "Tổ dân phố 4",
        "phone": "0915000201",
        "email": "banhdakienkhe@example.vn",
        "founded": 2008,
        "members": 65,
        "story": (
            "Làng nghề bánh đa nem Kiện Khê tráng bánh từ gạo tẻ xay nước, phơi trên phên tre "
            "bên bờ sông Đáy. Hợp tác xã gom bánh của các hộ, kiểm tra độ mỏng, độ dẻo và đóng gói "
            "theo mẻ để truy xuất được hộ làm."
        ),
        "tax_code": "0700999201",
        "registration_number": "DKHTX-07-0201",
    },
    {
        "key": "tieu-dong",
        "name": "Hộ kinh doanh Bánh quế Tiêu Động Hoàng Lan",
        "short_name": "Bánh quế Hoàng Lan",
        "kind": "hkd",
        "area": "ha_nam",
        "commune": "Xã Bình Lục",
        "commune_code": "13504",
        "street": "Thôn Tiêu Hạ",
        "phone": "0589000202",
        "email": "banhquehoanglan@example.vn",
        "founded": 2013,
        "members": 5,
        "story": (
            "Gia đình làm bánh quế cuộn theo kiểu làng Tiêu Động: bột gạo, trứng, đường và "
            "nước cốt dừa, nướng từng chiếc trên khuôn gang rồi cuộn khi còn nóng. "
            "Bánh giòn, ít ngọt, được đóng hộp làm quà biếu dịp lễ Tết."
        ),
        "tax_code": "0700999202",
        "registration_number": "HKD-07-0202",
    },
    {
        "key": "ngoc-lu",
        "name": "Hợp tác xã Nông nghiệp Ngọc Lũ",
        "short_name": "HTX Ngọc Lũ",
        "kind": "htx",
        "area": "ha_nam",
        "commune": "Xã Bình Mỹ",
        "commune_code": "13501",
        "street": "Thôn Ngọc Lũ",
        "phone": "0976000203",
        "email": "htxngoclu@example.vn",
        "founded": 2010,
        "members": 118,
        "story": (
            "Hợp tác xã liên kết với các hộ trồng lúa thơm trên cánh đồng mẫu lớn và có xưởng "
            "nhỏ làm cơm cháy. Gạo được xay xát tại chỗ; phần gạo tấm và cơm cháy được tận dụng "
            "để làm các loại cơm cháy chà bông, cơm cháy chay."
        ),
        "tax_code": "0700999203",
        "registration_number": "DKHTX-07-0203",
    },
    {
        "key": "lua-nha-xa",
        "name": "Hợp tác xã Dệt lụa Nha Xá",
        "short_name": "HTX Lụa Nha Xá",
        "kind": "htx",
        "area": "ha_nam",
        "commune": "Phường Duy Tiên",
        "commune_code": "13324",
        "street": "Thôn Nha Xá",
        "phone": "0903000204",
        "email": "luanhaxa@example.vn",
        "founded": 2005,
        "members": 52,
        "story": (
            "Làng lụa Nha Xá nằm bên sông Hồng, dệt lụa tơ tằm trên khung dệt cơ khí nhỏ của từng hộ. "
            "Hợp tác xã mua tơ chung, giữ mẫu hoa văn truyền thống và nhận may khăn, cà vạt, "
            "áo dài từ lụa của làng."
        ),
        "tax_code": "0700999204",
        "registration_number": "DKHTX-07-0204",
    },
    {
        "key": "theu-thanh-ha",
        "name": "Hợp tác xã Thêu ren Thanh Hà",
        "short_name": "HTX Thêu Thanh Hà",
        "kind": "htx",
        "area": "ha_nam",
        "commune": "Xã Thanh Liêm",
        "commune_code": "13495",
        "street": "Thôn Thanh Hà",
        "phone": "0374000205",
        "email": "theuthanhha@example.vn",
        "founded": 2006,
        "members": 73,
        "story": (
            "Thợ thêu Thanh Hà nổi tiếng với đường ren mảnh và thêu chữ thập trên vải lanh, vải bông. "
            "Hợp tác xã giao nguyên liệu, mẫu vẽ cho thợ và hoàn thiện sản phẩm: giặt, là, "
            "đóng gói. Sản phẩm chủ yếu là đồ dùng trong nhà và tranh thêu."
        ),
        "tax_code": "0700999205",
        "registration_number": "DKHTX-07-0205",
    },
    {
        "key": "vu-dai",
        "name": "Hợp tác xã Nông nghiệp Hòa Hậu",
        "short_name": "HTX Hòa Hậu",
        "kind": "htx",
        "area": "ha_nam",
        "commune": "Xã Lý Nhân",
        "commune_code": "13573",
        "street": "Thôn Vũ Đại",
        "phone": "0824000206",
        "email": "htxhoahau@example.vn",
        "founded": 2015,
        "members": 64,
        "story": (
            "Hợp tác xã gom cá kho niêu của các hộ trong làng Vũ Đại, kho bằng củi nhãn trong "
            "niêu đất nhiều giờ liền. Xã viên còn trồng chuối ngự trên đất bãi ven sông Hồng "
            "và sấy dẻo phần chuối chín đẹp nhưng không đủ bán tươi."
        ),
        "tax_code": "0700999206",
        "registration_number": "DKHTX-07-0206",
    },
    # --- former Nam Định ----------------------------------------------------
    {
        "key": "hai-hau-gao",
        "name": "Hợp tác xã Nông nghiệp Hải Tiến",
        "short_name": "HTX Hải Tiến",
        "kind": "htx",
        "area": "nam_dinh",
        "commune": "Xã Hải Tiến",
        "commune_code": "14218",
        "street": "Xóm 8",
        "phone": "0936000301",
        "email": "htxhaitien@example.vn",
        "founded": 2003,
        "members": 268,
        "story": (
            "Hợp tác xã trồng lúa tám xoan và nếp cái hoa vàng trên vùng đất phù sa ven biển Hải Hậu. "
            "Một phần diện tích là ruộng rươi, canh tác ít phân bón hóa học để giữ rươi sinh sống. "
            "Gạo được xay xát, đóng túi hút chân không tại kho của hợp tác xã."
        ),
        "tax_code": "0600999301",
        "registration_number": "DKHTX-06-0301",
    },
    {
        "key": "que-nam",
        "name": "Công ty TNHH Thực phẩm Truyền thống Quê Nam",
        "short_name": "Quê Nam",
        "kind": "dn",
        "area": "nam_dinh",
        "commune": "Phường Nam Định",
        "commune_code": "13666",
        "street": "Số 18 phố Hàng Đồng",
        "phone": "0858000302",
        "email": "quenam@example.vn",
        "founded": 2017,
        "members": 14,
        "story": (
            "Công ty nhỏ làm và bao tiêu các món quà quê Nam Định: bánh gai, bánh nhãn, kẹo sìu châu, "
            "nem nắm. Nguyên liệu được mua từ các hợp tác xã trong vùng, sản xuất theo mẻ nhỏ "
            "mỗi ngày để bánh luôn mới."
        ),
        "tax_code": "0600999302",
        "registration_number": "0600999302",
    },
    {
        "key": "giao-thuy",
        "name": "Hợp tác xã Dịch vụ Thủy sản và Muối Giao Thủy",
        "short_name": "HTX Giao Thủy",
        "kind": "htx",
        "area": "nam_dinh",
        "commune": "Xã Giao Thuỷ",
        "commune_code": "14167",
        "street": "Xóm Tây Long",
        "phone": "0387000303",
        "email": "htxgiaothuy@example.vn",
        "founded": 2001,
        "members": 133,
        "story": (
            "Xã viên nuôi ngao trên bãi triều, làm muối phơi cát và ủ nước mắm cá cơm trong thùng gỗ. "
            "Hợp tác xã lo con giống, kiểm tra môi trường vùng nuôi và thu mua sản phẩm. "
            "Ngao tươi chỉ giao trong ngày ở khu vực gần."
        ),
        "tax_code": "0600999303",
        "registration_number": "DKHTX-06-0303",
    },
    {
        "key": "vi-khe",
        "name": "Hợp tác xã Hoa cây cảnh Vị Khê",
        "short_name": "HTX Hoa Vị Khê",
        "kind": "htx",
        "area": "nam_dinh",
        "commune": "Phường Vị Khê",
        "commune_code": "13972",
        "street": "Thôn Vị Khê",
        "phone": "0917000304",
        "email": "hoavikhe@example.vn",
        "founded": 2000,
        "members": 96,
        "story": (
            "Làng hoa cây cảnh Vị Khê có nghề trồng hoa, uốn cây thế đã nhiều đời. Các hộ trong "
            "hợp tác xã trồng lan, cúc, quất cảnh, tạo dáng cây sanh và nuôi cá cảnh. "
            "Cây và cá sống được giao bằng xe riêng trong vùng."
        ),
        "tax_code": "0600999304",
        "registration_number": "DKHTX-06-0304",
    },
    {
        "key": "sen-my-loc",
        "name": "Hợp tác xã Sen Mỹ Lộc",
        "short_name": "HTX Sen Mỹ Lộc",
        "kind": "htx",
        "area": "nam_dinh",
        "commune": "Phường Mỹ Lộc",
        "commune_code": "13735",
        "street": "Thôn Trung",
        "phone": "0702000305",
        "email": "senmyloc@example.vn",
        "founded": 2018,
        "members": 31,
        "story": (
            "Xã viên chuyển những ô ruộng trũng cấy lúa kém hiệu quả sang trồng sen. "
            "Hợp tác xã thu hoa để ướp trà, tách hạt, lấy tim sen và ngâm rượu, "
            "mùa hè còn đón khách đến chụp ảnh đầm sen."
        ),
        "tax_code": "0600999305",
        "registration_number": "DKHTX-06-0305",
    },
    {
        "key": "dong-tong-xa",
        "name": "Hợp tác xã Đúc đồng Tống Xá",
        "short_name": "HTX Đồng Tống Xá",
        "kind": "htx",
        "area": "nam_dinh",
        "commune": "Xã Ý Yên",
        "commune_code": "13795",
        "street": "Thôn Tống Xá",
        "phone": "0948000306",
        "email": "dongtongxa@example.vn",
        "founded": 1998,
        "members": 47,
        "story": (
            "Các lò đúc trong hợp tác xã làm đồ đồng thờ cúng, chuông và tượng trang trí. "
            "Khuôn đất được làm tay cho từng mẫu, đồng nấu chảy được rót khuôn rồi đánh bóng, "
            "chạm khắc hoa văn. Hợp tác xã nhận cả đơn hàng làm theo mẫu riêng."
        ),
        "tax_code": "0600999306",
        "registration_number": "DKHTX-06-0306",
    },
    {
        "key": "son-mai-cat-dang",
        "name": "Hợp tác xã Sơn mài Cát Đằng",
        "short_name": "HTX Sơn mài Cát Đằng",
        "kind": "htx",
        "area": "nam_dinh",
        "commune": "Xã Yên Đồng",
        "commune_code": "13879",
        "street": "Thôn Cát Đằng",
        "phone": "0399000307",
        "email": "sonmaicatdang@example.vn",
        "founded": 2008,
        "members": 39,
        "story": (
            "Thợ sơn mài Cát Đằng phủ nhiều lớp sơn ta lên cốt gỗ, mài và khảm vỏ trứng, vỏ trai "
            "thành tranh, hộp, khay. Mỗi sản phẩm qua hàng chục công đoạn phơi, mài trong nhiều tuần. "
            "Hợp tác xã giữ kho sơn chung và dạy nghề cho thợ trẻ."
        ),
        "tax_code": "0600999307",
        "registration_number": "DKHTX-06-0307",
    },
    {
        "key": "du-lich-hai-hau",
        "name": "Tổ hợp tác Du lịch Cộng đồng Làng quê Hải Hậu",
        "short_name": "THT Du lịch Hải Hậu",
        "kind": "tht",
        "area": "nam_dinh",
        "commune": "Xã Hải Hậu",
        "commune_code": "14215",
        "street": "Xóm 7",
        "phone": "0889000308",
        "email": "dulichhaihau@example.vn",
        "founded": 2021,
        "members": 12,
        "story": (
            "Mười hai hộ gần biển cùng mở homestay và dẫn khách trải nghiệm đời sống làng quê Hải Hậu. "
            "Khách được đạp xe ra đồng muối, thăm nhà thờ đổ Hải Lý và theo người dân vớt rươi "
            "vào mùa thu."
        ),
        "tax_code": "0600999308",
        "registration_number": "THT-06-0308",
    },
]


def _p(coop, sku, title, category, price, stock, weight_grams, ocop_stars, description, local_only=False):
    return {
        "coop": coop,
        "sku": sku,
        "title": title,
        "category": category,
        "price": price,
        "stock": stock,
        "weight_grams": weight_grams,
        "ocop_stars": ocop_stars,
        "description": description,
        "local_only": local_only,
    }


# ---------------------------------------------------------------------------
# Products. Vouchers and tours (group VI) have weight 0: nothing is shipped.
# ---------------------------------------------------------------------------
# fmt: off
PRODUCTS = [
    # --- gia-sinh ------------------------------------------------------------
    _p("gia-sinh", "GS-COMCHAY-200", "Cơm cháy chà bông Gia Sinh 200 g", "I.3b", 45000, 120, 230, 4,
       "Cơm cháy làm từ gạo nếp địa phương, cán mỏng, sấy khô rồi chiên giòn, phủ chà bông và mỡ hành. "
       "Đóng túi zip có gói hút ẩm. Bảo quản nơi khô ráo, dùng trong 3 tháng, sau khi mở túi nên ăn trong "
       "vài ngày."),
    _p("gia-sinh", "GS-COMCHAY-MH-200", "Cơm cháy mắm hành Gia Sinh 200 g", "I.3b", 42000, 95, 230, 3,
       "Cơm cháy giòn rưới nước mắm hành phi đun sánh, vị mặn ngọt vừa phải. "
       "Cơm được nấu bằng nồi lớn, cán đều tay rồi phơi nắng trước khi chiên. Giữ nơi khô mát, đóng kín túi "
       "sau khi dùng."),
    _p("gia-sinh", "GS-COMCHAY-TO-150", "Cơm cháy tỏi ớt Gia Sinh 150 g", "I.3b", 38000, 60, 180, None,
       "Cơm cháy vị cay nhẹ với tỏi phi và ớt sấy, hợp làm món ăn vặt. "
       "Không dùng chất bảo quản; dùng trong 3 tháng kể từ ngày sản xuất."),
    _p("gia-sinh", "GS-MAMTEP-500", "Mắm tép Gia Viễn hũ 500 g", "I.4a", 65000, 80, 650, 3,
       "Mắm làm từ tép đồng tươi trộn muối và thính gạo rang, ủ chum sành vài tháng cho chín đều. "
       "Dùng chưng thịt, kho hoặc làm nước chấm. Sau khi mở nắp bảo quản trong ngăn mát tủ lạnh."),
    _p("gia-sinh", "GS-GAONEP-2KG", "Gạo nếp cái hoa vàng Gia Sinh 2 kg", "I.2a", 90000, 40, 2050, 3,
       "Nếp cái hoa vàng hạt tròn, dẻo thơm, trồng một vụ mỗi năm trên đồng chiêm. "
       "Thích hợp đồ xôi, gói bánh chưng, làm rượu nếp. Bảo quản nơi khô thoáng, tránh ẩm mốc."),
    # --- coi-kim-son ---------------------------------------------------------
    _p("coi-kim-son", "KS-GIOCOI-M", "Giỏ cói quai tròn Kim Sơn cỡ vừa", "IV.1", 180000, 45, 450, 3,
       "Giỏ đan tay từ sợi cói phơi khô, quai tròn bọc cói, đường kính đáy khoảng 28 cm. "
       "Dùng đựng đồ đi chợ, đồ đi biển hoặc trang trí. Tránh để nơi ẩm ướt lâu ngày; lau bằng khăn khô."),
    _p("coi-kim-son", "KS-THAMCOI-6090", "Thảm cói trải sàn Kim Sơn 60 × 90 cm",
       "IV.1", 320000, 18, 1500, None,
       "Thảm dệt dày từ cói se sợi, viền may chắc, mặt thảm mát vào mùa hè. "
       "Dùng trải phòng khách, hiên nhà. Định kỳ phơi nắng nhẹ để thảm luôn khô và thơm mùi cói."),
    _p("coi-kim-son", "KS-HOPCOI-BO3", "Bộ 3 hộp cói đựng đồ có nắp", "IV.1", 260000, 30, 900, 3,
       "Ba hộp lồng vào nhau, khung bìa cứng bọc cói đan, có nắp đậy. "
       "Dùng đựng quần áo, đồ chơi, giấy tờ. Tránh nước; nếu bị ẩm hãy phơi nơi thoáng gió."),
    _p("coi-kim-son", "KS-TUICOI-THEU", "Túi xách cói thêu hoa Kim Sơn", "IV.1", 240000, 3, 400, 4,
       "Túi cói đan dày, có lót vải bên trong và thêu tay hoa cúc trên mặt túi. "
       "Mỗi chiếc thêu một kiểu nên hoa văn có thể hơi khác ảnh. Bảo quản nơi khô, nhồi giấy để giữ dáng."),
    _p("coi-kim-son", "KS-DEPCOI-DOI", "Dép cói đi trong nhà (đôi)", "IV.1", 65000, 150, 250, None,
       "Dép đế cói tết nhiều lớp, quai vải mềm, thoáng chân. "
       "Có các cỡ từ 36 đến 43, ghi chú cỡ khi đặt hàng. Phù hợp dùng trong nhà, khách sạn, homestay."),
    # --- ruou-kim-son --------------------------------------------------------
    _p("ruou-kim-son", "RK-RUOUKS-500", "Rượu Kim Sơn chai 500 ml", "II.1a", 85000, 100, 900, 3,
       "Rượu trắng nấu từ gạo nếp với men lá, chưng cất hai lần, nồng độ khoảng 40 độ. "
       "Hạ thổ trong chum sành trước khi đóng chai. Sản phẩm có cồn, chỉ bán cho người từ đủ 18 tuổi."),
    _p("ruou-kim-son", "RK-RUOUKS-1000", "Rượu Kim Sơn chai 1 lít", "II.1a", 150000, 70, 1600, 3,
       "Rượu gạo nếp truyền thống Kim Sơn, vị êm, thơm mùi men lá. "
       "Để nơi thoáng mát, tránh ánh nắng. Không dùng cho người dưới 18 tuổi và người lái xe."),
    _p("ruou-kim-son", "RK-RUOUNEP-BINH2L", "Rượu nếp cái hoa vàng bình gốm 2 lít",
       "II.1a", 420000, 12, 3500, None,
       "Rượu nấu từ nếp cái hoa vàng, đựng trong bình gốm có vòi, hợp làm quà biếu. "
       "Bình được chèn xốp và đóng thùng carton khi gửi. Chỉ bán cho người từ đủ 18 tuổi."),
    _p("ruou-kim-son", "RK-RUOUMO-500", "Rượu mơ ngâm Kim Sơn 500 ml", "II.1b", 120000, 14, 950, None,
       "Quả mơ chín ngâm với rượu gạo và đường phèn trong ít nhất sáu tháng, vị chua ngọt dịu. "
       "Uống lạnh một lượng nhỏ sau bữa ăn. Sản phẩm có cồn, không bán cho người dưới 18 tuổi."),
    # --- de-tam-diep ---------------------------------------------------------
    _p("de-tam-diep", "DN-THITDE-1KG", "Thịt dê núi tươi 1 kg", "I.1b", 320000, 25, 1050, None,
       "Thịt dê núi nuôi thả, pha lóc trong ngày, gồm thịt đùi và thịt vai có da. "
       "Giao trong ngày bằng thùng giữ lạnh. Bảo quản 0–4 °C và dùng trong 2 ngày, hoặc cấp đông.",
       local_only=True),
    _p("de-tam-diep", "DN-DEHUNKHOI-500", "Thịt dê hun khói Tam Điệp 500 g", "I.3d", 290000, 30, 600, 3,
       "Thịt dê ướp sả, gừng, mắc khén rồi hun khói củi nhãn nhiều giờ, hút chân không. "
       "Bảo quản ngăn mát 0–4 °C trong 15 ngày; thái mỏng ăn kèm lá sung hoặc áp chảo lại.",
       local_only=True),
    _p("de-tam-diep", "DN-CHADE-500", "Chả dê núi 500 g", "I.3d", 180000, 0, 550, None,
       "Chả làm từ thịt dê xay trộn mỡ lợn, thì là và gia vị, nặn miếng sẵn. "
       "Chiên hoặc nướng đến khi vàng đều. Giữ ngăn đá, dùng trong 1 tháng.",
       local_only=True),
    _p("de-tam-diep", "DN-DESAY-300", "Dê núi sấy sả ớt 300 g", "I.3d", 260000, 40, 350, 4,
       "Thịt dê thăn ướp sả, ớt, tỏi rồi sấy khô, xé sợi, đóng túi hút chân không. "
       "Ăn trực tiếp hoặc làm mồi nhắm. Bảo quản nơi khô mát, dùng trong 6 tháng."),
    # --- nem-yen-mac ---------------------------------------------------------
    _p("nem-yen-mac", "YM-NEMCHUA-10", "Nem chua Yên Mạc gói 10 chiếc", "I.3d", 60000, 200, 500, 3,
       "Nem làm từ thịt lợn nạc giã, bì thái sợi và thính gạo, gói lá đinh lăng và lá chuối. "
       "Nem chín sau khoảng 3 ngày ở nhiệt độ phòng; để ngăn mát khi đã chín và dùng trong 7 ngày.",
       local_only=True),
    _p("nem-yen-mac", "YM-NEMCHUA-30", "Nem chua Yên Mạc hộp quà 30 chiếc", "I.3d", 170000, 50, 1500, 3,
       "Ba mươi chiếc nem chua xếp trong hộp giấy có quai, kèm tương ớt. "
       "Giao trong tỉnh trong ngày. Giữ ngăn mát sau khi nem chín, ăn kèm lá sung và tỏi.",
       local_only=True),
    _p("nem-yen-mac", "YM-NEMTHINH-500", "Nem thính Yên Mạc 500 g", "I.3d", 110000, 2, 550, None,
       "Thịt lợn luộc thái sợi trộn bì và thính gạo rang thơm, gói lá chuối. "
       "Ăn cuốn với lá sung, lá đinh lăng và chấm tương. Bảo quản ngăn mát, dùng trong 3 ngày.",
       local_only=True),
    _p("nem-yen-mac", "YM-GIOLUA-1KG", "Giò lụa Yên Mạc 1 kg", "I.3d", 220000, 20, 1050, None,
       "Giò lụa giã từ thịt nạc vai lợn tươi với nước mắm, gói lá chuối và luộc chín. "
       "Bảo quản ngăn mát 5 ngày hoặc ngăn đá 1 tháng.",
       local_only=True),
    # --- cuc-phuong ----------------------------------------------------------
    _p("cuc-phuong", "CP-MATONG-500", "Mật ong hoa rừng Cúc Phương 500 ml", "I.2b", 250000, 60, 800, 4,
       "Mật ong nuôi ở vùng đệm rừng Cúc Phương, ong lấy mật từ nhiều loài hoa rừng. "
       "Mật được quay, lọc và hạ thủy phần trước khi đóng chai thủy tinh. Để nơi thoáng mát, không cần để "
       "tủ lạnh."),
    _p("cuc-phuong", "CP-MATONG-1000", "Mật ong hoa rừng Cúc Phương 1 lít", "I.2b", 460000, 25, 1550, 4,
       "Chai lớn cho gia đình dùng hằng ngày: pha nước ấm, chanh, gừng hoặc làm gia vị. "
       "Mật có thể kết tinh khi trời lạnh, đó là hiện tượng tự nhiên; ngâm chai trong nước ấm để mật lỏng "
       "lại."),
    _p("cuc-phuong", "CP-TRAHOAVANG-50", "Trà hoa vàng sấy lạnh 50 g", "I.5b", 380000, 10, 150, 3,
       "Bông trà hoa vàng hái khi vừa nở, sấy lạnh để giữ màu vàng và hương nhẹ. "
       "Hãm 3–5 bông với nước khoảng 90 °C trong vài phút. Bảo quản trong hộp kín, tránh ánh sáng."),
    _p("cuc-phuong", "CP-TRAHOACUC-50", "Trà hoa cúc vàng sấy khô 50 g", "I.5b", 95000, 70, 120, 3,
       "Hoa cúc vàng trồng dưới tán vườn, hái buổi sáng và sấy khô ở nhiệt độ thấp. "
       "Pha với nước sôi để nguội bớt, có thể thêm mật ong. Đậy kín sau khi dùng."),
    _p("cuc-phuong", "CP-CAODINHLANG-100", "Cao đinh lăng Cúc Phương lọ 100 g", "III.1", 320000, 22, 250, 3,
       "Cao đặc chiết từ rễ và thân đinh lăng trồng trên 3 năm, cô đặc bằng nồi hơi cách thủy. "
       "Pha một thìa nhỏ với nước ấm. Sản phẩm không phải là thuốc, không thay thế thuốc chữa bệnh."),
    _p("cuc-phuong", "CP-SONMOI-5", "Son dưỡng môi sáp ong và dầu dừa 5 g", "III.2", 65000, 80, 30, None,
       "Son dưỡng làm từ sáp ong của hợp tác xã, dầu dừa và một ít tinh dầu cam. "
       "Không màu, dùng hằng ngày để giữ ẩm cho môi. Để nơi mát, tránh nắng trực tiếp."),
    _p("cuc-phuong", "CP-TINHDAUSA-50", "Tinh dầu sả chanh Cúc Phương 50 ml", "III.3", 120000, 45, 150, None,
       "Tinh dầu chưng cất hơi nước từ lá sả chanh trồng tại vườn xã viên. "
       "Nhỏ vài giọt vào máy khuếch tán hoặc pha loãng lau nhà. Không uống, để xa tầm tay trẻ em."),
    # --- theu-van-lam --------------------------------------------------------
    _p("theu-van-lam", "VL-KHANBAN-120160", "Khăn trải bàn thêu tay Văn Lâm 120 × 160 cm",
       "IV.1", 650000, 8, 500, 3,
       "Khăn vải lanh thêu tay hoa văn viền và góc, mỗi chiếc mất khoảng hai tuần thêu. "
       "Giặt tay bằng nước lạnh, không dùng thuốc tẩy, là ở mặt trái."),
    _p("theu-van-lam", "VL-TRANHTHEU-SEN", "Tranh thêu tay hoa sen 40 × 60 cm", "IV.1", 1350000, 3, 1200, 4,
       "Tranh thêu chỉ tơ trên nền lụa, đóng khung gỗ có kính. "
       "Treo nơi khô ráo, tránh nắng chiếu trực tiếp để màu chỉ bền lâu."),
    _p("theu-van-lam", "VL-AOTHEU-NU", "Áo sơ mi nữ thêu tay cổ tròn", "IV.2", 450000, 20, 250, None,
       "Áo vải bông mềm, thêu tay họa tiết hoa nhỏ ở cổ và tay áo. "
       "Có cỡ S, M, L. Giặt tay hoặc túi giặt, phơi trong bóng râm."),
    _p("theu-van-lam", "VL-TUITHEU-TRANGAN", "Túi vải thêu hoa văn Tràng An", "IV.2", 180000, 35, 200, None,
       "Túi vải bố có lót, thêu hình thuyền và núi đá Tràng An. "
       "Dùng đựng sách, đồ cá nhân. Giặt tay nhẹ nhàng."),
    # --- da-ninh-van ---------------------------------------------------------
    _p("da-ninh-van", "NV-DENDA-40", "Đèn đá sân vườn cao 40 cm", "IV.1", 1200000, 6, 18000, None,
       "Đèn đá xanh nguyên khối kiểu Nhật, đục tay phần mái và ô đèn. "
       "Đặt ngoài trời được; rêu bám tự nhiên theo thời gian. Hàng nặng, giao bằng xe tải hoặc nhà xe."),
    _p("da-ninh-van", "NV-CHAUDA-30", "Chậu đá xanh trồng cây Ø 30 cm", "IV.1", 850000, 10, 15000, 3,
       "Chậu đục từ đá xanh, có lỗ thoát nước ở đáy. "
       "Hợp trồng bonsai, sen đá hoặc cây thủy sinh. Hàng nặng, cần hai người khi di chuyển."),
    _p("da-ninh-van", "NV-TUONGNGHE-15", "Tượng nghê đá xanh để bàn 15 cm", "IV.1", 480000, 14, 2500, None,
       "Tượng nghê nhỏ chạm tay theo dáng nghê cổ, mặt đá được mài nhẵn. "
       "Dùng trang trí bàn làm việc, kệ sách. Lau bằng khăn ẩm."),
    _p("da-ninh-van", "NV-COICHAY-DA", "Bộ cối chày đá giã gia vị", "IV.1", 350000, 25, 4000, 3,
       "Cối đá đường kính khoảng 16 cm kèm chày đá, lòng cối được mài nhám vừa phải. "
       "Dùng giã tỏi, ớt, sả. Rửa bằng nước và phơi khô, không ngâm lâu trong nước."),
    # --- quen-tho ------------------------------------------------------------
    _p("quen-tho", "QT-TOUR-1NGAY", "Tour 1 ngày làng quê Quèn Thờ (1 người)", "VI", 450000, 50, 0, 4,
       "Đạp xe qua cánh đồng dưới chân núi, chèo thuyền trên sông và ăn trưa cơm quê tại nhà dân. "
       "Giá gồm xe đạp, thuyền, bữa trưa và người dẫn đường. Đặt trước ít nhất 2 ngày; voucher dùng trong 6 "
       "tháng."),
    _p("quen-tho", "QT-HOMESTAY-1DEM", "Voucher homestay Quèn Thờ 1 đêm cho 2 người", "VI", 700000, 20, 0, 3,
       "Một đêm nghỉ tại nhà dân có phòng riêng, gồm bữa tối và bữa sáng cho 2 người. "
       "Gọi điện hẹn ngày trước khi đến; voucher dùng trong 12 tháng, trừ dịp Tết."),
    _p("quen-tho", "QT-LOPNAUAN", "Lớp nấu cơm cháy và món dê núi (1 người)", "VI", 350000, 30, 0, None,
       "Buổi học nấu ăn ba giờ cùng người dân: làm cơm cháy, dê tái chanh và nộm rau rừng, rồi cùng ăn. "
       "Nhóm từ 2 người trở lên; đặt trước ít nhất 1 ngày."),
    # --- kien-khe -------------------------------------------------------------
    _p("kien-khe", "KK-BANHDANEM-500", "Bánh đa nem Kiện Khê 500 g", "I.3b", 45000, 150, 550, 3,
       "Bánh đa nem tráng mỏng từ bột gạo tẻ, phơi nắng trên phên tre, dẻo và không bị rách khi cuốn. "
       "Dùng cuốn nem rán hoặc nem cuốn. Bảo quản nơi khô, dùng trong 6 tháng."),
    _p("kien-khe", "KK-BANHDANEM-1KG", "Bánh đa nem Kiện Khê 1 kg", "I.3b", 85000, 90, 1050, 3,
       "Gói lớn cho bếp ăn và nhà hàng, bánh đường kính khoảng 22 cm. "
       "Khi cuốn chỉ cần phết nhẹ nước cho bánh mềm. Đóng kín túi sau khi mở."),
    _p("kien-khe", "KK-BANHDAVUNG-10", "Bánh đa vừng nướng sẵn gói 10 chiếc", "I.3b", 40000, 70, 400, 3,
       "Bánh đa gạo rắc vừng đen, nướng than hoa sẵn, ăn giòn ngay. "
       "Ăn kèm mít, nộm hoặc bẻ vào bát canh. Giữ trong túi kín cho bánh khỏi mềm."),
    _p("kien-khe", "KK-BANHPHOKHO-500", "Bánh phở khô Kiện Khê 500 g", "I.3b", 38000, 40, 550, None,
       "Bánh phở làm từ gạo tẻ, tráng, thái sợi rồi phơi khô, không dùng hàn the. "
       "Ngâm nước ấm 5 phút rồi trụng nhanh. Bảo quản nơi khô ráo."),
    # --- tieu-dong ------------------------------------------------------------
    _p("tieu-dong", "TD-BANHQUE-250", "Bánh quế cuộn Tiêu Động 250 g", "I.3b", 55000, 110, 300, 3,
       "Bánh làm từ bột gạo, trứng và đường, nướng từng chiếc trên khuôn gang rồi cuộn khi còn nóng. "
       "Giòn, ít ngọt; đóng hộp nhựa kín. Dùng trong 2 tháng, đậy kín sau khi mở."),
    _p("tieu-dong", "TD-BANHQUE-DUA-250", "Bánh quế cuộn vị dừa Tiêu Động 250 g", "I.3b", 60000, 80, 300, 3,
       "Bột bánh pha nước cốt dừa tươi và dừa nạo sấy, thơm béo. "
       "Bảo quản nơi khô mát, tránh ẩm để bánh giữ độ giòn."),
    _p("tieu-dong", "TD-BANHQUE-LADUA-250", "Bánh quế cuộn lá dứa 250 g", "I.3b", 60000, 0, 300, None,
       "Bánh quế màu xanh tự nhiên từ nước lá dứa, hương thơm nhẹ. "
       "Làm theo mẻ nhỏ nên thường hết hàng; dùng trong 2 tháng."),
    _p("tieu-dong", "TD-HOPQUA-3VI", "Hộp quà bánh quế Tiêu Động 3 vị 750 g", "I.3b", 180000, 25, 1000, 3,
       "Hộp giấy cứng gồm ba hộp bánh quế: truyền thống, dừa và lá dứa. "
       "Hợp làm quà biếu dịp lễ Tết. Bảo quản nơi khô mát."),
    # --- ngoc-lu --------------------------------------------------------------
    _p("ngoc-lu", "NL-COMCHAY-200", "Cơm cháy Ngọc Lũ chà bông 200 g", "I.3b", 45000, 130, 230, 4,
       "Cơm cháy từ gạo thơm của hợp tác xã, sấy khô rồi chiên giòn, phủ chà bông heo và hành phi. "
       "Túi có gói hút ẩm; dùng trong 3 tháng."),
    _p("ngoc-lu", "NL-COMCHAY-RONG-150", "Cơm cháy chay rong biển 150 g", "I.3b", 40000, 60, 180, None,
       "Cơm cháy giòn rắc rong biển và vừng, không dùng thịt, hợp người ăn chay. "
       "Bảo quản nơi khô ráo, đóng kín túi sau khi mở."),
    _p("ngoc-lu", "NL-GAOBINHMY-5KG", "Gạo thơm Bình Mỹ 5 kg", "I.2a", 125000, 80, 5050, 3,
       "Gạo thơm trồng trên cánh đồng mẫu lớn, xay xát mới, hạt dài, cơm mềm. "
       "Đóng túi hút chân không 5 kg. Để nơi khô thoáng, tránh côn trùng."),
    _p("ngoc-lu", "NL-GAOLUT-2KG", "Gạo lứt đỏ Bình Mỹ 2 kg", "I.2a", 80000, 35, 2050, None,
       "Gạo lứt chỉ bóc vỏ trấu, giữ lớp cám đỏ. "
       "Ngâm 2–3 giờ trước khi nấu; hợp nấu cơm, cháo, rang làm trà gạo lứt."),
    # --- lua-nha-xa -----------------------------------------------------------
    _p("lua-nha-xa", "NX-KHANLUA-9090", "Khăn lụa tơ tằm Nha Xá 90 × 90 cm", "IV.2", 320000, 40, 80, 4,
       "Khăn vuông dệt từ tơ tằm, in hoa văn truyền thống, viền se tay. "
       "Giặt tay bằng nước lạnh với dầu gội, không vắt xoắn, là ở nhiệt độ thấp."),
    _p("lua-nha-xa", "NX-LUAMET-90", "Lụa tơ tằm Nha Xá khổ 90 cm (1 mét)", "IV.2", 250000, 200, 100, 3,
       "Lụa tơ tằm dệt trơn trên khung dệt của làng, mặt lụa mềm, bóng nhẹ. "
       "Bán theo mét, đặt số lượng bằng số mét cần may. Giặt tay, phơi trong bóng râm."),
    _p("lua-nha-xa", "NX-CAVAT", "Cà vạt lụa tơ tằm dệt hoa văn", "IV.2", 220000, 30, 60, None,
       "Cà vạt may từ lụa dệt hoa văn chìm, lót vải mềm, đóng hộp giấy. "
       "Treo khi không dùng để tránh nhăn; giặt khô."),
    _p("lua-nha-xa", "NX-KHANCHOANG-50180", "Khăn lụa choàng dài 50 × 180 cm", "IV.2", 380000, 18, 110, 3,
       "Khăn choàng lụa tơ tằm nhuộm màu từ vỏ cây và lá, mỗi mẻ có sắc độ hơi khác nhau. "
       "Giặt tay nhẹ, không dùng thuốc tẩy."),
    # --- theu-thanh-ha --------------------------------------------------------
    _p("theu-thanh-ha", "TH-VOGOI-4545", "Vỏ gối thêu ren Thanh Hà 45 × 45 cm (đôi)",
       "IV.2", 280000, 25, 300, 3,
       "Đôi vỏ gối vải bông thêu hoa và viền ren móc tay, có khóa kéo ẩn. "
       "Giặt máy chế độ nhẹ trong túi giặt, là ở mặt trái."),
    _p("theu-thanh-ha", "TH-KHANAN-BO6", "Bộ 6 khăn ăn thêu chữ thập", "IV.2", 210000, 40, 250, None,
       "Sáu khăn ăn vải lanh 40 × 40 cm, thêu chữ thập họa tiết lúa và chim. "
       "Dùng cho bàn ăn gia đình hoặc làm quà. Giặt bằng nước lạnh."),
    _p("theu-thanh-ha", "TH-TRANHTHEU-LANGQUE", "Tranh thêu phong cảnh làng quê 30 × 45 cm",
       "IV.1", 950000, 5, 900, 3,
       "Tranh thêu tay cảnh cổng làng, cây đa và đồng lúa, đóng khung gỗ. "
       "Treo nơi khô ráo, tránh ánh nắng trực tiếp."),
    _p("theu-thanh-ha", "TH-REM-120150", "Rèm cửa sổ viền ren thêu tay 1,2 × 1,5 m",
       "IV.2", 590000, 10, 700, None,
       "Rèm vải voan thêu hoa dây, viền ren móc tay ở mép dưới. "
       "Có thể đặt may theo kích thước riêng. Giặt tay, không vắt mạnh."),
    # --- vu-dai ---------------------------------------------------------------
    _p("vu-dai", "VD-CAKHO-NIEU", "Cá trắm kho niêu đất Vũ Đại (niêu 1,2 kg)", "I.3d", 450000, 30, 3000, 3,
       "Cá trắm đen kho trong niêu đất với riềng, gừng, nước mắm, kho bằng củi nhãn khoảng 14 giờ đến khi "
       "xương mềm. "
       "Niêu được bọc kín và chèn chắc khi gửi. Bảo quản ngăn mát, dùng trong 1 tháng; hâm nóng trước khi "
       "ăn."),
    _p("vu-dai", "VD-CAKHO-500", "Cá kho Vũ Đại hút chân không 500 g", "I.3d", 220000, 45, 600, 3,
       "Khúc cá trắm kho niêu được chia nhỏ và hút chân không, tiện gửi đi xa. "
       "Bảo quản ngăn mát; hấp hoặc đun lại trong nồi trước khi ăn."),
    _p("vu-dai", "VD-CHUOINGU-NAI", "Chuối ngự Đại Hoàng (nải khoảng 1 kg)", "I.1a", 70000, 60, 1100, 3,
       "Chuối ngự quả nhỏ, vỏ mỏng, chín vàng tự nhiên, trồng trên đất bãi ven sông Hồng. "
       "Chuối chín nhanh nên chỉ giao trong tỉnh; để nơi thoáng, không để tủ lạnh.",
       local_only=True),
    _p("vu-dai", "VD-CHUOISAY-200", "Chuối ngự sấy dẻo 200 g", "I.3c", 65000, 50, 230, None,
       "Chuối ngự chín được bóc vỏ và sấy ở nhiệt độ thấp, không thêm đường. "
       "Dẻo, ngọt tự nhiên; bảo quản nơi khô mát, dùng trong 4 tháng."),
    # --- hai-hau-gao ------------------------------------------------------------
    _p("hai-hau-gao", "HH-TAMXOAN-5KG", "Gạo tám xoan Hải Hậu 5 kg", "I.2a", 150000, 100, 5050, 4,
       "Gạo tám xoan hạt nhỏ, dài, cơm dẻo và thơm, trồng trên đất phù sa ven biển. "
       "Đóng túi hút chân không. Vo nhẹ, nấu ít nước hơn gạo thường."),
    _p("hai-hau-gao", "HH-RUONGRUOI-5KG", "Gạo sinh thái ruộng rươi Hải Hậu 5 kg",
       "I.2a", 185000, 60, 5050, 5,
       "Lúa trồng trên ruộng rươi, hạn chế phân bón hóa học và thuốc bảo vệ thực vật để rươi sinh sống. "
       "Gạo xay xát theo đơn, hút chân không 5 kg. Để nơi khô thoáng."),
    _p("hai-hau-gao", "HH-NEPCAI-2KG", "Gạo nếp cái hoa vàng Hải Hậu 2 kg", "I.2a", 95000, 40, 2050, 3,
       "Nếp hạt tròn, dẻo, thơm, thu hoạch vụ mùa. "
       "Dùng đồ xôi, gói bánh chưng, làm bánh. Bảo quản nơi khô ráo."),
    _p("hai-hau-gao", "HH-CHARUOI-500", "Chả rươi Hải Hậu 500 g (10 miếng)", "I.3d", 280000, 3, 600, None,
       "Rươi tươi đánh cùng trứng, thịt lợn xay, vỏ quýt và thì là, rán sơ rồi cấp đông. "
       "Chỉ có vào mùa rươi. Giữ ngăn đá, rán lại trước khi ăn.",
       local_only=True),
    # --- que-nam --------------------------------------------------------------
    _p("que-nam", "QN-BANHGAI-10", "Bánh gai nhân đậu xanh dừa hộp 10 chiếc", "I.3b", 90000, 60, 700, 3,
       "Vỏ bánh từ bột nếp và lá gai, nhân đậu xanh, dừa, mỡ và vừng, gói lá chuối khô rồi hấp chín. "
       "Dùng trong 5 ngày ở nhiệt độ phòng; hấp lại nếu bánh cứng."),
    _p("que-nam", "QN-BANHNHAN-300", "Bánh nhãn Hải Hậu 300 g", "I.3b", 50000, 80, 330, 3,
       "Bánh nhãn viên tròn nhỏ như quả nhãn, làm từ bột gạo nếp và trứng, chiên giòn và phủ đường. "
       "Bảo quản trong hộp kín, dùng trong 2 tháng."),
    _p("que-nam", "QN-KEOSIUCHAU-250", "Kẹo sìu châu Nam Định 250 g", "I.3c", 55000, 70, 280, None,
       "Kẹo dẻo làm từ mạch nha, lạc rang và vừng, thơm vị gừng. "
       "Giữ nơi khô mát, tránh nóng để kẹo không chảy."),
    _p("que-nam", "QN-NEMNAM-10", "Nem nắm Giao Thủy gói 10 chiếc", "I.3d", 80000, 35, 450, 3,
       "Nem làm từ thịt lợn thái sợi, bì và thính, nắm chặt gói lá chuối. "
       "Ăn cuốn bánh đa nem với lá sung, chuối xanh. Bảo quản ngăn mát, dùng trong 5 ngày.",
       local_only=True),
    # --- giao-thuy ------------------------------------------------------------
    _p("giao-thuy", "GT-NGAO-2KG", "Ngao trắng Giao Thủy tươi 2 kg", "I.1b", 90000, 40, 2100, None,
       "Ngao nuôi trên bãi triều, thu hoạch trong ngày và được làm sạch cát. "
       "Giao bằng thùng giữ lạnh; dùng trong 24 giờ, hấp sả hoặc nấu canh.",
       local_only=True),
    _p("giao-thuy", "GT-MUOIBIEN-1KG", "Muối biển phơi cát Bạch Long 1 kg", "I.4b", 35000, 250, 1050, 3,
       "Muối làm theo cách phơi cát truyền thống, hạt to, vị mặn đậm và hậu ngọt. "
       "Dùng muối dưa, ướp cá, nấu ăn hằng ngày. Đựng trong lọ kín, tránh ẩm."),
    _p("giao-thuy", "GT-MUOIVUNG-200", "Muối vừng lạc rang 200 g", "I.4b", 35000, 90, 230, None,
       "Muối biển rang cùng vừng đen và lạc giã dập, thơm bùi. "
       "Ăn kèm cơm nắm, xôi. Bảo quản hũ kín, dùng trong 2 tháng."),
    _p("giao-thuy", "GT-NUOCMAM-500", "Nước mắm cốt cá cơm Giao Thủy 500 ml", "I.4a", 95000, 75, 850, 4,
       "Nước mắm nhĩ từ cá cơm và muối biển, ủ chượp trong thùng gỗ khoảng 12 tháng. "
       "Dùng chấm trực tiếp hoặc nêm món. Đậy kín nắp, để nơi thoáng mát."),
    _p("giao-thuy", "GT-NUOCMAM-1L", "Nước mắm cá cơm Giao Thủy 1 lít", "I.4a", 140000, 55, 1500, 3,
       "Nước mắm cá cơm pha từ mắm cốt và nước mắm nhạt hơn, hợp nấu ăn hằng ngày. "
       "Hiện tượng kết tinh muối ở đáy chai là bình thường."),
    # --- vi-khe ---------------------------------------------------------------
    _p("vi-khe", "VK-LANHODIEP-5", "Chậu lan hồ điệp 5 cành", "V.1", 1200000, 12, 4000, 3,
       "Năm cành lan hồ điệp ghép chậu sứ, hoa bền từ 1 đến 2 tháng. "
       "Tưới ít, khoảng 1 lần mỗi tuần; đặt nơi sáng, tránh nắng gắt. Chỉ giao trong vùng bằng xe riêng.",
       local_only=True),
    _p("vi-khe", "VK-CUCMAM-CHAU", "Chậu cúc mâm xôi vàng", "V.1", 280000, 30, 5000, None,
       "Chậu cúc mâm xôi tròn đều, nở hoa vàng dày, hợp bày hiên nhà dịp Tết. "
       "Đặt nơi có nắng nhẹ, tưới đều mỗi ngày.",
       local_only=True),
    _p("vi-khe", "VK-SANH-BONSAI-50", "Cây sanh bonsai dáng trực cao 50 cm", "V.2", 1500000, 2, 8000, 4,
       "Cây sanh được uốn tạo dáng trực nhiều năm, trồng trong chậu gốm men. "
       "Đặt nơi có nắng, tưới khi mặt đất khô; cắt tỉa định kỳ để giữ dáng.",
       local_only=True),
    _p("vi-khe", "VK-QUAT-CHAU-80", "Cây quất cảnh chậu cao 80 cm", "V.2", 650000, 15, 12000, None,
       "Quất cảnh nhiều quả, lá xanh, trồng chậu sẵn để chơi Tết. "
       "Đặt nơi thoáng, tưới vừa đủ, tránh để gió lùa làm rụng quả.",
       local_only=True),
    _p("vi-khe", "VK-KOI-CAP", "Cá chép Koi giống 15–20 cm (cặp)", "V.3", 350000, 20, 3000, None,
       "Cặp cá Koi nuôi tại ao đất của xã viên, màu sắc theo từng con. "
       "Giao trong túi bơm oxy; thả cá sau khi cân bằng nhiệt độ nước khoảng 15 phút.",
       local_only=True),
    # --- sen-my-loc -----------------------------------------------------------
    _p("sen-my-loc", "SL-TRASEN-100", "Trà sen ướp hoa sen 100 g", "I.5a", 260000, 25, 200, 4,
       "Chè búp khô được ướp nhiều lượt với gạo sen lấy từ hoa sen nở sớm trong đầm. "
       "Hãm bằng nước khoảng 85 °C. Bảo quản trong hộp kín, tránh mùi lạ."),
    _p("sen-my-loc", "SL-TRATIMSEN-100", "Trà tim sen 100 g", "I.5b", 90000, 40, 130, 3,
       "Tim sen tách từ hạt sen tươi, sấy khô. "
       "Hãm một nhúm nhỏ với nước sôi, vị đắng nhẹ, uống buổi tối. Đậy kín sau khi dùng."),
    _p("sen-my-loc", "SL-HATSEN-500", "Hạt sen khô tách tim 500 g", "I.2b", 180000, 50, 550, 3,
       "Hạt sen già bóc vỏ, tách tim rồi sấy khô. "
       "Ngâm trước khi nấu chè, hầm canh hoặc nấu xôi. Bảo quản nơi khô ráo."),
    _p("sen-my-loc", "SL-HATSENSAY-200", "Hạt sen sấy giòn 200 g", "I.3c", 85000, 60, 230, None,
       "Hạt sen tươi hấp chín rồi sấy giòn, vị bùi tự nhiên, không chiên dầu. "
       "Ăn vặt hoặc dùng cùng trà. Đậy kín túi sau khi mở."),
    _p("sen-my-loc", "SL-RUOUSEN-500", "Rượu sen 500 ml", "II.1b", 160000, 20, 950, None,
       "Rượu gạo ngâm hạt sen và gạo sen trong nhiều tháng, hương sen nhẹ. "
       "Sản phẩm có cồn, chỉ bán cho người từ đủ 18 tuổi."),
    # --- dong-tong-xa ---------------------------------------------------------
    _p("dong-tong-xa", "TX-LUHUONG-18", "Lư hương đồng thau cao 18 cm", "IV.1", 1450000, 6, 2500, 3,
       "Lư hương đúc đồng thau nguyên khối, chạm hoa văn rồng mây, đánh bóng thủ công. "
       "Lau bằng khăn mềm khô; dùng dung dịch chuyên dụng để làm sáng lại khi đồng xỉn màu."),
    _p("dong-tong-xa", "TX-CHANNEN-25", "Đôi chân nến đồng cao 25 cm", "IV.1", 980000, 8, 2200, None,
       "Đôi chân nến đồng đúc khuôn đất, thân tiện trơn, đế tròn chắc chắn. "
       "Dùng cho bàn thờ hoặc trang trí bàn ăn. Lau khô sau khi dùng."),
    _p("dong-tong-xa", "TX-TUONGTRAU-12", "Tượng trâu đồng để bàn 12 cm", "IV.1", 750000, 10, 900, None,
       "Tượng trâu nằm đúc đồng, mặt ngoài giả cổ màu nâu sẫm. "
       "Trang trí bàn làm việc, kệ sách. Tránh để nơi ẩm ướt."),
    _p("dong-tong-xa", "TX-CHUONGGIO", "Chuông đồng nhỏ treo gió", "IV.1", 250000, 50, 300, None,
       "Chuông đồng nhỏ có quả lắc, tiếng trong, treo hiên hoặc cửa sổ. "
       "Treo nơi có gió nhẹ; lau khô nếu bị mưa hắt."),
    # --- son-mai-cat-dang -----------------------------------------------------
    _p("son-mai-cat-dang", "CD-TRANH-4060", "Tranh sơn mài đồng lúa 40 × 60 cm", "IV.1", 1300000, 6, 2000, 3,
       "Tranh sơn mài cảnh đồng lúa, vẽ nhiều lớp sơn ta, dát vàng bạc và mài phẳng. "
       "Treo nơi khô thoáng, lau bằng khăn mềm; tránh nắng trực tiếp."),
    _p("son-mai-cat-dang", "CD-HOP-KHAMTRUNG", "Hộp sơn mài khảm trứng đựng trang sức",
       "IV.1", 380000, 25, 500, None,
       "Hộp cốt gỗ phủ sơn mài đen, nắp khảm vỏ trứng thành hoa sen, lòng hộp sơn đỏ. "
       "Dùng đựng trang sức, đồ nhỏ. Không ngâm nước."),
    _p("son-mai-cat-dang", "CD-KHAY-3040", "Khay sơn mài chữ nhật 30 × 40 cm", "IV.1", 420000, 20, 900, 3,
       "Khay sơn mài màu nâu cánh gián, viền vẽ hoa văn, hợp bày ấm chén. "
       "Lau bằng khăn ẩm, không dùng máy rửa bát và không để vật quá nóng lên mặt khay."),
    _p("son-mai-cat-dang", "CD-BAT-BO6", "Bộ 6 bát sơn mài trang trí", "IV.1", 350000, 15, 800, None,
       "Sáu bát cốt tre ép phủ sơn mài nhiều màu, dùng đựng hoa quả khô, kẹo. "
       "Không dùng cho đồ ăn nóng hoặc lò vi sóng."),
    # --- du-lich-hai-hau ------------------------------------------------------
    _p("du-lich-hai-hau", "DL-HOMESTAY-2N1D", "Voucher homestay làng quê Hải Hậu 2 ngày 1 đêm (2 người)",
       "VI", 1200000, 15, 0, 4,
       "Hai ngày một đêm ở nhà dân gần biển, gồm ba bữa ăn quê và xe đạp để đi quanh làng. "
       "Gọi điện đặt ngày trước khi đến; voucher dùng trong 12 tháng."),
    _p("du-lich-hai-hau", "DL-TOUR-DONGMUOI", "Tour nửa ngày đồng muối và nhà thờ đổ Hải Lý (1 người)",
       "VI", 250000, 40, 0, 3,
       "Đạp xe cùng người dẫn đường ra đồng muối, xem cách phơi cát lấy muối, rồi thăm nhà thờ đổ ven biển. "
       "Giá gồm xe đạp, nước uống và người dẫn đường."),
    _p("du-lich-hai-hau", "DL-VOTRUOI", "Trải nghiệm vớt rươi mùa thu (1 người)", "VI", 300000, 30, 0, None,
       "Theo người dân ra ruộng rươi lúc sáng sớm, vớt rươi và học làm chả rươi. "
       "Chỉ mở vào tháng 9 và tháng 10 âm lịch, ngày cụ thể phụ thuộc con nước."),
]
# fmt: on


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)


def validate():
    """Assert the demo data is consistent. Returns a small summary dict."""
    import re
    from collections import Counter

    # NFC everywhere
    for s in _strings([OCOP_GROUPS, COOPERATIVES, PRODUCTS, AREAS, KINDS]):
        assert unicodedata.normalize("NFC", s) == s, f"not NFC: {s!r}"

    # categories
    codes = [node["code"] for node, *_ in iter_categories()]
    assert len(codes) == len(set(codes)), "duplicate category codes"
    assert [g["code"] for g in OCOP_GROUPS] == ["I", "II", "III", "IV", "V", "VI"]
    assert "children" not in OCOP_GROUPS[5], "group VI has no subgroups"
    for node, parent, _depth, _leaf in iter_categories():
        assert node["name"] and node["name_en"], node
        if parent:
            assert node["code"].startswith(parent), (parent, node["code"])
    leaves = set(leaf_codes())

    # cooperatives
    coop_keys = [c["key"] for c in COOPERATIVES]
    assert len(COOPERATIVES) >= 14
    assert len(coop_keys) == len(set(coop_keys)), "duplicate cooperative keys"
    required = {
        "key",
        "name",
        "short_name",
        "kind",
        "area",
        "commune",
        "commune_code",
        "street",
        "phone",
        "email",
        "founded",
        "members",
        "story",
        "tax_code",
        "registration_number",
    }
    for c in COOPERATIVES:
        assert set(c) == required, (c["key"], set(c) ^ required)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c["key"]), c["key"]
        assert c["kind"] in KINDS, c
        assert c["area"] in AREAS, c
        assert re.fullmatch(r"0[35789]\d{8}", c["phone"]), c["phone"]
        assert c["email"].endswith("@example.vn"), c["email"]
        assert re.fullmatch(r"\d{10}", c["tax_code"]), c["tax_code"]
        assert 1950 <= c["founded"] <= 2025 and c["members"] > 0, c["key"]
        assert c["commune"].startswith(("Xã ", "Phường ", "Đặc khu ")), c["commune"]
        assert re.fullmatch(r"\d{5}", c["commune_code"]), c["commune_code"]
    for field in ("name", "phone", "email", "tax_code", "registration_number"):
        values = [c[field] for c in COOPERATIVES]
        assert len(values) == len(set(values)), f"duplicate cooperative {field}"
    per_area = Counter(c["area"] for c in COOPERATIVES)
    assert all(per_area[a] >= 4 for a in AREAS), per_area
    assert Counter(c["kind"] for c in COOPERATIVES)["htx"] > len(COOPERATIVES) / 2

    # products
    assert len(PRODUCTS) >= 66, len(PRODUCTS)
    skus = [p["sku"] for p in PRODUCTS]
    assert len(skus) == len(set(skus)), "duplicate SKUs"
    titles = [p["title"] for p in PRODUCTS]
    assert len(titles) == len(set(titles)), "duplicate titles"
    keys = set(coop_keys)
    for p in PRODUCTS:
        assert p["coop"] in keys, p["sku"]
        assert re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", p["sku"]), p["sku"]
        assert p["category"] in leaves, (p["sku"], p["category"])
        price = p["price"]
        assert isinstance(price, int) and 35000 <= price <= 1500000 and price % 1000 == 0, p["sku"]
        assert isinstance(p["stock"], int) and 0 <= p["stock"] <= 300, p["sku"]
        assert isinstance(p["weight_grams"], int) and p["weight_grams"] >= 0, p["sku"]
        assert p["weight_grams"] > 0 or p["category"] == "VI", p["sku"]
        assert p["ocop_stars"] in (None, 3, 4, 5), p["sku"]
        assert isinstance(p["local_only"], bool), p["sku"]
        assert p["title"] and p["description"], p["sku"]
    per_coop = Counter(p["coop"] for p in PRODUCTS)
    for k in coop_keys:
        assert 3 <= per_coop[k] <= 7, (k, per_coop[k])
    groups = Counter(group_of(p["category"]) for p in PRODUCTS)
    assert set(groups) == {"I", "II", "III", "IV", "V", "VI"}, groups
    stock = [p["stock"] for p in PRODUCTS]
    assert stock.count(0) == 2, stock.count(0)
    assert 2 <= sum(1 for s in stock if 0 < s < 5) <= 6
    stars = Counter(p["ocop_stars"] for p in PRODUCTS)
    starred = len(PRODUCTS) - stars[None]
    assert 0.5 <= starred / len(PRODUCTS) <= 0.7, starred / len(PRODUCTS)
    assert 1 <= stars[5] <= 2, stars[5]

    return {
        "cooperatives": len(COOPERATIVES),
        "products": len(PRODUCTS),
        "cooperatives_per_area": dict(per_area),
        "products_per_area": dict(
            Counter({c["key"]: c["area"] for c in COOPERATIVES}[p["coop"]] for p in PRODUCTS)
        ),
        "products_per_group": dict(sorted(groups.items())),
        "stars": {str(k): v for k, v in stars.items()},
        "local_only": sum(p["local_only"] for p in PRODUCTS),
    }
