"""The shop front's quality bar, page by page, in Chromium at 360×740 and 1366×900.

The demo floor (``manage.py load_demo``) is built once for this module, and one pass through the
shop collects everything the tests below assert: a guest browses, buys once paying cash on delivery
and once by VietQR transfer, opens the order and looks it up; a cooperative's staff go through the
seller centre. Each page is checked where the visitor stands, at both widths:

- axe-core (shipped by ``axe-playwright-python``) reports no critical and no serious violation;
- at 360 px the page does not scroll sideways;
- the Vietnamese page has none of the English or Oscar leftovers in ``LEFTOVERS``;
- the same page in English (the language switcher's cookie; Wagtail pages under ``/en/``) shows no
  Vietnamese interface string (the Vietnamese msgids of ``locale/en``) outside product data.

Every test names the page, the width and the rule in its id (``test_axe[checkout-payment-360]``)
and its message lists the elements at fault. Pages that fail also leave a screenshot in
``var/test-results/quality/<page>-<width>.png``. A page the journey could not reach fails every
test of that page with the step that broke.
"""

import html
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.browser.conftest import RESULTS_DIR, _restore_serialized_contents

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = RESULTS_DIR / "quality"
WIDTHS = {"360": {"width": 360, "height": 740}, "1366": {"width": 1366, "height": 900}}
GUEST = {
    "email": "an@example.vn",
    "name": "Nguyễn Văn An",
    "street": "Số 5 đường Tràng An",
    "phone": "0912345678",
}

# Every page the bar applies to, in the order the journeys reach them.
SHOP_PAGES = [
    "home",
    "catalogue",
    "category",
    "search",
    "product",
    "storefront",
    "cooperatives",
    "basket",
    "checkout-gateway",
    "checkout-address",
    "checkout-payment",
    "checkout-preview-cod",
    "thank-you-cod",
    "order",
    "lookup",
    "lookup-result",
    "checkout-preview-vietqr",
    "thank-you-vietqr",
    "story",
    "legal",
    "not-found",
]
SELLER_PAGES = [
    "seller-overview",
    "seller-products",
    "seller-product-form",
    "seller-orders",
    "seller-order-detail",
    "seller-sales",
    "seller-profile",
    "seller-bank",
    "seller-staff",
    "seller-certificates",
    "seller-shipping",
    "seller-product-import",
    "seller-product-import-report",
    "seller-money",
    "seller-statement",
    "seller-history",
    "seller-qr",
    "seller-apply",
    "seller-messages",
    "seller-message-thread",
    "seller-returns",
    "seller-return-detail",
]
# After the sale, for the signed-in demo customer: an order with a return, the return form, the
# conversation with a cooperative about an order, and a question before buying.
AFTER_SALE_PAGES = ["order-after-sale", "return-form", "order-thread", "ask"]
PAGES = SHOP_PAGES + SELLER_PAGES + AFTER_SALE_PAGES
BUYER_PAGES = set(SHOP_PAGES) - {"story", "legal", "not-found"}

# English words and Oscar's literal translations that must not appear on a Vietnamese page.
# Matched case-sensitively as whole words, after folding every run of white space to one space.
LEFTOVERS = [
    "Total:",
    "Toggle Dropdown",
    "Toggle navigation",
    "Oops!",
    "Permalink",
    "UPC",
    "Thuế 0 ₫",
    "Bạn là ai?",
    "Phân bổ của",
    "Add to basket",
    "Add to wish list",
    "Basket",
    "Checkout",
    "Continue",
    "Proceed to checkout",
    "Product Description",
    "Product Information",
    "Availability",
    "In stock",
    "Out of stock",
    "Sort by",
    "Search",
    "Sign in",
    "Log in",
    "Login",
    "Register",
    "Your basket",
    "Order total",
    "Order summary",
    "Shipping",
    "Payment",
    "Quantity",
    "Remove",
    "Update",
    "Previous",
    "Next",
    "Page 1 of",
    "Recently viewed",
    "Write a review",
    "Reviews",
    "Welcome",
    "excl. tax",
    "incl. tax",
    "Price",
    "Description",
    "Wish List",
    "Account",
    "Logout",
    "Password",
    "Submit",
    "Warning",
    "Success",
    "Info",
    "Error",
    "Not found",
    "Server error",
    "There was an error",
    "Your order has been placed",
    "Thông tin khác",  # Oscar's "Other information"
    "Phí giao hàng tổng cộng",
    "Khung thời gian",
]
# Shown to shoppers only: stock-keeping codes are the sellers' business.
BUYER_LEFTOVERS = ["SKU", "Partner SKU"]

