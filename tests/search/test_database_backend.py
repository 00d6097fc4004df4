"""The database backend for real (SQLite by default, PostgreSQL with DATABASE_URL): Vietnamese
folding, ranking, typos, facets, sorting, and what a shopper may never see."""

import unicodedata

import pytest

from search.backends import database
from search.query import SearchQuery


def titles(**kwargs):
    from marketplace.catalogue.models import Product

    results = database.search(SearchQuery(**kwargs))
    by_id = dict(Product.objects.filter(pk__in=results.ids).values_list("pk", "title"))
    return [by_id[pk] for pk in results.ids]


def facet(results, name):
    return {f.value: f.count for f in results.facets[name]}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("com chay", "Cơm cháy chà bông"),
        ("nuoc mam", "Nước mắm cốt Hải Hậu"),
        ("dong", "Trống đồng mini"),
        ("DONG", "Trống đồng mini"),
        ("Cơm cháy", "Cơm cháy chà bông"),
        ("hai hau", "Nước mắm cốt Hải Hậu"),  # the cooperative's name and commune are searchable
        ("gia vi", "Nước mắm cốt Hải Hậu"),  # so is the category path
    ],
)
def test_accents_are_optional(floor, typed, found):
    assert found in titles(text=typed)


def test_decomposed_input_is_normalised_to_nfc(floor):
    assert titles(text=unicodedata.normalize("NFD", "Nước mắm")) == ["Nước mắm cốt Hải Hậu"]


def test_every_word_must_match_a_word_start(floor):
    assert titles(text="com chay") == ["Cơm cháy chà bông"]
    assert titles(text="om chay") == []  # not the middle of a word


def test_exact_accents_rank_first(floor):
    found = titles(text="dương")
    assert found[0] == "Chè Dương Liễu"
    assert set(found) == {"Chè Dương Liễu", "Đường phèn", "Dầu dưỡng tóc bồ kết"}
    assert titles(text="đường")[0] == "Đường phèn"
    assert titles(text="dưỡng")[0] == "Dầu dưỡng tóc bồ kết"


def test_one_typo_is_forgiven_in_words_of_four_letters_or_more(floor):
    assert titles(text="nuocc mam") == ["Nước mắm cốt Hải Hậu"]  # an extra letter
    assert titles(text="trongg dong") == ["Trống đồng mini"]
    assert titles(text="trog dong") == ["Trống đồng mini"]  # a missing letter
    assert titles(text="trong dog") == ["Trống đồng mini"]  # a four-letter word typed with three
    assert titles(text="trong dogn") == ["Trống đồng mini"]  # neighbours swapped
    assert "Nước mắm cốt Hải Hậu" in titles(text="nuox mam")  # a wrong letter
    assert titles(text="nuoc mma") == []  # three letters must be typed right
    assert titles(text="nuocc mamm trongg") == []  # the whole query still has to match


def test_suspended_cooperatives_products_are_never_found(floor):
    assert "Cơm cháy Ngọc Lũ" not in titles(text="com chay")
    assert "Cơm cháy Ngọc Lũ" not in titles()
    results = database.search(SearchQuery())
    assert str(floor["coops"]["ngoc_lu"].pk) not in facet(results, "coop")
    assert "ha_nam" not in facet(results, "area")


def test_empty_query_browses_newest_first(floor):
    assert titles() == [
        "Chè Dương Liễu",
        "Dầu dưỡng tóc bồ kết",
        "Đường phèn",
        "Trống đồng mini",
        "Nước mắm cốt Hải Hậu",
        "Cơm cháy chà bông",
    ]


def test_sorting_by_price(floor):
    assert titles(sort="price-asc")[:3] == ["Đường phèn", "Cơm cháy chà bông", "Chè Dương Liễu"]
    assert titles(sort="price-desc")[0] == "Trống đồng mini"


