"""No input gets a server error: arbitrary text in every GET parameter the public pages read and in
every public form answers with a page or a clear refusal (4xx), never a 5xx.

Property-based (Hypothesis), bounded: a fixed number of examples per page, no deadline.
"""

from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.models import ComplaintField, ComplaintsPage, PollChoice, PollPage
from search.query import FACETS
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_page, add_story

# Values that have broken parsers before, mixed with arbitrary text.
TRICKY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "١٢",
    "-1",
    "0",
    "1e9",
    "99999999999999999999999",
    "9" * 5000,
    "NaN",
    "' OR 1=1 --",
    "%",
    "%00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "Đ" * 300,
    "\ud7ff",
    "\u202e",
]
TEXT = st.one_of(
    st.sampled_from(TRICKY), st.sampled_from(TRICKY), st.text(max_size=40), st.integers().map(str)
)
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,  # nothing written to .hypothesis/: every run tries the same examples
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

LIST_PARAMS = ["q", "sort_by", "page", *FACETS]
GET_PAGES = {
    "/": ["q", "sort_by"],
    "/search/": LIST_PARAMS,
    "/catalogue/": LIST_PARAMS,
    "{category}": LIST_PARAMS,
    "/search/suggest/": ["q"],
    "/geo/communes/": ["province"],
    "/cooperatives/": ["area", "commune", "stars", "group"],
    "{cooperative}": ["page"],
    "/stories/": ["tag", "page"],
    "{product}": ["q"],
    "/accounts/login/": ["next"],
    "/orders/lookup/": ["number"],
    "/basket/": ["q"],
}


@pytest.fixture
def floor(home, story_index):  # noqa: F811
    cooperative = CooperativeFactory(name="HTX Kiểm thử")
    product = make_product(cooperative, title="Cơm cháy chà bông 200 g", price=45000, stock=20)
    make_product(cooperative, title="Mắm tép 500 g", price=80000, stock=0)
    add_story(story_index, title="Cơm cháy Ninh Bình", slug="com-chay")
    poll = PollPage(title="Bình chọn", slug="binh-chon")
    poll.form_fields = [PollChoice(label="Chọn", field_type="radio", required=True, choices="Có\nKhông")]
    add_page(home, poll)
    complaints = ComplaintsPage(title="Khiếu nại", slug="khieu-nai", to_address="kn@example.vn")
    complaints.form_fields = [
        ComplaintField(label="Họ và tên", field_type="singleline", required=True),
        ComplaintField(label="Số điện thoại", field_type="singleline", required=True),
        ComplaintField(label="Nội dung", field_type="multiline", required=True),
    ]
    add_page(home, complaints)
    category = product.categories.first()
    return {
        "{category}": category.get_absolute_url() if category else "/catalogue/",
        "{cooperative}": f"/cooperatives/{cooperative.code}/",
        "{product}": product.get_absolute_url(),
        "product": product,
    }


def _fresh():
    """Rate limits and sign-in lock-outs would answer 429 before the form is read: reset them."""
    cache.clear()
    AccessAttempt.objects.all().delete()


def _assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what} -> {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("page", list(GET_PAGES))
def test_arbitrary_query_parameters_never_cause_a_server_error(client, floor, page):
    url = floor.get(page, page)
    names = GET_PAGES[page]

    @EXAMPLES
    @given(params=st.dictionaries(st.sampled_from(names), st.lists(TEXT, min_size=1, max_size=3), min_size=1))
    def check(params):
        query = urlencode(params, doseq=True)
        _assert_no_server_error(client.get(f"{url}?{query}"), f"GET {url}?{query}")

    check()


def _form(fields):
    return st.fixed_dictionaries(dict.fromkeys(fields, TEXT))


APPLICATION_FIELDS = [
    "name", "short_name", "kind", "registration_number", "tax_code", "legal_representative", "phone",
    "email", "area", "province", "commune", "street", "consent", "account-account_email",
    "account-account_name", "account-password1", "account-password2",
]  # fmt: skip
FORMS = {
    "/orders/lookup/": ["number", "contact"],
    "/accounts/login/#login": ["login-username", "login-password", "login_submit"],
    "/accounts/login/#register": [
        "registration-email",
        "registration-password1",
        "registration-password2",
        "registration_submit",
    ],  # fmt: skip
    "/password-reset/": ["email"],
    "/seller/apply/": APPLICATION_FIELDS,
    "/binh-chon/": ["chon"],
    "/khieu-nai/": ["ho_va_ten", "so_ien_thoai", "noi_dung"],
    "/basket/add/{pk}/": ["quantity"],
    "/accounts/alerts/create/{pk}/": ["email"],
    "/checkout/": ["username", "options", "password"],
    "/dashboard/login/": ["username", "password"],
    "/cms-admin/login/": ["username", "password"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("form", list(FORMS))
def test_arbitrary_form_input_never_causes_a_server_error(client, floor, form):
    url = form.split("#")[0].format(pk=floor["product"].pk)

    @EXAMPLES
    @given(data=_form(FORMS[form]))
    def check(data):
        _fresh()
        _assert_no_server_error(client.post(url, data), f"POST {url} {data!r}")

    check()


# --- The server errors found, one by one (each failed before its fix) ----------------
@pytest.mark.django_db
@pytest.mark.parametrize("province", ["9" * 5000, "²", "١٢", "37\x00"])
def test_commune_list_answers_404_for_a_malformed_province(client, province):
    response = client.get("/geo/communes/", {"province": province})
    assert response.status_code == 404
    assert response.json() == {"error": "Không tìm thấy tỉnh/thành phố này."}


@pytest.mark.django_db
def test_commune_list_still_takes_short_codes(client):
    assert client.get("/geo/communes/", {"province": "37"}).status_code == 200


@pytest.mark.django_db
def test_application_with_a_huge_province_number_is_refused_not_crashed(client):
    from tests.helpers.seller import apply

    response = apply(client, province="9" * 5000)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"commune": "\x00"}, {"group": "a\x00"}, {"commune": "x" * 5000}])
def test_cooperative_filters_ignore_control_characters(client, floor, params):
    response = client.get("/cooperatives/", params)
    assert response.status_code == 200 and "HTX Kiểm thử" in response.content.decode()


@pytest.mark.django_db
def test_story_tag_with_a_nul_is_ignored(client, floor):
    response = client.get("/stories/", {"tag": "com\x00chay"})
    assert response.status_code == 200 and "Cơm cháy Ninh Bình" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/search/", "/catalogue/"])
@pytest.mark.parametrize("page", ["99999999999999999999999", "9" * 5000, "²"])
def test_product_lists_answer_404_for_impossible_page_numbers(client, floor, url, page):
    assert client.get(url, {"page": page}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data", [{"number": "1\x00", "contact": "a@example.vn"}, {"number": "1", "contact": "\x00"}]
)
def test_guest_order_lookup_with_a_nul_finds_nothing(client, data):
    response = client.post("/orders/lookup/", data)
    assert response.status_code == 200
    assert "Không tìm thấy đơn hàng" in response.content.decode()
