"""The Elasticsearch backend: request bodies and mappings as JSON, parsing of real response
bodies, the fallback to the database, and index writes checked at the HTTP request level."""

import json
import logging
import socket
import time

import pytest

from search import services
from search.backends import elasticsearch as es
from search.mappings import ALIAS, MAPPING_VERSION, index_body
from search.query import SearchQuery

from .fake_elasticsearch import FakeElasticsearch

# Hand-written in the shape of an Elasticsearch 8 answer to `request_body(SearchQuery(text="com chay"))`;
# bodies published by Elastic (or captured from a server) are in fixtures/, tested in
# test_elasticsearch_fixtures.py.
SEARCH_RESPONSE = {
    "took": 4,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "max_score": None,
        "hits": [
            {
                "_index": "chohtx-products-v1-20261128010000",
                "_id": "12",
                "_score": 7.31,
                "sort": [7.31, 1764291600000],
            },
            {
                "_index": "chohtx-products-v1-20261128010000",
                "_id": "9",
                "_score": 2.05,
                "sort": [2.05, 1764288000000],
            },
        ],
    },
    "aggregations": {
        "group": {
            "doc_count": 2,
            "group": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": 1, "doc_count": 2}],
            },
        },
        "subgroup": {
            "doc_count": 2,
            "subgroup": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": 2, "doc_count": 2}],
            },
        },
        "area": {
            "doc_count": 2,
            "area": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": "ninh_binh", "doc_count": 1}, {"key": "ha_nam", "doc_count": 1}],
            },
        },
        "coop": {
            "doc_count": 2,
            "coop": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": 4, "doc_count": 1}, {"key": 7, "doc_count": 1}],
            },
        },
        "stars": {
            "doc_count": 2,
            "stars": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": 4, "doc_count": 1}],
            },
        },
        "price": {
            "doc_count": 2,
            "price": {
                "buckets": [
                    {"key": "0-50000", "to": 50000.0, "doc_count": 2},
                    {"key": "50000-100000", "from": 50000.0, "to": 100000.0, "doc_count": 0},
                    {"key": "100000-200000", "from": 100000.0, "to": 200000.0, "doc_count": 0},
                    {"key": "200000-500000", "from": 200000.0, "to": 500000.0, "doc_count": 0},
                    {"key": "500000-", "from": 500000.0, "doc_count": 0},
                ]
            },
        },
        "stock": {"doc_count": 2, "stock": {"doc_count": 1}},
    },
}


@pytest.fixture(autouse=True)
def fresh_client():
    es.reset()
    yield
    es.reset()


def test_index_settings_and_mappings_are_versioned_in_code():
    body = index_body()
    assert MAPPING_VERSION == 1
    assert body["settings"]["analysis"] == {
        "analyzer": {
            "vi_exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
            "vi_fold": {
                "type": "custom",
                "tokenizer": "standard",
                "char_filter": ["vi_d_stroke"],
                "filter": ["lowercase", "vi_asciifolding"],
            },
            "vi_suggest": {
                "type": "custom",
                "tokenizer": "standard",
                "char_filter": ["vi_d_stroke"],
                "filter": ["lowercase", "asciifolding", "vi_edge_ngram"],
            },
            "vi_suggest_search": {
                "type": "custom",
                "tokenizer": "standard",
                "char_filter": ["vi_d_stroke"],
                "filter": ["lowercase", "asciifolding"],
            },
        },
        "filter": {
            "vi_asciifolding": {"type": "asciifolding", "preserve_original": True},
            "vi_edge_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
        },
        "char_filter": {"vi_d_stroke": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}},
    }
    properties = body["mappings"]["properties"]
    assert properties["title"] == {
        "type": "text",
        "analyzer": "vi_exact",
        "fields": {
            "folded": {"type": "text", "analyzer": "vi_fold"},
            "suggest": {"type": "text", "analyzer": "vi_suggest", "search_analyzer": "vi_suggest_search"},
            "sort": {"type": "keyword", "ignore_above": 256},
        },
    }
    assert properties["cooperative"] == {
        "type": "text",
        "analyzer": "vi_exact",
        "fields": {"folded": {"type": "text", "analyzer": "vi_fold"}},
    }
    assert properties["all_text"] == {"type": "text", "analyzer": "vi_fold"}
    assert {
        name: properties[name]["type"] for name in ("area", "stars", "price", "in_stock", "date_created")
    } == {
        "area": "keyword",
        "stars": "integer",
        "price": "long",
        "in_stock": "boolean",
        "date_created": "date",
    }
    assert body["mappings"]["dynamic"] == "strict"


