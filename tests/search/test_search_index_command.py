"""`manage.py search_index --rebuild`: progress bar, summary, and the Elasticsearch alias swap."""

import io

import pytest
from django.core.management import CommandError, call_command

from search.backends import elasticsearch as es
from search.mappings import ALIAS
from search.models import ProductIndex

from .fake_elasticsearch import FakeElasticsearch


def run(*args) -> str:
    out = io.StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_of_the_database_index(floor):
    ProductIndex.objects.all().delete()
    output = run("--rebuild")
    assert "[##############################] 7/7" in output
    assert "Đã lập chỉ mục 6 sản phẩm" in output
    assert ProductIndex.objects.count() == 6


def test_rebuild_needs_the_flag(db):
    with pytest.raises(CommandError, match="--rebuild"):
        run()


def test_rebuild_with_elasticsearch_swaps_the_alias(floor, settings):
    es.reset()
    with FakeElasticsearch(alias_on=["chohtx-products-v1-20250101000000"]) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        output = run("--rebuild")
    es.reset()
    assert "6/6" in output
    assert f"bí danh {ALIAS} đã chuyển sang chỉ mục mới" in output
    assert "Đã xoá chỉ mục cũ: chohtx-products-v1-20250101000000" in output
    methods = [call for call in fake.calls() if "_bulk" not in call[1]]
    assert methods[0][0] == "PUT" and methods[0][1].startswith(f"/{ALIAS}-v1-")
    assert ("POST", "/_aliases") in methods


def test_rebuild_reports_an_unreachable_elasticsearch(floor, settings):
    es.reset()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="Không lập được chỉ mục Elasticsearch"):
        run("--rebuild")
    es.reset()
