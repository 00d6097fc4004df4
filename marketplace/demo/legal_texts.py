# ruff: noqa: E501 - legal prose; long lines read better than split sentences
"""The demo floor's legal texts: the operating regulations (two versions: the first under Decree 52/2013
as amended by Decree 85/2021, the second for the E-commerce Law 122/2025 in force from 1 July 2026), the
privacy, returns, shipping and payment policies, and the complaints page's introduction.

Every figure in them is the one the floor applies: the returns period (settings.RETURNS_PERIOD_DAYS),
the VietQR and card payment deadlines (docs/checkout-and-payments.md), commission on goods only and
monthly statements (docs/ledger.md), the complaint time limits (docs/legal.md). Keep them in step."""

from __future__ import annotations

from django.conf import settings

# The operator as the demo's settings describe it (marketplace/demo/pages.py: load_operator).
OPERATOR = {
    "legal_name": "Liên minh Hợp tác xã tỉnh Ninh Bình",
    "address": "Phường Hoa Lư, tỉnh Ninh Bình",
    "phone": "0229 3 000 000",
    "email": "lienhe@chohtx.example.vn",
    "registration_number": "123/QĐ-UBND",
    "registration_date": "01/07/2025",
    "registration_place": "UBND tỉnh Ninh Bình",
    "tax_code": "2700123456",
}

# Complaints (docs/legal.md): the statuses the complaint desk shows and the time limits it keeps.
ACKNOWLEDGE_HOURS = 24
ANSWER_WORKING_DAYS = 3
ANSWER_WORKING_DAYS_BEFORE = 5  # the first version of the regulations
COMPLEX_WORKING_DAYS = 10
REPLY_DAYS = 7
RETURNS_DAYS = settings.RETURNS_PERIOD_DAYS
NOTICE_DAYS = 5

REGULATIONS_CHANGES = (
    "Căn cứ Luật Thương mại điện tử số 122/2025/QH15, có hiệu lực từ 01/07/2026.\n"
    "Người đại diện của người bán được xác thực qua tài khoản định danh điện tử (VNeID).\n"
    f"Khiếu nại được trả lời trong {ANSWER_WORKING_DAYS} ngày làm việc (trước đây {ANSWER_WORKING_DAYS_BEFORE} ngày).\n"
    "Bổ sung quyền của người mua và người bán về dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân năm 2025.\n"
    "Bổ sung việc gỡ bỏ thông tin vi phạm theo yêu cầu của cơ quan có thẩm quyền."
)


def _section(title: str, *paragraphs: str) -> str:
    body = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return f"<h3>{title}</h3>{body}"


