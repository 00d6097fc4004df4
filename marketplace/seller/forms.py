"""Forms of the seller centre and the application: few fields, Vietnamese messages, content-checked files."""

from datetime import date

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.core.phones import normalise_phone
from marketplace.geo import NINH_BINH_CODE
from marketplace.geo.forms import CommuneField, ProvinceField, TwoLevelAddressMixin
from marketplace.legal import selectors as legal_selectors
from marketplace.legal.forms import consent_fields_add
from marketplace.ocop.groups import ocop_group_choices
from marketplace.ocop.models import Certificate, Stars
from marketplace.partner.banks import BANKS
from marketplace.partner.models import Area, Kind

from .uploads import process_photo, validate_document

Category = get_model("catalogue", "Category")
User = get_user_model()

PHOTO_WIDGET = forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"})
DOCUMENT_WIDGET = forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"})


def _phone(value: str) -> str:
    if not value:
        return ""
    try:
        return normalise_phone(value)
    except ValueError:
        raise forms.ValidationError(_("Số điện thoại không đúng (ví dụ: 0912 345 678)."))


class VNDField(forms.IntegerField):
    """A price in đồng; people type 55.000, 55,000 or 55000 đ — all mean 55000."""

    default_error_messages = {"invalid": _("Nhập giá bằng số, ví dụ 55000.")}

    def to_python(self, value):
        if isinstance(value, str):
            value = (
                value.strip().lower().rstrip("₫đd").strip().replace(".", "").replace(",", "").replace(" ", "")
            )
        return super().to_python(value)


class PhotoField(forms.FileField):
    """An image from the phone's camera, resized and re-encoded on the server."""

    widget = PHOTO_WIDGET

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial and hasattr(upload, "size"):
            return process_photo(upload)
        return None


class DocumentField(forms.FileField):
    widget = DOCUMENT_WIDGET

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and hasattr(upload, "size"):
            return validate_document(upload)
        return upload


class AccountForm(forms.Form):
    """For applicants who have no account yet."""

    account_email = forms.EmailField(label=_("Email đăng nhập của bạn"))
    account_name = forms.CharField(label=_("Họ và tên của bạn"), max_length=150)
    password1 = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput)

    def clean_account_email(self):
        email = self.cleaned_data["account_email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Email này đã có tài khoản. Vui lòng đăng nhập rồi nộp hồ sơ."))
        return email

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Hai mật khẩu không giống nhau."))
        elif data.get("password1"):
            try:
                password_validation.validate_password(data["password1"])
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class CooperativeAddressMixin(TwoLevelAddressMixin):
    """Province (default the new Ninh Bình) and a commune of it; cleaned to `province` (name),
    `commune` (full official name) and `commune_code` (five digits), as stored on Partner."""

    def clean(self):
        data = super().clean()
        commune = self.clean_address()
        if commune is not None:
            data["commune"], data["commune_code"] = commune.name, commune.code
        return data


class ApplicationForm(CooperativeAddressMixin, forms.Form):
    name = forms.CharField(label=_("Tên đầy đủ theo giấy đăng ký"), max_length=128)
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=64, required=False)
    kind = forms.ChoiceField(label=_("Loại hình"), choices=Kind.choices, initial=Kind.COOPERATIVE)
    registration_number = forms.CharField(label=_("Số giấy chứng nhận đăng ký"), max_length=64)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=14)
    legal_representative = forms.CharField(label=_("Người đại diện theo pháp luật"), max_length=128)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20)
    email = forms.EmailField(label=_("Email của hợp tác xã"), required=False)
    area = forms.ChoiceField(label=_("Vùng (tỉnh cũ)"), choices=Area.choices)
    province = ProvinceField(initial=NINH_BINH_CODE)
    commune = CommuneField()
    street = forms.CharField(label=_("Thôn, xóm, số nhà, đường"), max_length=255, required=False)
    document = DocumentField(
        label=_("Ảnh chụp hoặc tệp PDF giấy chứng nhận đăng ký"),
        help_text=_("Ảnh hoặc PDF, tối đa 10 MB."),
    )
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để Liên minh HTX tỉnh Ninh Bình xử lý dữ liệu cá nhân trong hồ sơ này "
            "để xét duyệt và vận hành gian hàng."
        ),
        required=True,
        initial=False,
        error_messages={"required": _("Bạn cần đồng ý xử lý dữ liệu cá nhân để nộp hồ sơ.")},
    )
    asks_regulations = True  # the applicant accepts the operating regulations in force

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_address()
        self.versions = legal_selectors.versions_in_force(legal_selectors.ASKED_AGAIN)
        if self.asks_regulations:
            consent_fields_add(
                self, self.versions, required=str(_("Hãy đọc và đồng ý với Quy chế hoạt động để nộp hồ sơ."))
            )

    def clean_phone(self):
        return _phone(self.cleaned_data["phone"])

    def clean_tax_code(self):
        value = self.cleaned_data["tax_code"].replace(" ", "")
        digits = value.replace("-", "")
        if not digits.isdigit() or len(digits) not in (10, 13):
            raise forms.ValidationError(_("Mã số thuế gồm 10 hoặc 13 chữ số."))
        return value