def test_text_query_body():
    body = es.request_body(SearchQuery(text="Cơm cháy", facets=False, limit=24))
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "match": {
                            "all_text": {
                                "query": "Cơm cháy",
                                "operator": "and",
                                "fuzziness": "AUTO:4,100",
                                "prefix_length": 1,
                            }
                        }
                    }
                ],
                "should": [
                    {
                        "multi_match": {
                            "query": "Cơm cháy",
                            "fields": ["title^4", "cooperative", "categories"],
                            "operator": "and",
                        }
                    },
                    {"match": {"title.folded": {"query": "Cơm cháy", "boost": 2}}},
                    {"match_phrase": {"title.folded": {"query": "Cơm cháy", "boost": 3}}},
                ],
            }
        },
        "sort": ["_score", {"date_created": {"order": "desc"}}],
        "_source": False,
        "track_total_hits": True,
        "from": 0,
        "size": 24,
    }


def test_browse_body_with_category_filters_facets_and_sort():
    query = SearchQuery(
        category_id=3, filters={"stars": ("4", "5"), "price": ("0-50000",)}, sort="price-asc", offset=24
    )
    body = es.request_body(query)
    assert body["query"] == {"bool": {"filter": [{"term": {"category_ids": 3}}]}}
    stars = {"terms": {"stars": ["4", "5"]}}
    price = {"bool": {"should": [{"range": {"price": {"lt": 50000}}}], "minimum_should_match": 1}}
    assert body["post_filter"] == {"bool": {"filter": [price, stars]}}
    # each facet counts with the other facets' filters, never its own
    assert body["aggs"]["stars"] == {
        "filter": {"bool": {"filter": [price]}},
        "aggs": {"stars": {"terms": {"field": "stars", "size": 5}}},
    }
    assert body["aggs"]["area"] == {
        "filter": {"bool": {"filter": [price, stars]}},
        "aggs": {"area": {"terms": {"field": "area", "size": 10}}},
    }
    assert body["aggs"]["stock"]["aggs"] == {"stock": {"filter": {"term": {"in_stock": True}}}}
    assert body["aggs"]["price"]["aggs"]["price"]["range"]["ranges"][1] == {
        "key": "50000-100000",
        "from": 50000,
        "to": 100000,
    }
    assert body["sort"] == [
        {"price": {"order": "asc", "missing": "_last"}},
        {"date_created": {"order": "desc"}},
    ]
    assert (body["from"], body["size"]) == (24, 24)


def test_suggest_body_uses_the_edge_ngram_field():
    assert es.suggest_body("nuoc ma", limit=5) == {
        "query": {
            "bool": {
                "must": [{"match": {"title.suggest": {"query": "nuoc ma", "operator": "and"}}}],
                "should": [{"match_phrase_prefix": {"title": {"query": "nuoc ma", "boost": 2}}}],
            }
        },
        "_source": False,
        "size": 5,
    }


def test_parse_a_real_response():
    results = es.parse_response(SEARCH_RESPONSE)
    assert results.ids == [12, 9]
    assert results.total == 2
    assert results.backend == "elasticsearch"
    as_dict = {name: {f.value: f.count for f in values} for name, values in results.facets.items()}
    assert as_dict == {
        "group": {"1": 2},
        "subgroup": {"2": 2},
        "area": {"ninh_binh": 1, "ha_nam": 1},
        "coop": {"4": 1, "7": 1},
        "stars": {"4": 1},
        "price": {"0-50000": 2},
        "stock": {"1": 1},
    }


def test_parse_a_response_without_aggregations():
    body = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
    }
    results = es.parse_response(body)
    assert (results.ids, results.total, results.facets) == ([], 0, {})


def test_results_page_asks_elasticsearch_and_shows_its_products(client, settings, floor):
    com_chay, nuoc_mam = floor["products"]["com_chay"], floor["products"]["nuoc_mam"]
    response_body = json.loads(json.dumps(SEARCH_RESPONSE))
    response_body["hits"]["hits"][0]["_id"] = str(nuoc_mam.pk)
    response_body["hits"]["hits"][1]["_id"] = str(com_chay.pk)
    with FakeElasticsearch(search_response=response_body) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        page = client.get("/search/?q=com+chay").content.decode()
        sent = fake.json_body("POST", f"/{ALIAS}/_search")
    assert sent == es.request_body(SearchQuery(text="com chay"))
    assert page.index("Nước mắm cốt Hải Hậu") < page.index("Cơm cháy chà bông")
    assert "Trống đồng mini" not in page


