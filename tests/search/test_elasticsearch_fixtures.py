"""The Elasticsearch backend's parsing, against response bodies published by Elastic or captured
from a server (fixtures/README.md names the source of each and what was renamed)."""

import copy
import json
import logging
from pathlib import Path

import pytest

from search.backends import elasticsearch as es
from search.query import FACETS, SearchQuery

from .fake_elasticsearch import FakeElasticsearch

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def aggregation(name: str) -> dict:
    """The one aggregation body in a published `{"aggregations": {name: body}}` fixture."""
    (body,) = fixture(name)["aggregations"].values()
    return body


def wrapped_in_filter(facet: str, inner: dict) -> dict:
    """Our nesting, built from published pieces: the filter aggregation's object (`doc_count`
    and one named sub-aggregation) with its sub-aggregation replaced by `inner`."""
    outer = copy.deepcopy(aggregation("filter_aggregation.json"))
    sub_names = [key for key in outer if key != "doc_count"]
    assert sub_names == ["avg_price"]  # the published shape: doc_count + one sub-aggregation
    del outer["avg_price"]
    outer[facet] = inner
    return outer


def facets_response() -> dict:
    body = fixture("search_response.json")
    terms = aggregation("terms_aggregation.json")
    numeric = aggregation("terms_aggregation_numeric.json")
    single_bucket = {"doc_count": aggregation("filter_aggregation.json")["doc_count"]}
    body["aggregations"] = {
        "group": wrapped_in_filter("group", numeric),
        "subgroup": wrapped_in_filter("subgroup", numeric),
        "area": wrapped_in_filter("area", terms),
        "coop": wrapped_in_filter("coop", numeric),
        "stars": wrapped_in_filter("stars", numeric),
        "price": wrapped_in_filter("price", aggregation("range_aggregation.json")),
        "stock": wrapped_in_filter("stock", single_bucket),
    }
    return body


@pytest.fixture(autouse=True)
def fresh_client():
    es.reset()
    yield
    es.reset()


def test_the_published_search_response_gives_ids_and_total():
    results = es.parse_response(fixture("search_response.json"))
    assert results.ids == [12]
    assert results.total == 20  # hits.total.value, not the length of this page
    assert results.facets == {}
    assert results.backend == "elasticsearch"


def test_facet_counts_from_published_aggregation_bodies():
    results = es.parse_response(facets_response())
    counts = {name: [(f.value, f.count) for f in values] for name, values in results.facets.items()}
    assert list(counts) == list(FACETS)
    assert counts["area"] == [("ninh_binh", 6), ("nam_dinh", 3), ("ha_nam", 2)]
    # numeric keys (integer fields) arrive as JSON numbers and become the URL's strings
    assert counts["stars"] == [("4", 6), ("5", 3), ("3", 2)]
    assert counts["group"] == counts["subgroup"] == counts["coop"] == counts["stars"]
    # range buckets: our custom keys, empty bands left out
    assert counts["price"] == [("0-50000", 2), ("50000-100000", 2), ("500000-", 3)]
    assert counts["stock"] == [("1", 3)]


def test_results_page_parses_the_published_body_from_the_wire(client, settings, floor):
    body = fixture("search_response.json")
    body["hits"]["hits"][0]["_id"] = str(floor["products"]["trong_dong"].pk)
    with FakeElasticsearch(search_response=body) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        page = client.get("/search/?q=com+chay").content.decode()
    assert "Trống đồng mini" in page  # what Elasticsearch answered, not what the database would
    assert "Cơm cháy chà bông" not in page


def test_suggestions_parse_the_published_body(settings, floor):
    body = fixture("search_response.json")
    body["hits"]["hits"][0]["_id"] = str(floor["products"]["nuoc_mam"].pk)
    with FakeElasticsearch(search_response=body) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        assert es.suggest_product_ids("nuoc ma", limit=5) == [floor["products"]["nuoc_mam"].pk]


@pytest.mark.parametrize(
    ("name", "status", "error_type"),
    [
        ("error_index_not_found.json", 404, "index_not_found_exception"),
        ("error_search_phase_execution.json", 400, "search_phase_execution_exception"),
    ],
)
def test_an_error_answer_falls_back_to_the_database(
    client, settings, floor, caplog, name, status, error_type
):
    error = fixture(name)
    assert error["status"] == status and error["error"]["type"] == error_type
    with FakeElasticsearch(search_response=error, search_status=status) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        with caplog.at_level(logging.WARNING, logger="search"):
            response = client.get("/search/?q=com+chay")
        assert fake.calls()[0][1].endswith("/_search")
    assert response.status_code == 200
    assert "Cơm cháy chà bông" in response.content.decode()
    assert "Elasticsearch unavailable, searching the database instead" in caplog.text
    assert error_type in caplog.text  # the client read the published body's error type


def test_an_error_answer_raises_search_unavailable(settings):
    with FakeElasticsearch(search_response=fixture("error_index_not_found.json"), search_status=404) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        with pytest.raises(es.SearchUnavailable, match="no such index"):
            es.search(SearchQuery(text="com chay"))