def _list(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _operator_lines() -> str:
    o = OPERATOR
    return _list(
        f"Tên đơn vị vận hành: {o['legal_name']}.",
        f"Địa chỉ trụ sở: {o['address']}.",
        f"Điện thoại: {o['phone']}; email: {o['email']}.",
        f"Quyết định thành lập số {o['registration_number']} ngày {o['registration_date']} của {o['registration_place']}.",
        f"Mã số thuế: {o['tax_code']}.",
        "Tên miền và tên sàn: Chợ HTX (sàn giao dịch thương mại điện tử của các hợp tác xã).",
    )


def regulations(edition: int = 2) -> str:
    """The operating regulations; edition 1 was in force from 01/11/2025, edition 2 from 01/07/2026."""
    law = (
        "Luật Thương mại điện tử số 122/2025/QH15 và các văn bản hướng dẫn"
        if edition >= 2
        else "Nghị định số 52/2013/NĐ-CP về thương mại điện tử, được sửa đổi, bổ sung bởi Nghị định số 85/2021/NĐ-CP"
    )
    answer_days = ANSWER_WORKING_DAYS if edition >= 2 else ANSWER_WORKING_DAYS_BEFORE
    identify = (
        "Người đại diện theo pháp luật (hoặc chủ hộ kinh doanh) xác thực danh tính bằng tài khoản định danh điện tử (VNeID); "
        "Liên minh đối chiếu tên, số giấy chứng nhận đăng ký và mã số thuế với cơ sở dữ liệu đăng ký kinh doanh và thuế."
        if edition >= 2
        else "Liên minh đối chiếu tên, số giấy chứng nhận đăng ký, mã số thuế và giấy tờ tùy thân của người đại diện với bản chụp giấy tờ người bán gửi kèm hồ sơ."
    )
    data_law = (
        "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 13/2023/NĐ-CP cùng các văn bản hướng dẫn"
        if edition >= 2
        else "Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân"
    )
    parts = [
        "<h2>Chương I. Quy định chung</h2>",
        _section(
            "Điều 1. Phạm vi và đối tượng áp dụng",
            f"Quy chế này quy định hoạt động của sàn giao dịch thương mại điện tử Chợ HTX, theo {law}, "
            "Luật Bảo vệ quyền lợi người tiêu dùng số 19/2023/QH15 và Luật Hợp tác xã số 17/2023/QH15.",
            "Quy chế áp dụng cho đơn vị vận hành sàn, người bán (hợp tác xã, tổ hợp tác, hộ kinh doanh và doanh nghiệp của thành viên hợp tác xã) "
            "và người mua (khách hàng mua hàng trên sàn, có hoặc không có tài khoản).",
        ),
        _section(
            "Điều 2. Giải thích từ ngữ",
            _list(
                "<b>Sàn</b>: website Chợ HTX, nơi nhiều người bán trưng bày sản phẩm và người mua đặt hàng của nhiều người bán trong một giỏ hàng.",
                "<b>Người bán</b>: tổ chức, hộ kinh doanh đã được Liên minh duyệt hồ sơ và có gian hàng đang hoạt động trên sàn.",
                "<b>Đơn hàng</b>: một lần đặt hàng của người mua; mỗi người bán trong đơn có một <b>phần đơn hàng</b> riêng (số đơn kèm hậu tố -1, -2…), do người bán đó tự xác nhận, đóng gói và giao.",
                "<b>Sản phẩm OCOP</b>: sản phẩm có giấy chứng nhận OCOP 3, 4 hoặc 5 sao còn hiệu lực (36 tháng kể từ ngày ký quyết định).",
            ),
        ),
        _section(
            "Điều 3. Đơn vị vận hành sàn",
            _operator_lines(),
            "Thông tin này được hiển thị ở chân mọi trang của sàn.",
        ),
        _section(
            "Điều 4. Nguyên tắc hoạt động",
            _list(
                "Sàn là nơi kết nối; hợp đồng mua bán được giao kết trực tiếp giữa người mua và người bán. Người bán chịu trách nhiệm về sản phẩm, giá, chất lượng và việc giao hàng của mình.",
                "Tiền hàng thanh toán khi nhận hàng hoặc chuyển khoản được trả thẳng cho người bán; sàn không giữ tiền của người mua, trừ thanh toán bằng thẻ (Điều 13).",
                "Giá niêm yết bằng đồng Việt Nam, nói rõ đã gồm thuế giá trị gia tăng (nếu có); phí vận chuyển hiện riêng trước khi đặt hàng.",
                "Mọi giao dịch công khai, minh bạch; người mua được biết người bán là ai trước khi mua.",
            ),
        ),
        "<h2>Chương II. Người bán và hàng hóa</h2>",
        _section(
            "Điều 5. Ai được bán hàng trên sàn",
            "Hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác và hộ kinh doanh có hoạt động sản xuất, chế biến hoặc kinh doanh hợp pháp; "
            "ưu tiên thành viên của Liên minh Hợp tác xã tỉnh Ninh Bình và các chủ thể có sản phẩm OCOP. Cá nhân không đăng ký kinh doanh không được mở gian hàng.",
        ),
        _section(
            "Điều 6. Đăng ký, định danh và xét duyệt người bán",
            "Người bán nộp hồ sơ tại trang Đăng ký bán hàng gồm: tên đầy đủ theo giấy đăng ký, loại hình, số giấy chứng nhận đăng ký, mã số thuế, "
            "người đại diện theo pháp luật, địa chỉ, điện thoại, email và ảnh chụp hoặc tệp PDF giấy chứng nhận đăng ký; đồng ý với Quy chế này và đồng ý xử lý dữ liệu cá nhân.",
            identify,
            "Liên minh xét duyệt hồ sơ và báo kết quả qua email; hồ sơ bị từ chối được nêu rõ lý do. Chỉ người bán đã được duyệt mới có gian hàng; "
            "tên, địa chỉ, điện thoại, số đăng ký và mã số thuế của người bán được hiển thị trên gian hàng và trang sản phẩm "
            "(mã số thuế của hộ kinh doanh là số định danh cá nhân của chủ hộ nên không hiển thị công khai).",
            "Tài khoản nhận tiền chỉ do chủ gian hàng thay đổi, sau khi nhập lại mật khẩu; mỗi lần thay đổi được ghi lại và báo qua email cho người bán và Liên minh.",
        ),
        _section(
            "Điều 7. Hàng hóa, dịch vụ cấm và hạn chế kinh doanh",
            "Không được bán trên sàn:",
            _list(
                "Hàng hóa, dịch vụ thuộc danh mục cấm kinh doanh theo Luật Đầu tư; ma túy, vũ khí, vật liệu nổ, pháo, hóa chất cấm.",
                "Động vật, thực vật hoang dã thuộc danh mục nguy cấp, quý, hiếm và sản phẩm từ chúng.",
                "Hàng giả, hàng nhái, hàng xâm phạm quyền sở hữu trí tuệ, hàng nhập lậu, hàng không rõ nguồn gốc; thuốc lá điện tử, thuốc lá nung nóng.",
                "Thuốc chữa bệnh; thực phẩm bảo vệ sức khỏe quảng cáo như thuốc chữa bệnh.",
                "Sản phẩm gắn dấu OCOP khi giấy chứng nhận chưa được Liên minh xác minh hoặc đã hết hiệu lực.",
            ),
            "Hàng hạn chế: rượu chỉ được bán bởi người bán có giấy phép sản xuất hoặc kinh doanh rượu và không bán cho người dưới 18 tuổi; "
            "thực phẩm phải có bản tự công bố hoặc giấy tiếp nhận công bố sản phẩm và cơ sở đủ điều kiện an toàn thực phẩm; "
            "thực phẩm tươi sống, hàng cần bảo quản lạnh chỉ giao trong tỉnh của người bán hoặc nhận tại chỗ.",
        ),
        _section(
            "Điều 8. Thông tin sản phẩm",
            "Người bán đăng đầy đủ, đúng sự thật: tên sản phẩm, ảnh chụp thật, nhóm sản phẩm OCOP, khối lượng, giá bán, số lượng còn, xuất xứ, "
            "hạn sử dụng và cách bảo quản với thực phẩm, số quyết định công nhận OCOP (nếu có). Không dùng thông tin gây nhầm lẫn về chất lượng, công dụng hay xuất xứ.",
        ),
        "<h2>Chương III. Quyền và nghĩa vụ</h2>",
        _section(
            "Điều 9. Quyền và nghĩa vụ của đơn vị vận hành",
            _list(
                "Công bố Quy chế này và các chính sách (bảo mật, đổi trả, vận chuyển, thanh toán, khiếu nại) trên sàn; thông báo và lưu giữ mọi phiên bản.",
                "Xét duyệt, định danh người bán; lưu giữ thông tin đăng ký của người bán; xác minh giấy chứng nhận OCOP trước khi hiện dấu OCOP.",
                "Kiểm tra, giám sát thông tin đăng trên sàn; gỡ bỏ thông tin, tạm ngừng gian hàng vi phạm (Chương VIII).",
                "Tiếp nhận và giải quyết khiếu nại theo Điều 16; hỗ trợ người mua khi người bán không giải quyết.",
                "Bảo vệ dữ liệu cá nhân (Chương VI); bảo đảm an toàn hệ thống, ghi nhận các giao dịch.",
                "Khấu trừ, nộp thay thuế cho người bán là hộ kinh doanh với các giao dịch thanh toán bằng thẻ qua sàn, theo Nghị định số 117/2025/NĐ-CP.",
                "Cung cấp thông tin cho cơ quan nhà nước có thẩm quyền theo quy định; báo cáo định kỳ về hoạt động của sàn.",
            ),
        ),
        _section(
            "Điều 10. Quyền và nghĩa vụ của người bán",
            _list(
                "Được mở gian hàng, đăng sản phẩm, nhận đơn và nhận tiền hàng theo phương thức người mua chọn.",
                "Cung cấp thông tin đăng ký đúng sự thật và cập nhật khi thay đổi; bảo đảm hàng hóa hợp pháp, đúng mô tả, đủ điều kiện an toàn thực phẩm.",
                "Xác nhận hoặc từ chối đơn trong 2 ngày làm việc; đóng gói, giao hàng và cập nhật trạng thái, mã vận đơn trên trung tâm người bán.",
                f"Giải quyết yêu cầu trả hàng, hoàn tiền trong thời hạn của Chính sách đổi trả; trả lời khiếu nại Liên minh chuyển đến trong {answer_days} ngày làm việc.",
                "Tự xuất hóa đơn điện tử cho phần đơn hàng của mình theo Nghị định số 123/2020/NĐ-CP (được sửa đổi bởi Nghị định số 70/2025/NĐ-CP), kể cả hóa đơn cho công ty khi người mua yêu cầu; tự kê khai, nộp thuế, trừ phần sàn đã khấu trừ.",
                "Trả hoa hồng cho Liên minh theo Điều 19; chỉ dùng dữ liệu của người mua để giao hàng và chăm sóc đơn hàng.",
            ),
        ),
        _section(
            "Điều 11. Quyền và nghĩa vụ của người mua",
            _list(
                "Được cung cấp thông tin đầy đủ về sản phẩm, giá, phí vận chuyển, người bán và các điều kiện giao dịch trước khi đặt hàng.",
                "Được huỷ phần đơn hàng khi người bán chưa xác nhận; được yêu cầu trả hàng, hoàn tiền theo Chính sách đổi trả; được khiếu nại và được bảo vệ quyền lợi người tiêu dùng.",
                "Cung cấp đúng họ tên, số điện thoại, địa chỉ nhận hàng; thanh toán đúng hạn theo phương thức đã chọn; kiểm tra hàng khi nhận.",
                "Không dùng sàn để lừa đảo, đặt hàng ảo, đăng đánh giá sai sự thật.",
            ),
        ),
        "<h2>Chương IV. Giao dịch trên sàn</h2>",
        _section(
            "Điều 12. Quy trình đặt hàng và giao nhận",
            "<ol><li>Người mua chọn sản phẩm của một hoặc nhiều người bán vào giỏ hàng; giỏ hàng hiện riêng phần của từng người bán, phí giao hàng và tổng tiền.</li>"
            "<li>Người mua nhập địa chỉ nhận hàng (tỉnh, thành phố; xã, phường; thôn, số nhà), chọn giao tận nơi hoặc nhận tại chỗ (nếu người bán có) và phương thức thanh toán.</li>"
            "<li>Người mua xem lại đơn, đồng ý với Quy chế này và bấm Đặt hàng; sàn gửi email xác nhận đơn.</li>"
            "<li>Mỗi người bán xác nhận phần đơn của mình, đóng gói, giao cho đơn vị vận chuyển kèm mã vận đơn, rồi cập nhật Đã giao; người mua theo dõi từng bước tại trang Đơn hàng của tôi.</li></ol>",
            "Chi tiết phí, phạm vi và thời gian giao hàng theo Chính sách vận chuyển và giao nhận.",
        ),
        _section(
            "Điều 13. Phương thức thanh toán",
            _list(
                "Thanh toán khi nhận hàng (COD): trả tiền mặt cho người giao hàng; tiền thuộc về người bán.",
                "Chuyển khoản qua mã VietQR thẳng vào tài khoản của người bán, đúng số tiền và nội dung ghi trên mã, trong 72 giờ kể từ khi đặt hàng; quá hạn, phần đơn hàng tự huỷ.",
                "Thẻ ngân hàng quốc tế (khi sàn bật): thanh toán trên cổng của Stripe trong 24 giờ; tiền do Liên minh nhận rồi trả cho người bán sau khi trừ hoa hồng, tiền hoàn và thuế khấu trừ (nếu có).",
            ),
            "Chi tiết theo trang Phương thức thanh toán.",
        ),
        _section(
            "Điều 14. Đổi trả và hoàn tiền",
            f"Trong {RETURNS_DAYS} ngày kể từ khi người bán xác nhận đã giao, người mua được yêu cầu trả hàng hoặc hoàn tiền khi hàng bị vỡ, hỏng, sai, thiếu hoặc không đúng mô tả. "
            "Người bán chấp nhận, hoàn tiền không cần trả hàng hoặc từ chối có lý do; khi bị từ chối, người mua được nhờ Liên minh xem xét và quyết định của Liên minh được hai bên thực hiện. "
            "Chi tiết theo Chính sách đổi trả và hoàn tiền.",
        ),
        _section(
            "Điều 15. Hóa đơn và thuế",
            "Mỗi người bán tự xuất hóa đơn cho phần hàng của mình. Với thanh toán bằng thẻ qua sàn, Liên minh khấu trừ và nộp thay thuế giá trị gia tăng 1% và thuế thu nhập cá nhân 0,5% trên doanh thu hàng hóa "
            "(dịch vụ: 5% và 2%) cho người bán là hộ kinh doanh; hợp tác xã, tổ hợp tác và doanh nghiệp tự kê khai. Tiền mặt và chuyển khoản trả thẳng cho người bán không thuộc diện sàn khấu trừ.",
        ),
        "<h2>Chương V. Khiếu nại và giải quyết tranh chấp</h2>",
        _section(
            "Điều 16. Tiếp nhận và giải quyết khiếu nại",
            "Người mua, người bán gửi khiếu nại tại trang Khiếu nại và phản ánh, qua email hoặc điện thoại của Liên minh (Điều 3). Mỗi khiếu nại có một mã và đi qua các trạng thái:",
            _list(
                f"<b>Đã tiếp nhận</b>: Liên minh xác nhận đã nhận trong vòng {ACKNOWLEDGE_HOURS} giờ.",
                "<b>Đang xử lý</b>: Liên minh xác minh với người bán, đơn vị vận chuyển hoặc người khiếu nại.",
                f"<b>Đã trả lời</b>: Liên minh trả lời bằng văn bản trong {answer_days} ngày làm việc kể từ khi tiếp nhận; vụ việc cần xác minh thêm được kéo dài, không quá {COMPLEX_WORKING_DAYS} ngày làm việc, và người khiếu nại được báo lý do.",
                f"<b>Đã đóng</b>: khi người khiếu nại đồng ý với câu trả lời, hoặc không phản hồi trong {REPLY_DAYS} ngày kể từ khi được trả lời.",
            ),
        ),
        _section(
            "Điều 17. Giải quyết tranh chấp",
            "Tranh chấp giữa người mua và người bán được giải quyết trước hết bằng thương lượng, với sự hỗ trợ của Liên minh. "
            "Khi không thương lượng được, các bên có quyền yêu cầu hòa giải, đề nghị cơ quan quản lý nhà nước về bảo vệ quyền lợi người tiêu dùng giải quyết, "
            "hoặc khởi kiện tại Tòa án, yêu cầu Trọng tài theo quy định của pháp luật. Liên minh cung cấp thông tin giao dịch liên quan cho cơ quan giải quyết.",
        ),
        "<h2>Chương VI. Bảo vệ dữ liệu cá nhân</h2>",
        _section(
            "Điều 18. Bảo vệ dữ liệu cá nhân",
            f"Sàn thu thập, xử lý dữ liệu cá nhân theo {data_law} và Chính sách bảo mật. Sự đồng ý được thể hiện bằng ô đánh dấu không chọn sẵn; "
            "sàn ghi lại phiên bản văn bản được đồng ý, người đồng ý và thời điểm. Người bán chỉ dùng dữ liệu của người mua để giao hàng, xuất hóa đơn và giải quyết đơn hàng.",
        ),
        "<h2>Chương VII. Phí và hoa hồng</h2>",
        _section(
            "Điều 19. Phí và hoa hồng",
            "Người mua không trả phí cho sàn. Người bán không trả phí mở gian hàng; người bán trả hoa hồng tính trên giá trị hàng hóa của mỗi phần đơn hàng đã giao và đã thanh toán (không tính trên phí vận chuyển). "
            "Tỷ lệ hoa hồng do Liên minh công bố trong trung tâm người bán (mặc định 5%; có thể khác theo nhóm sản phẩm, theo người bán hoặc được miễn trong thời gian đầu) và tỷ lệ áp dụng là tỷ lệ tại thời điểm đặt hàng.",
            "Hằng tháng, người bán nhận bảng kê gồm doanh thu, tiền đã tự thu, hoa hồng, tiền hoàn và thuế khấu trừ. Hoa hồng của đơn tiền mặt, chuyển khoản được trừ vào khoản Liên minh phải trả hoặc người bán thanh toán cho Liên minh; "
            "khi đơn bị huỷ hoặc hoàn tiền, hoa hồng tương ứng được trả lại.",
        ),
        "<h2>Chương VIII. Xử lý vi phạm và gỡ bỏ thông tin</h2>",
        _section(
            "Điều 20. Xử lý vi phạm",
            _list(
                "Liên minh gỡ bỏ hoặc ẩn sản phẩm, thông tin vi phạm pháp luật hoặc Quy chế này ngay khi phát hiện, và trong vòng 24 giờ kể từ khi nhận yêu cầu của cơ quan nhà nước có thẩm quyền.",
                "Người bán vi phạm được nhắc nhở; vi phạm nhiều lần hoặc nghiêm trọng (bán hàng cấm, hàng giả, lừa đảo) bị tạm ngừng gian hàng hoặc chấm dứt hoạt động trên sàn, có nêu lý do; đơn hàng đã đặt vẫn được giải quyết.",
                "Người mua đặt hàng ảo, lừa đảo hoặc quấy rối người bán có thể bị khóa tài khoản.",
                "Ai cũng có thể báo cáo sản phẩm, gian hàng vi phạm qua trang Khiếu nại và phản ánh; Liên minh xem xét và trả lời theo thời hạn tại Điều 16.",
            ),
        ),
        "<h2>Chương IX. Điều khoản thi hành</h2>",
        _section(
            "Điều 21. Sửa đổi, bổ sung Quy chế",
            f"Liên minh có thể sửa đổi Quy chế này. Mỗi lần sửa đổi là một phiên bản mới, được đăng trên sàn ít nhất {NOTICE_DAYS} ngày trước ngày có hiệu lực, kèm tóm tắt những điểm thay đổi. "
            "Các phiên bản trước vẫn được lưu và đọc được tại trang này. Khi phiên bản mới có hiệu lực, người mua được mời đồng ý trước lần đặt hàng tiếp theo và người bán trước khi tiếp tục làm việc trong trung tâm người bán; "
            "giỏ hàng và dữ liệu của họ được giữ nguyên. Người không đồng ý có quyền ngừng sử dụng sàn.",
        ),
        _section(
            "Điều 22. Hiệu lực",
            "Quy chế này có hiệu lực từ ngày ghi ở đầu trang. Các giao dịch đã giao kết trước ngày đó áp dụng phiên bản có hiệu lực tại thời điểm đặt hàng.",
        ),
    ]
    return "".join(parts)


PRIVACY = "".join(
    [
        "<p>Chính sách này cho biết Chợ HTX thu thập dữ liệu cá nhân nào, để làm gì, chia sẻ với ai, lưu bao lâu và bạn có những quyền gì, "
        "theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định số 13/2023/NĐ-CP và các văn bản hướng dẫn. "
        f"Bên kiểm soát và xử lý dữ liệu là {OPERATOR['legal_name']}, {OPERATOR['address']}, email {OPERATOR['email']}.</p>",
        _section(
            "1. Dữ liệu chúng tôi thu thập",
            _list(
                "Tài khoản: họ tên, email, mật khẩu (chỉ lưu dạng mã hóa một chiều).",
                "Đặt hàng: họ tên người nhận, số điện thoại, địa chỉ giao hàng, ghi chú; thông tin công ty khi bạn cần hóa đơn (tên công ty, mã số thuế, email).",
                "Sau bán hàng: yêu cầu trả hàng, ảnh chụp, tin nhắn với người bán, tài khoản ngân hàng bạn cung cấp để nhận tiền hoàn.",
                "Người bán: thông tin đăng ký, người đại diện, ảnh giấy chứng nhận đăng ký, tài khoản nhận tiền.",
                "Kỹ thuật: địa chỉ IP và thời điểm đăng nhập, đặt hàng, đồng ý văn bản; cookie cần thiết (phiên đăng nhập, giỏ hàng, ngôn ngữ, chống giả mạo yêu cầu). Sàn không dùng cookie quảng cáo.",
            ),
            "Thông tin thẻ do Stripe thu trực tiếp trên cổng thanh toán; Chợ HTX không lưu số thẻ. Tài khoản ngân hàng và ảnh giấy tờ tùy thân là dữ liệu cá nhân nhạy cảm, chỉ những người cần để xử lý mới xem được.",
        ),
        _section(
            "2. Mục đích xử lý",
            _list(
                "Tạo và quản lý tài khoản; nhận, giao và thanh toán đơn hàng; xuất hóa đơn.",
                "Giải quyết trả hàng, hoàn tiền, khiếu nại; gửi email về đơn hàng và tài khoản.",
                "Xét duyệt, định danh người bán; trả tiền và lập bảng kê cho người bán; khấu trừ, nộp thuế thay theo quy định.",
                "Bảo đảm an toàn: chống đăng nhập trái phép, giới hạn số lần gửi, phát hiện gian lận.",
            ),
            "Chúng tôi không bán dữ liệu cá nhân và không dùng để quảng cáo của bên thứ ba.",
        ),
        _section(
            "3. Chia sẻ dữ liệu",
            _list(
                "Người bán của đơn hàng: họ tên, số điện thoại, địa chỉ nhận hàng và nội dung đơn, để giao hàng.",
                "Đơn vị vận chuyển do người bán chọn: thông tin cần để giao hàng.",
                "Stripe, Inc. (khi bạn trả bằng thẻ): số tiền và số đơn; việc chuyển dữ liệu này ra nước ngoài được thực hiện theo quy định về chuyển dữ liệu cá nhân ra nước ngoài.",
                "Cơ quan thuế và cơ quan nhà nước có thẩm quyền khi pháp luật yêu cầu.",
            ),
        ),
        _section(
            "4. Thời gian lưu trữ",
            "Dữ liệu tài khoản được lưu đến khi bạn yêu cầu xóa. Đơn hàng, hóa đơn và sổ sách tiền được lưu 10 năm theo Luật Kế toán. "
            "Bản ghi sự đồng ý được lưu cùng thời gian với giao dịch liên quan. Nhật ký đăng nhập được lưu không quá 12 tháng.",
        ),
        _section(
            "5. Quyền của bạn",
            "Bạn có quyền được biết, đồng ý hoặc rút lại sự đồng ý, xem, chỉnh sửa, yêu cầu xóa, hạn chế hoặc phản đối việc xử lý, nhận bản sao dữ liệu, "
            "khiếu nại và yêu cầu bồi thường theo quy định. Bạn tự sửa họ tên, địa chỉ trong trang Tài khoản; các yêu cầu khác gửi tới "
            f"{OPERATOR['email']} hoặc trang Khiếu nại và phản ánh. Chúng tôi xác nhận đã nhận trong {ACKNOWLEDGE_HOURS} giờ và thực hiện trong thời hạn pháp luật quy định; "
            "việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã làm trước đó và đến dữ liệu phải lưu theo luật.",
        ),
        _section(
            "6. Bảo vệ dữ liệu",
            "Kết nối được mã hóa (HTTPS); giấy tờ đăng ký và ảnh trả hàng được lưu ngoài thư mục công khai và chỉ người có quyền xem được; "
            "tài khoản quản trị dùng xác thực hai lớp; mọi thay đổi tài khoản nhận tiền được ghi lại và báo qua email. Khi xảy ra sự cố lộ dữ liệu, "
            "chúng tôi thông báo cho cơ quan chuyên trách và người bị ảnh hưởng theo quy định.",
        ),
        _section(
            "7. Sự đồng ý",
            "Bạn đồng ý bằng ô đánh dấu không chọn sẵn khi đăng ký tài khoản hoặc đăng ký bán hàng. Chúng tôi ghi lại phiên bản chính sách bạn đồng ý và thời điểm. "
            "Khi chính sách thay đổi, phiên bản mới được đăng kèm ngày có hiệu lực và những điểm thay đổi; các phiên bản trước vẫn đọc được.",
        ),
    ]
)

RETURNS = "".join(
    [
        _section(
            "1. Khi nào bạn được trả hàng, hoàn tiền",
            f"Trong <b>{RETURNS_DAYS} ngày</b> kể từ khi người bán xác nhận đã giao, khi hàng bị vỡ, hỏng, hư do vận chuyển, sai sản phẩm, thiếu hàng hoặc không đúng mô tả. "
            "Thực phẩm tươi sống cần báo trong ngày nhận hàng, kèm ảnh chụp. Hạn yêu cầu của từng phần đơn hàng hiện trên trang Đơn hàng của tôi.",
            "Không áp dụng khi bạn đổi ý với thực phẩm đã mở bao bì, hoặc hàng hư hỏng do bảo quản không đúng hướng dẫn sau khi nhận.",
        ),
        _section(
            "2. Cách gửi yêu cầu",
            "<ol><li>Mở đơn hàng (đăng nhập, hoặc tra cứu đơn bằng số đơn và email hay số điện thoại), chọn phần đơn của người bán và bấm Yêu cầu trả hàng, hoàn tiền.</li>"
            "<li>Chọn sản phẩm, số lượng, lý do; viết vài dòng mô tả và gửi tối đa 5 ảnh.</li>"
            "<li>Với đơn trả tiền khi nhận hàng hoặc chuyển khoản, nhập tài khoản ngân hàng để nhận tiền hoàn.</li></ol>",
            "Mỗi phần đơn hàng chỉ có một yêu cầu đang mở tại một thời điểm. Mỗi bước được gửi email cho cả bạn và người bán.",
        ),
        _section(
            "3. Người bán trả lời",
            "Người bán trả lời trong 3 ngày làm việc: chấp nhận và hướng dẫn gửi trả hàng; hoàn tiền không cần trả hàng; hoặc từ chối có nêu lý do. "
            "Khi bị từ chối, bạn bấm Nhờ Liên minh HTX xem xét: Liên minh quyết định hoàn tiền, trả hàng rồi hoàn tiền, hoặc giữ nguyên việc từ chối. "
            "Khi lỗi thuộc về người bán (hỏng, sai, thiếu), người bán chịu phí gửi trả.",
        ),
        _section(
            "4. Hoàn tiền",
            _list(
                "Số tiền hoàn là giá các sản phẩm trả lại theo giá bạn đã trả; phí giao hàng của đơn ban đầu không được hoàn.",
                "Thanh toán bằng thẻ: tiền hoàn về thẻ qua Stripe ngay khi yêu cầu được chấp nhận; ngân hàng phát hành thẻ thường ghi có trong 5–10 ngày làm việc.",
                "Thanh toán khi nhận hàng hoặc chuyển khoản VietQR: tiền đã về tài khoản người bán, nên người bán chuyển khoản hoàn lại vào tài khoản bạn cung cấp trong 5 ngày làm việc sau khi nhận lại hàng (hoặc sau khi chấp nhận hoàn tiền không cần trả hàng). Khi nhận được, bạn bấm Tôi đã nhận tiền hoàn.",
            ),
        ),
        _section(
            "5. Huỷ đơn",
            "Bạn huỷ được phần đơn hàng khi người bán chưa xác nhận. Người bán có thể huỷ trước khi giao cho đơn vị vận chuyển, có nêu lý do. "
            "Đơn chuyển khoản không thanh toán trong 72 giờ và đơn thẻ không thanh toán trong 24 giờ tự huỷ. Phần đơn đã trả bằng thẻ khi bị huỷ được hoàn tiền toàn bộ.",
        ),
    ]
)

SHIPPING = "".join(
    [
        _section(
            "1. Ai giao hàng",
            "Mỗi người bán tự đóng gói và gửi phần hàng của mình, bằng người giao hàng của hợp tác xã hoặc đơn vị vận chuyển họ chọn. "
            "Một đơn có hàng của nhiều người bán sẽ đến thành nhiều kiện, vào những ngày có thể khác nhau.",
        ),
        _section(
            "2. Phí giao hàng",
            "Mỗi người bán đặt phí giao hàng cho phần đơn của mình (một mức phí cho mỗi phần đơn, có thể miễn phí từ một giá trị đơn nhất định). "
            "Giỏ hàng và bước thanh toán hiện phí của từng người bán trước khi bạn đặt hàng; không có phụ phí nào khác. Nhận tại chỗ thì không mất phí.",
        ),
        _section(
            "3. Phạm vi giao hàng",
            "Người bán chọn giao toàn quốc hoặc một số tỉnh, thành phố; địa chỉ ngoài phạm vi được báo ngay ở bước nhập địa chỉ. "
            "Thực phẩm tươi sống, hàng cần bảo quản lạnh (thịt dê, nem chua, thủy sản…) chỉ giao trong tỉnh của người bán hoặc nhận tại chỗ.",
        ),
        _section(
            "4. Thời gian và theo dõi",
            "Người bán xác nhận phần đơn trong 2 ngày làm việc. Hàng thường đến trong 1–3 ngày trong tỉnh và 3–7 ngày với tỉnh khác. "
            "Khi giao cho đơn vị vận chuyển, người bán nhập tên đơn vị và mã vận đơn; bạn theo dõi từng bước tại trang Đơn hàng của tôi và nhận email ở mỗi bước.",
        ),
        _section(
            "5. Khi nhận hàng",
            "Hãy kiểm tra tình trạng kiện hàng trước khi ký nhận; nếu hàng vỡ, hỏng hoặc thiếu, chụp ảnh và gửi yêu cầu trả hàng, hoàn tiền theo Chính sách đổi trả. "
            "Với thanh toán khi nhận hàng, bạn trả tiền cho người giao hàng đúng số tiền ghi trên đơn.",
        ),
    ]
)

PAYMENT = "".join(
    [
        "<p>Chợ HTX có ba cách thanh toán. Bước thanh toán chỉ hiện những cách mà mọi người bán trong giỏ hàng đều nhận.</p>",
        _section(
            "1. Thanh toán khi nhận hàng (COD)",
            "Bạn trả tiền mặt cho người giao hàng khi nhận. Tiền thuộc về người bán; phần đơn được ghi là đã thanh toán khi người bán xác nhận đã giao.",
        ),
        _section(
            "2. Chuyển khoản qua mã VietQR",
            "Sau khi đặt hàng, bạn thấy một mã QR cho mỗi người bán, mang đúng số tiền và nội dung <b>CHOHTX</b> kèm số phần đơn. Mở ứng dụng ngân hàng bất kỳ, quét mã (hoặc lưu ảnh mã rồi chọn ảnh trong ứng dụng) và chuyển. "
            "Tiền chuyển thẳng vào tài khoản của người bán; sàn không giữ tiền. Người bán xác nhận khi nhận được tiền.",
            "Hạn chuyển khoản: 72 giờ kể từ khi đặt hàng. Sau 24 giờ chưa nhận được tiền, sàn gửi email nhắc; sau 72 giờ phần đơn tự huỷ và hàng được trả lại kho.",
        ),
        _section(
            "3. Thẻ ngân hàng quốc tế",
            "Khi sàn bật phương thức này, bạn trả bằng thẻ Visa, Mastercard… trên trang thanh toán của Stripe; thông tin thẻ do Stripe xử lý, Chợ HTX không lưu số thẻ. "
            "Tiền do Liên minh nhận và trả cho người bán hằng tháng sau khi trừ hoa hồng, tiền hoàn và thuế khấu trừ (nếu có). "
            "Hạn thanh toán 24 giờ (nhắc sau 1 giờ); quá hạn, phần đơn tự huỷ. Phần đơn bị huỷ sau khi đã trả được hoàn tiền về thẻ.",
        ),
        _section(
            "4. Hóa đơn",
            "Mỗi người bán xuất hóa đơn điện tử cho phần hàng của mình. Cần hóa đơn công ty, hãy nhập tên công ty, mã số thuế và email ở bước xem lại đơn hàng.",
        ),
        _section(
            "5. An toàn",
            "Chỉ chuyển khoản theo mã QR hiện trên trang đơn hàng hoặc trong email của Chợ HTX. Sàn và người bán không bao giờ yêu cầu bạn chuyển tiền vào tài khoản khác qua tin nhắn hay điện thoại; "
            "gặp trường hợp như vậy, hãy báo qua trang Khiếu nại và phản ánh.",
        ),
    ]
)

COMPLAINTS_INTRO = (
    "<p>Gửi khiếu nại hoặc phản ánh về đơn hàng, sản phẩm, người bán hay một nội dung vi phạm trên sàn. Cán bộ Liên minh HTX tỉnh Ninh Bình tiếp nhận và giải quyết theo Quy chế hoạt động:</p>"
    + _list(
        f"<b>Đã tiếp nhận</b>: chúng tôi xác nhận đã nhận trong vòng {ACKNOWLEDGE_HOURS} giờ.",
        "<b>Đang xử lý</b>: chúng tôi xác minh với người bán, đơn vị vận chuyển hoặc hỏi thêm bạn.",
        f"<b>Đã trả lời</b>: bạn nhận câu trả lời trong {ANSWER_WORKING_DAYS} ngày làm việc; vụ việc cần xác minh thêm không quá {COMPLEX_WORKING_DAYS} ngày làm việc, và bạn được báo lý do.",
        f"<b>Đã đóng</b>: khi bạn đồng ý với câu trả lời, hoặc sau {REPLY_DAYS} ngày không phản hồi.",
    )
    + "<p>Về trả hàng, hoàn tiền của một đơn đã giao, hãy gửi yêu cầu ngay trên trang đơn hàng: người bán trả lời nhanh hơn. "
    f"Bạn cũng có thể gọi {OPERATOR['phone']} hoặc viết tới {OPERATOR['email']}.</p>"
)