def test_a_results_page_with_its_facets_is_one_elasticsearch_request(client, settings, floor):
    """Counts of every facet come back as aggregations of the same request as the hits."""
    with FakeElasticsearch(search_response=SEARCH_RESPONSE) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        page = client.get("/search/?q=com+chay&area=ninh_binh&stars=4&sort=price-asc")
        searches = [(method, path.split("?")[0]) for method, path in fake.calls() if "/_search" in path]
        sent = fake.json_body("POST", f"/{ALIAS}/_search")
    assert page.status_code == 200
    assert searches == [("POST", f"/{ALIAS}/_search")]
    assert set(sent["aggs"]) == {"group", "subgroup", "area", "coop", "stars", "price", "stock"}
    assert "Hạng sao OCOP" in page.content.decode()  # the facets shown come from that answer


def _refusing_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there any more: connections are refused
    return port


def test_falls_back_to_the_database_when_elasticsearch_refuses(client, settings, floor, caplog):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_refusing_port()}"
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="search"):
        response = client.get("/search/?q=com+chay")
    assert time.monotonic() - started < 1.0
    assert response.status_code == 200
    assert "Cơm cháy chà bông" in response.content.decode()
    assert "Elasticsearch unavailable, searching the database instead" in caplog.text


def test_falls_back_within_a_second_when_elasticsearch_never_answers(client, settings, floor, caplog):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never reads or answers
    try:
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="search"):
            response = client.get("/search/?q=nuoc+mam")
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert elapsed < 1.5
    assert response.status_code == 200
    assert "Nước mắm cốt Hải Hậu" in response.content.decode()
    assert "ConnectionTimeout" in caplog.text
    # while it cools down, the next search does not wait for it again
    started = time.monotonic()
    assert client.get("/search/?q=dong").status_code == 200
    assert time.monotonic() - started < 0.5


def test_suggestions_fall_back_too(client, settings, floor):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_refusing_port()}"
    data = client.get("/search/suggest/?q=nuoc+ma").json()
    assert [p["title"] for p in data["products"]] == ["Nước mắm cốt Hải Hậu"]


def test_rebuild_builds_a_new_index_then_swaps_the_alias(settings, floor):
    with FakeElasticsearch(alias_on=["chohtx-products-v1-20260101000000"]) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        done = []
        summary = es.index_rebuild(
            services.searchable_documents(), stamp="20261128010203", progress=done.append
        )
    new = "chohtx-products-v1-20261128010203"
    assert [call for call in fake.calls() if call[1] != "/_bulk"] == [
        ("PUT", f"/{new}"),
        ("POST", f"/{new}/_refresh"),
        ("HEAD", f"/_alias/{ALIAS}"),
        ("GET", f"/_alias/{ALIAS}"),
        ("POST", "/_aliases"),
        ("DELETE", "/chohtx-products-v1-20260101000000"),
    ]
    created = fake.json_body("PUT", f"/{new}")
    assert created == {"settings": index_body()["settings"], "mappings": index_body()["mappings"]}
    assert fake.json_body("POST", "/_aliases") == {
        "actions": [
            {"remove": {"index": "chohtx-products-v1-20260101000000", "alias": ALIAS}},
            {"add": {"index": new, "alias": ALIAS}},
        ]
    }
    bulk = (
        [body for method, path, body in fake.requests if path.startswith("/_bulk")][0].decode().splitlines()
    )
    sources = [json.loads(line) for line in bulk[1::2]]
    assert {s["title"] for s in sources} == {
        "Cơm cháy chà bông",
        "Nước mắm cốt Hải Hậu",
        "Trống đồng mini",
        "Đường phèn",
        "Dầu dưỡng tóc bồ kết",
        "Chè Dương Liễu",
    }
    assert json.loads(bulk[0]) == {"index": {"_index": new, "_id": json.loads(bulk[0])["index"]["_id"]}}
    assert (summary.index, summary.indexed, summary.removed_indexes) == (
        new,
        6,
        ["chohtx-products-v1-20260101000000"],
    )
    assert done[-1] == 6


def test_product_changes_reach_elasticsearch_through_the_alias(
    settings, floor, django_capture_on_commit_callbacks
):
    from marketplace.partner.models import Status

    with FakeElasticsearch(alias_on=["chohtx-products-v1-1"]) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        cooperative = floor["coops"]["hai_hau"]
        with django_capture_on_commit_callbacks(execute=True):
            cooperative.status = Status.SUSPENDED
            cooperative.save()
    bulk_calls = [(method, path, body) for method, path, body in fake.requests if "/_bulk" in path]
    assert bulk_calls, fake.calls()
    method, path, body = bulk_calls[0]
    assert path == f"/{ALIAS}/_bulk?require_alias=true"  # never auto-creates an unmapped index
    lines = [json.loads(line) for line in body.decode().splitlines()]
    removed = {int(line["delete"]["_id"]) for line in lines if "delete" in line}
    assert removed == {floor["products"]["nuoc_mam"].pk, floor["products"]["duong_pheu"].pk}