VIETNAMESE_LETTERS = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")

# The page's text as a visitor meets it: visible text outside form controls' option lists, the title,
# and what assistive technology reads from attributes.
PAGE_TEXT = """() => {
  const bits = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      const skipped = 'script, style, template, select, textarea, noscript';
      if (!parent || parent.closest(skipped)) return NodeFilter.FILTER_REJECT;
      if (!parent.checkVisibility({visibilityProperty: true})) {
        // visually hidden text for screen readers still counts
        if (!parent.closest('.visually-hidden, .sr-only')) return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    }
  });
  while (walker.nextNode()) bits.push(walker.currentNode.nodeValue);
  const named = '[aria-label], [title], [placeholder], img[alt], input[type=submit], input[type=button]';
  for (const el of document.querySelectorAll(named)) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      if (el.hasAttribute(name)) bits.push(el.getAttribute(name));
    }
    if (el.type === 'submit' || el.type === 'button') bits.push(el.value);
  }
  return bits;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
SUBMIT = """(form) => {
  const own = 'button[type=submit], input[type=submit], button:not([type])';
  const tied = form.id ? [...document.querySelectorAll(`[type=submit][form="${form.id}"]`)] : [];
  const buttons = [...form.querySelectorAll(own), ...tied].filter(b => !b.disabled && b.form === form);
  form.requestSubmit(buttons.find(b => b.checkVisibility()) || buttons[0] || null);
}"""


@dataclass
class Visit:
    url: str = ""
    error: str = ""
    axe: dict[str, list[str]] = field(default_factory=dict)
    overflow: int = 0
    texts: list[str] = field(default_factory=list)  # text nodes and read-out attributes

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


@dataclass
class Crawl:
    vi: dict[str, Visit] = field(default_factory=dict)
    en: dict[str, Visit] = field(default_factory=dict)
    data: str = ""  # the demo's data (products, cooperatives, pages, people): may stay Vietnamese in English

    @cached_property
    def names(self) -> list[str]:
        """Short stored values (names of products, cooperatives, banks, places), longest first: an
        interface sentence may quote them ("Transfer to <cooperative>")."""
        lines = {line for line in self.data.split("\n") if 2 <= len(line.split()) <= 15}
        return sorted(lines, key=len, reverse=True)


class StepFailed(Exception):
    pass


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def axe_problems(results: dict) -> list[str]:
    problems = []
    for violation in results["violations"]:
        if violation["impact"] not in ("critical", "serious"):
            continue
        nodes = violation["nodes"]
        where = "; ".join(
            f"{', '.join(map(str, node['target']))} {folded(node.get('html', ''))[:120]}"
            for node in nodes[:4]
        )
        more = f" (+{len(nodes) - 4} more)" if len(nodes) > 4 else ""
        problems.append(
            f"{violation['id']} ({violation['impact']}, {len(nodes)}×): {violation['help']} — {where}{more}"
        )
    return problems


class Journey:
    """Walks a browser context through the shop, checking each page it names."""

    def __init__(self, crawl: Crawl, context, language: str, axe) -> None:
        self.crawl, self.context, self.language, self.axe = crawl, context, language, axe
        self.page = context.new_page()
        self.broken = ""

    @property
    def visits(self) -> dict[str, Visit]:
        return self.crawl.vi if self.language == "vi" else self.crawl.en

    def goto(self, path: str):
        response = self.page.goto(path)
        self.page.wait_for_load_state("load")
        return response

    def visit(self, name: str, path: str | Callable[[], str] | None = None, *, status: int = 200) -> None:
        """Go to `path` (or stay where the last step led) and check the page there as `name`."""
        if self.broken:
            self.visits[name] = Visit(error=f"not reached: an earlier step failed: {self.broken}")
            return
        try:
            if callable(path):
                path = path()
            if path is not None:
                response = self.goto(path)
                if response is not None and response.status != status:
                    raise StepFailed(f"GET {path} answered {response.status}, expected {status}")
            self.visits[name] = self.check(name)
        except Exception as exc:
            error = f"{name}: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            self.visits[name] = Visit(url=self.page.url, error=error)
            if path is None:  # a page reached by the steps before: the journey stops here
                self.broken = error

    def step(self, description: str, action) -> None:
        if self.broken:
            return
        try:
            action()
        except Exception as exc:
            self.broken = (
                f"{description}: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            )

    def check(self, name: str) -> Visit:
        page = self.page
        visit = Visit(url=page.url)
        if self.language == "en":
            visit.texts = page.evaluate(PAGE_TEXT)
            return visit
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            if width == "360":
                visit.overflow = page.evaluate(OVERFLOW)
                visit.texts = page.evaluate(PAGE_TEXT)
            visit.axe[width] = axe_problems(self.axe.run(page).response)
            if visit.axe[width] or (width == "360" and visit.overflow > 0):
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png")
        page.set_viewport_size(WIDTHS["360"])
        return visit

    def submit(self, form_selector: str) -> None:
        """Submit the form with its own submit button (inside it or tied to it by `form=`)."""
        form = self.page.locator(form_selector).first
        with self.page.expect_navigation():
            form.evaluate(SUBMIT)


def new_context(browser, base_url: str, language: str, user=None):
    context = browser.new_context(
        base_url=base_url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=WIDTHS["360"]
    )
    context.set_default_timeout(20_000)
    context.set_default_navigation_timeout(90_000)  # first visits make the pictures' thumbnails
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        cookies.append(
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        )
    context.add_cookies(cookies)
    return context


def buy(journey: Journey, *, product_url: str, method: str, record: bool) -> None:
    """Put the product in the basket and go through every checkout step as a guest."""
    page = journey.page
    journey.step("open the product", lambda: journey.goto(product_url))
    journey.step("add to basket", lambda: journey.submit('form[action*="/basket/add/"]'))
    if record:
        journey.visit("basket", "/basket/")
    journey.step("open the checkout", lambda: journey.goto("/checkout/"))
    if record:
        journey.visit("checkout-gateway")

    def as_guest():
        if page.locator("[name=username]").count():
            page.locator("[name=username]").fill(GUEST["email"])
            page.locator("[name=options][value=anonymous]").check()
            journey.submit("form:has([name=username])")

    journey.step("continue as a guest", as_guest)
    if record:
        journey.visit("checkout-address")

    def address():
        page.locator("select[name=state]").select_option(label="Ninh Bình")
        page.wait_for_function(
            "() => [...document.querySelectorAll('select[name=line4] option')]"
            ".some(o => o.textContent.includes('Hoa Lư'))"
        )
        commune = page.locator("select[name=line4] option", has_text="Phường Hoa Lư").first.get_attribute(
            "value"
        )
        page.locator("select[name=line4]").select_option(commune)
        page.locator("[name=first_name]").fill(GUEST["name"])
        page.locator("[name=line1]").fill(GUEST["street"])
        page.locator("[name=phone_number]").fill(GUEST["phone"])
        journey.submit("form:has([name=first_name])")

    journey.step("fill the shipping address", address)
    if record:
        journey.visit("checkout-payment")

    def pay():
        page.locator(f"[name=payment_method][value={method}]").check()
        journey.submit("form:has([name=payment_method])")

    journey.step(f"choose {method}", pay)
    suffix = "cod" if method == "cod" else "vietqr"
    journey.visit(f"checkout-preview-{suffix}")

    def place():
        page.locator("[name=accept_terms]").check()
        journey.submit("form:has([name=accept_terms])")

    journey.step("place the order", place)
    journey.visit(f"thank-you-{suffix}")


def shop_journey(crawl: Crawl, browser, base_url: str, language: str, axe, sample: dict) -> None:
    context = new_context(browser, base_url, language)
    journey = Journey(crawl, context, language, axe)
    english = language == "en"
    journey.visit("home", sample["home_en"] if english else "/")
    for name in ("catalogue", "category", "search", "product", "storefront", "cooperatives"):
        journey.visit(name, sample[name])
    buy(journey, product_url=sample["product"], method="cod", record=True)
    journey.visit("order", sample["order_path"])
    journey.visit("lookup", "/orders/lookup/")

    def look_up():
        journey.page.locator("[name=number]").fill(sample["order_number"]())
        journey.page.locator("[name=contact]").fill(GUEST["email"])
        journey.submit("form:has([name=contact])")

    journey.step("look the order up", look_up)
    journey.visit("lookup-result")
    context.close()

    context = new_context(browser, base_url, language)
    journey = Journey(crawl, context, language, axe)
    buy(journey, product_url=sample["product"], method="vietqr", record=False)
    context.close()

    context = new_context(browser, base_url, language)
    journey = Journey(crawl, context, language, axe)
    for name in ("story", "legal"):
        if sample[f"{name}_{language}"]:
            journey.visit(name, sample[f"{name}_{language}"])
    journey.visit("not-found", "/khong-co-trang-nay/", status=404)
    context.close()


def seller_journey(crawl: Crawl, browser, base_url: str, language: str, axe, sample: dict) -> None:
    context = new_context(browser, base_url, language, user=sample["seller"])
    journey = Journey(crawl, context, language, axe)
    for name, path in sample["seller_pages"].items():
        journey.visit(name, path)
    context.close()
    context = new_context(browser, base_url, language)
    journey = Journey(crawl, context, language, axe)
    journey.visit("seller-apply", "/seller/apply/")
    context.close()


def checked_file(cooperative, seller):
    """A product file the demo cooperative uploaded: one good row and one with a wrong price. Its
    report is kept in the language it was checked in (data, like an order's note)."""
    from marketplace.product_import.services import product_import_check
    from tests.product_import.helpers import row, upload, xlsx

    data = xlsx([row("GS-MOI-1", title="Cơm cháy mắm hành 250 g"), row("GS-MOI-2", price="55k")])
    return product_import_check(partner=cooperative, by=seller, upload=upload(data))


def after_sale_journey(crawl: Crawl, browser, base_url: str, language: str, axe, sample: dict) -> None:
    after = sample["after_sale"]
    context = new_context(browser, base_url, language, user=after["customer"])
    journey = Journey(crawl, context, language, axe)
    for name in AFTER_SALE_PAGES:
        journey.visit(name, after[name])
    context.close()


def after_sale_sample(cooperative) -> dict:
    """The demo customer's delivered parts from `cooperative`: one with a return (refused, with the
    reason) and a conversation, one still open for a return; the seller pages of both."""
    from django.contrib.auth import get_user_model

    from marketplace.messaging import services as messaging
    from marketplace.order import services as orders
    from marketplace.order.models import SubOrder, SubOrderStatus
    from marketplace.returns import services as returns

    customer = get_user_model().objects.get(email="khachhang@chohtx.vn")
    mine = SubOrder.objects.filter(partner=cooperative, order__user=customer).order_by("pk")
    completed = mine.filter(status=SubOrderStatus.COMPLETED).first()
    shipped = mine.filter(status=SubOrderStatus.SHIPPED).first()
    orders.suborder_deliver(suborder_id=shipped.pk)
    line = completed.order.lines.filter(partner_id=cooperative.pk).first()
    ret = returns.return_request(
        suborder_id=completed.pk,
        quantities={line.pk: 1},
        reason="damaged",
        note="Gói cơm cháy bị bẹp, vỡ vụn một nửa.",
        refund_account={"bank": "Vietcombank", "number": "0011001932418", "holder": "NGUYEN THI LAN"},
        actor=customer,
    )
    conversation = messaging.conversation_for_suborder(suborder=completed)
    messaging.message_send(
        conversation_id=conversation.pk,
        side="buyer",
        body="Chào HTX, gói hàng bị bẹp. Số của tôi 0912 345 678, ảnh ở https://zalo.me/chohtx",
        author=customer,
    )
    messaging.message_send(conversation_id=conversation.pk, side="cooperative", body="Dạ, HTX xin lỗi bạn ạ.")
    product = line.product
    return {
        "customer": customer,
        "order-after-sale": f"/orders/{completed.order.number}/",
        "return-form": f"/orders/{shipped.order.number}/returns/{shipped.number}/new/",
        "order-thread": f"/messages/orders/{completed.order.number}/{completed.number}/",
        "ask": f"/messages/ask/{cooperative.pk}/?product={product.pk}",
        "seller_pages": {
            "seller-messages": "/seller/messages/",
            "seller-message-thread": f"/seller/messages/{conversation.pk}/",
            "seller-returns": "/seller/returns/",
            "seller-return-detail": f"/seller/returns/{ret.pk}/",
        },
    }


def demo_sample(base_url: str) -> dict:
    """The demo objects the journeys visit, taken from the database (not from any page's markup)."""
    from django.contrib.auth import get_user_model
    from oscar.core.loading import get_model
    from wagtail.models import Locale

    from cms.models.legal import LegalPage
    from cms.models.stories import StoryPage
    from marketplace.ledger.models import Statement
    from marketplace.order.models import SubOrder

    Order = get_model("order", "Order")
    Product = get_model("catalogue", "Product")
    Partner = get_model("partner", "Partner")
    seller = get_user_model().objects.get(email="gia-sinh@chohtx.vn")
    cooperative = Partner.objects.get(users=seller)
    assert cooperative.bank_bin and cooperative.bank_account_number, "the demo cooperative takes VietQR"
    product = (
        Product.objects.filter(
            stockrecords__partner=cooperative, stockrecords__num_in_stock__gt=5, is_public=True
        )
        .order_by("pk")
        .first()
    )
    category = product.get_categories().first()
    english = Locale.objects.get(language_code="en")

    def translated(page):
        version = page.get_translation_or_none(english) if page else None
        return version.url if version is not None and version.live else None

    story = StoryPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    legal = LegalPage.objects.live().filter(locale__language_code="vi").order_by("path").first()
    suborder = SubOrder.objects.filter(partner=cooperative).order_by("pk").first()
    checked = checked_file(cooperative, seller)
    statement = Statement.objects.filter(partner=cooperative).order_by("-month").first()
    latest = lambda: Order.objects.filter(guest_email=GUEST["email"]).latest("pk")  # noqa: E731
    after_sale = after_sale_sample(cooperative)
    return {
        "after_sale": after_sale,
        "home_en": "/en/",
        "catalogue": "/catalogue/",
        "category": category.get_absolute_url(),
        "search": "/search/?q=" + product.title.split()[0],
        "product": product.get_absolute_url(),
        "storefront": f"/cooperatives/{cooperative.code}/",
        "cooperatives": "/cooperatives/",
        "order_path": lambda: f"/orders/{latest().number}/",
        "order_number": lambda: latest().number,
        "story_vi": story.url if story else None,
        "story_en": translated(story),
        "legal_vi": legal.url if legal else None,
        "legal_en": translated(legal),
        "seller": seller,
        "seller_pages": {
            "seller-overview": "/seller/",
            "seller-products": "/seller/products/",
            "seller-product-form": f"/seller/products/{product.pk}/",
            "seller-orders": "/seller/orders/",
            "seller-order-detail": f"/seller/orders/{suborder.number}/",
            "seller-sales": "/seller/sales/",
            "seller-profile": "/seller/profile/",
            "seller-bank": "/seller/bank/",
            "seller-staff": "/seller/staff/",
            "seller-certificates": "/seller/certificates/",
            "seller-shipping": "/seller/shipping/",
            "seller-product-import": "/seller/products/import/",
            "seller-product-import-report": f"/seller/products/import/{checked.pk}/",
            "seller-money": "/seller/money/",
            "seller-statement": f"/seller/money/statements/{statement.pk}/",
            "seller-history": "/seller/history/",
            "seller-qr": "/seller/qr/",
            **after_sale["seller_pages"],
        },
        "data": [
            *settings.OPERATOR.values(),
            *GUEST.values(),
            "Phường Hoa Lư",
            "Ninh Bình",
            *(problem["message"] for problem in checked.problems),
            *(problem["column"] for problem in checked.problems),  # the file's own headings
        ],
    }


def data_corpus(extra: list[str]) -> str:
    """Every text the demo stored as data, folded, one per line: a text node of an English page that is
    part of it (a product's name or description, a story, a cooperative's details, a person's name) is
    content, not interface."""
    from django.apps import apps
    from django.core import serializers

    from marketplace.partner.banks import BANK_NAMES

    labels = (
        *("catalogue", "partner", "ocop", "cms", "wagtailcore", "address", "order", "users", "auth"),
        *("messaging", "wholesale", "preorders", "traceability"),  # messages and quotes people wrote
    )
    texts: list[str] = [str(value) for value in [*extra, *BANK_NAMES.values()] if value]

    def walk(value):
        if isinstance(value, str):
            if value[:1] in "[{":
                try:
                    walk(json.loads(value))
                    return
                except ValueError:
                    pass
            # one line per element of stored HTML, so a heading or a list item is a whole value
            texts.extend(html.unescape(part) for part in re.split(r"<[^>]+>", value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for model in apps.get_models():
        if model._meta.app_label in labels or model._meta.label.startswith(("cms.", "marketplace.")):
            if model._meta.app_label in ("order",) and model._meta.model_name in ("communicationevent",):
                continue
            try:
                rows = json.loads(serializers.serialize("json", model._default_manager.all()))
            except Exception:  # a model that cannot be serialised has nothing for us
                continue
            for row in rows:
                walk(row["fields"])
    return "\n" + "\n".join(folded(text).strip() for text in texts) + "\n"


@pytest.fixture(scope="module")
def quality(request, browser, django_db_blocker):
    """Builds the demo floor, walks the shop in Vietnamese and in English, and keeps what it saw.

    The live server is taken here (not as a test argument), so that only the first test of the module
    is a transactional test; the database is emptied when the module ends, and the next browser test
    gets back what the migrations made (see conftest). The test settings allow every host, so the live
    server's own settings need not be switched on here."""
    from axe_playwright_python.sync_playwright import Axe

    live_server = request.getfixturevalue("live_server")
    base_url = live_server.url
    crawl = Crawl()
    with django_db_blocker.unblock():
        _restore_serialized_contents()
        try:
            started = time.monotonic()
            call_command("load_demo", domain=base_url.split("//", 1)[1], verbosity=0)
            sample = demo_sample(base_url)
            crawl.data = data_corpus(sample["data"])
            built = time.monotonic()
            axe = Axe()
            for language in ("vi", "en"):
                shop_journey(crawl, browser, base_url, language, axe, sample)
                seller_journey(crawl, browser, base_url, language, axe, sample)
                after_sale_journey(crawl, browser, base_url, language, axe, sample)
            walked = time.monotonic() - built
            print(f"demo floor built in {built - started:.0f} s, shop walked in {walked:.0f} s")
            yield crawl
        finally:
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)


def test_journeys_reach_every_page(live_shop, quality):
    """Asks for the live server itself, so the test database is set up (with the data migrations
    made, for the browser tests after this module) even when this module runs alone."""
    broken = [
        f"{name} ({language}): {visits[name].error}"
        for language, visits in (("vi", quality.vi), ("en", quality.en))
        for name in PAGES
        if name in visits and visits[name].error
    ]
    missing = [name for name in PAGES if name not in quality.vi]
    assert not broken and not missing, "\n".join(broken + [f"{name}: never visited" for name in missing])


def reached(visits: dict[str, Visit], name: str) -> Visit:
    visit = visits.get(name)
    if visit is None:
        pytest.skip(f"{name}: the demo has no such page in this language")
    if visit.error:
        pytest.fail(f"{name}: {visit.error}", pytrace=False)
    return visit


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_axe(quality, name, width):
    """axe-core: no critical and no serious violation."""
    visit = reached(quality.vi, name)
    problems = visit.axe[width]
    assert not problems, f"{name} at {width} px ({visit.url}): axe-core found\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", PAGES)
def test_no_sideways_scroll_on_phone(quality, name):
    visit = reached(quality.vi, name)
    assert visit.overflow <= 0, f"{name} at 360 px ({visit.url}) is {visit.overflow} px wider than the screen"


def leftovers_in(text: str, words: list[str]) -> list[str]:
    text = folded(text)
    return [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


@pytest.mark.parametrize("name", PAGES)
def test_vietnamese_page_has_no_english_or_oscar_leftovers(quality, name):
    visit = reached(quality.vi, name)
    words = LEFTOVERS + (BUYER_LEFTOVERS if name in BUYER_PAGES else [])
    found = leftovers_in(visit.text, words)
    assert not found, f"{name} ({visit.url}) in Vietnamese still shows: {found}"


def vietnamese_interface_strings() -> list[str]:
    """The project's interface strings (msgids are Vietnamese) that English translates: each
    placeholder-free fragment of two words or more that has Vietnamese letters."""
    with open(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po", "rb") as po:
        catalog = read_po(po)
    fragments = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or not any(strings) or strings[0] == ids[0]:
            continue
        for msgid in ids:
            for fragment in PLACEHOLDER.split(msgid):
                fragment = folded(fragment).strip(" .,:;!?()«»\"'-–·|")
                if len(fragment.split()) >= 2 and VIETNAMESE_LETTERS.search(fragment):
                    fragments.add(fragment)
    return sorted(fragments, key=len, reverse=True)


@pytest.fixture(scope="module")
def interface_strings():
    return vietnamese_interface_strings()


def is_data(text: str, data: str) -> bool:
    """A short text is data when it is a whole stored value (a name); a longer one when it is part of
    one (a paragraph of a description or a story)."""
    if len(text.split()) < 4:
        return f"\n{text}\n" in data
    if text.endswith(("…", "...")):  # cut short by the template: the part shown is data
        text = text.rstrip(".… ")
    return text in data


def vietnamese_in_english(visit: Visit, crawl: Crawl, interface_strings: list[str]) -> list[str]:
    found = []
    for text in visit.texts:
        text = folded(text).strip()
        if not text or not VIETNAMESE_LETTERS.search(text) or is_data(text, crawl.data):
            continue  # no Vietnamese, or the demo's own data (names, descriptions, stories)
        for name in crawl.names:
            if name in text:
                text = text.replace(name, "·")
        fragment = next((fragment for fragment in interface_strings if fragment in text), None)
        if fragment is not None:
            found.append(f"{fragment!r} in {text[:80]!r}")
    return found


@pytest.mark.parametrize("name", PAGES)
def test_english_page_has_no_vietnamese_interface_strings(quality, interface_strings, name):
    visit = reached(quality.en, name)
    found = vietnamese_in_english(visit, quality, interface_strings)
    assert not found, f"{name} in English ({visit.url}) still shows Vietnamese:\n  " + "\n  ".join(found[:20])