def test_sorting_by_rating_puts_unrated_last(floor):
    from marketplace.catalogue.models import Product

    Product.objects.filter(pk=floor["products"]["trong_dong"].pk).update(rating=4.5)
    Product.objects.filter(pk=floor["products"]["nuoc_mam"].pk).update(rating=3.0)
    assert titles(sort="rating")[:2] == ["Trống đồng mini", "Nước mắm cốt Hải Hậu"]


def test_facet_counts(floor):
    results = database.search(SearchQuery())
    food, crafts = floor["categories"]["food"], floor["categories"]["crafts"]
    assert results.total == 6
    assert facet(results, "group") == {str(food.pk): 4, str(crafts.pk): 2}
    assert facet(results, "subgroup") == {
        str(floor["categories"]["processed"].pk): 2,
        str(floor["categories"]["condiments"].pk): 2,
        str(floor["categories"]["crafts"].get_children().first().pk): 2,
    }
    assert facet(results, "area") == {"ninh_binh": 4, "nam_dinh": 2}
    assert facet(results, "stars") == {"4": 1, "3": 1}
    assert facet(results, "price") == {
        "0-50000": 2,
        "50000-100000": 2,
        "100000-200000": 1,
        "200000-500000": 1,
    }
    assert facet(results, "stock") == {"1": 5}
    labels = {f.value: f.label for f in results.facets["group"]}
    assert labels[str(food.pk)] == "Thực phẩm"


def test_catalogue_counts_follow_every_change_at_once(floor):
    """The counts of a page without text are cached; a change to the catalogue shows at once."""
    assert database.search(SearchQuery()).total == 6
    assert facet(database.search(SearchQuery()), "stock") == {"1": 5}
    record = floor["products"]["nuoc_mam"].stockrecords.first()
    record.num_in_stock = 4
    record.save()
    assert facet(database.search(SearchQuery()), "stock") == {"1": 6}
    floor["products"]["trong_dong"].delete()
    results = database.search(SearchQuery())
    assert results.total == 5
    assert facet(results, "price") == {"0-50000": 2, "50000-100000": 2, "100000-200000": 1}


def test_filters_combine_and_counts_ignore_their_own_facet(floor):
    query = SearchQuery(filters={"area": ("ninh_binh",), "price": ("0-50000", "50000-100000")})
    results = database.search(query)
    assert results.total == 3  # cơm cháy, chè, dầu dưỡng
    assert facet(results, "area") == {"ninh_binh": 3, "nam_dinh": 1}  # other areas stay choosable
    assert facet(results, "price") == {"0-50000": 1, "50000-100000": 2, "200000-500000": 1}


def test_filter_by_group_stars_cooperative_and_stock(floor):
    crafts = floor["categories"]["crafts"]
    assert sorted(titles(filters={"group": (str(crafts.pk),)})) == ["Dầu dưỡng tóc bồ kết", "Trống đồng mini"]
    assert titles(filters={"stars": ("4",)}) == ["Cơm cháy chà bông"]
    hai_hau = floor["coops"]["hai_hau"]
    assert sorted(titles(filters={"coop": (str(hai_hau.pk),)})) == ["Nước mắm cốt Hải Hậu", "Đường phèn"]
    assert "Nước mắm cốt Hải Hậu" not in titles(filters={"stock": ("1",)})


def test_category_page_includes_subcategories(floor):
    food = floor["categories"]["food"]
    assert len(titles(category_id=food.pk)) == 4
    assert titles(category_id=food.pk, text="com") == ["Cơm cháy chà bông"]


def test_paging(floor):
    first = database.search(SearchQuery(limit=4))
    second = database.search(SearchQuery(limit=4, offset=4))
    assert (first.total, len(first.ids), len(second.ids)) == (6, 4, 2)
    assert not set(first.ids) & set(second.ids)


def test_suggestions_match_word_prefixes(floor):
    from marketplace.catalogue.models import Product

    ids = database.suggest_product_ids("nuoc ma", limit=5)
    assert list(Product.objects.filter(pk__in=ids).values_list("title", flat=True)) == [
        "Nước mắm cốt Hải Hậu"
    ]
    assert database.suggest_product_ids("", limit=5) == []
