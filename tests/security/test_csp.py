"""Content-Security-Policy on every page, and editor-entered links limited to http(s) and this site."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from cms.home_blocks import HeroBlock
from cms.models import OperatorSettings


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/catalogue/", "/search/?q=com", "/accounts/login/", "/orders/lookup/"])
def test_shop_pages_allow_scripts_only_from_the_site_stripe_and_the_nonce(client, home, url):  # noqa: F811
    response = client.get(url)
    rules = policy(response)
    assert "'unsafe-inline'" not in rules["script-src"] and "'unsafe-eval'" not in rules["script-src"]
    assert "'self'" in rules["script-src"] and "https://js.stripe.com" in rules["script-src"]
    assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'self'"]
    assert rules["frame-ancestors"] == ["'self'"]
    # Shop pages have no inline script left; any that comes back must carry this response's nonce.
    nonce = next(v for v in rules["script-src"] if v.startswith("'nonce-"))[7:-1]
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.content.decode())
    assert all(f'nonce="{nonce}"' in attrs for attrs in inline if "ld+json" not in attrs)


@pytest.mark.django_db
def test_the_policy_lets_stripes_payment_element_load_talk_and_frame(client, home):  # noqa: F811
    rules = policy(client.get("/"))
    assert "https://js.stripe.com" in rules["frame-src"] and "https://hooks.stripe.com" in rules["frame-src"]
    assert "https://api.stripe.com" in rules["connect-src"]


@pytest.mark.django_db
def test_each_response_has_its_own_nonce(client, home):  # noqa: F811
    first, second = policy(client.get("/"))["script-src"], policy(client.get("/"))["script-src"]
    assert first != second


@pytest.mark.django_db
def test_wagtail_admin_gets_the_back_office_policy(client, editor):  # noqa: F811
    client.force_login(editor)
    response = client.get("/cms-admin/")
    assert response.status_code == 200
    rules = policy(response)
    assert rules["default-src"] == ["'self'"] and rules["connect-src"] == ["'self'"]
    assert rules["form-action"] == ["'self'"] and rules["object-src"] == ["'none'"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "ftp://example.vn/file",
        "mailto:a@example.vn",
        "https://",
    ],
)
def test_the_home_hero_button_refuses_anything_but_web_and_site_addresses(url):
    block = HeroBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Chợ HTX", "cta_label": "Mua ngay", "cta_url": url}))
    assert "Chỉ nhập địa chỉ web bắt đầu bằng https://" in str(error.value.block_errors["cta_url"])


@pytest.mark.parametrize(
    "url", ["/catalogue/", "/stories/?tag=ocop", "#san-pham", "https://chohtx.vn/a?b=1", ""]
)
def test_the_home_hero_button_takes_site_paths_and_web_addresses(url):
    block = HeroBlock()
    value = block.clean(block.to_python({"title": "Chợ HTX", "cta_label": "Mua ngay", "cta_url": url}))
    assert value["cta_url"] == url


@pytest.mark.django_db
def test_the_ministry_record_link_must_be_a_web_address(home):  # noqa: F811
    from wagtail.models import Site

    settings = OperatorSettings.for_site(Site.objects.get(is_default_site=True))
    settings.moit_record_url = "ftp://online.gov.vn/record"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "moit_record_url" in error.value.message_dict