class PaperApplicationForm(ApplicationForm):
    """The application as alliance staff copy it from paper: the signed consent is on the paper."""

    asks_regulations = False

    document = DocumentField(
        label=_("Ảnh chụp hồ sơ giấy hoặc giấy chứng nhận đăng ký"),
        help_text=_("Ảnh hoặc PDF, tối đa 10 MB."),
    )
    consent = forms.BooleanField(
        label=_("Hợp tác xã đã ký đồng ý xử lý dữ liệu cá nhân trên hồ sơ giấy."),
        required=True,
        error_messages={"required": _("Hãy xem chữ ký đồng ý trên hồ sơ giấy trước khi nhập.")},
    )


def _category_choices():
    return Category.objects.filter(numchild=0).order_by("path")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} · {obj.name}" if obj.code else obj.name


class ProductForm(forms.Form):
    title = forms.CharField(label=_("Tên sản phẩm"), max_length=255)
    price = VNDField(label=_("Giá bán (đồng)"), min_value=1000, max_value=1_000_000_000)
    stock = forms.IntegerField(
        label=_("Số lượng còn"),
        min_value=0,
        max_value=1_000_000,
        error_messages={"invalid": _("Nhập số lượng bằng số, ví dụ 20.")},
    )
    # What the edit form showed: the stock and price change by what the person changed, so a sale
    # made while the form was open is not undone.
    stock_shown = forms.IntegerField(required=False, widget=forms.HiddenInput)
    price_shown = forms.IntegerField(required=False, widget=forms.HiddenInput)
    weight_grams = forms.IntegerField(
        label=_("Khối lượng (gam)"),
        min_value=1,
        required=False,
        error_messages={"invalid": _("Nhập khối lượng bằng số gam, ví dụ 250.")},
    )
    category = CategoryChoiceField(label=_("Nhóm OCOP"), queryset=Category.objects.none(), required=False)
    certificate: "forms.ModelChoiceField[Certificate]" = forms.ModelChoiceField(
        label=_("Giấy chứng nhận OCOP"), queryset=None, required=False, empty_label=_("Không có")
    )
    photo = PhotoField(
        label=_("Ảnh sản phẩm"), required=False, help_text=_("Chụp bằng điện thoại cũng được.")
    )
    description = forms.CharField(label=_("Mô tả"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _category_choices()
        self.fields["certificate"].queryset = scope.certificates().exclude(status="rejected")
        for name in ("price", "stock", "weight_grams"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"


class CertificateForm(forms.Form):
    stars = forms.TypedChoiceField(
        label=_("Hạng sao"), choices=Stars.choices, coerce=int, widget=forms.RadioSelect
    )
    group_code = forms.ChoiceField(label=_("Nhóm/phân nhóm OCOP"), choices=())
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=64)
    signed_on = forms.DateField(label=_("Ngày ký"), widget=forms.DateInput(attrs={"type": "date"}))
    issuer = forms.CharField(label=_("Cơ quan cấp"), max_length=255, initial="UBND tỉnh Ninh Bình")
    scan = DocumentField(label=_("Ảnh chụp hoặc PDF giấy chứng nhận"))
    products: "forms.ModelMultipleChoiceField[Product]" = forms.ModelMultipleChoiceField(
        label=_("Sản phẩm được chứng nhận"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["products"].queryset = scope.products()
        self.fields["group_code"].choices = ocop_group_choices()

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > date.today():
            raise forms.ValidationError(_("Ngày ký không thể ở tương lai."))
        return signed_on


class ProfileForm(CooperativeAddressMixin, forms.Form):
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=64, required=False)
    legal_representative = forms.CharField(label=_("Người đại diện theo pháp luật"), max_length=128)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20)
    email = forms.EmailField(label=_("Email"), required=False)
    province = ProvinceField(initial=NINH_BINH_CODE)
    commune = CommuneField()
    street = forms.CharField(label=_("Thôn, xóm, số nhà, đường"), max_length=255, required=False)
    founded = forms.IntegerField(label=_("Năm thành lập"), min_value=1945, max_value=2100, required=False)
    members = forms.IntegerField(label=_("Số thành viên"), min_value=1, required=False)
    story = forms.CharField(
        label=_("Câu chuyện của hợp tác xã"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    logo = PhotoField(label=_("Logo"), required=False)
    cover = PhotoField(label=_("Ảnh bìa"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_address()

    def clean_phone(self):
        return _phone(self.cleaned_data["phone"])


class BankForm(forms.Form):
    bank_bin = forms.ChoiceField(label=_("Ngân hàng"), choices=[("", "—"), *BANKS])
    bank_account_number = forms.RegexField(
        label=_("Số tài khoản"),
        regex=r"^[0-9]{6,19}$",
        error_messages={"invalid": _("Số tài khoản gồm 6 đến 19 chữ số.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    bank_account_holder = forms.CharField(label=_("Chủ tài khoản"), max_length=128)

    def clean_bank_account_holder(self):
        return self.cleaned_data["bank_account_holder"].strip().upper()


class PasswordConfirmForm(forms.Form):
    """The signed-in person types their password again before a sensitive change."""

    password = forms.CharField(
        label=_("Mật khẩu của bạn"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Nhập lại mật khẩu đăng nhập để xác nhận."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.user is None or not self.user.check_password(password):
            raise forms.ValidationError(_("Mật khẩu không đúng."))
        return password


class BankChangeForm(BankForm, PasswordConfirmForm):
    """The owner's bank-account form: the new account, and their password."""

    field_order = ["bank_bin", "bank_account_number", "bank_account_holder", "password"]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email người được mời"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
