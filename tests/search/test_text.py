from search.text import corrections, folded_words, padded, within_one_edit, words


def test_words_are_nfc_lower_case():
    assert words("Nước  MẮM, 500ml!") == ["nước", "mắm", "500ml"]
    assert words("Nu\u031bo\u031b\u0301c") == ["nước"]  # decomposed input
    assert padded("Cơm cháy") == " cơm cháy "
    assert folded_words("Đồng Nhất") == ["dong", "nhat"]


def test_one_edit():
    assert within_one_edit("nuoc", "nuocc")  # insertion
    assert within_one_edit("huong", "huomg")  # substitution
    assert within_one_edit("truong", "turong")  # neighbours swapped
    assert within_one_edit("duong", "duog")  # deletion
    assert not within_one_edit("duong", "dang")
    assert not within_one_edit("truong", "tuorng")


def test_corrections_only_for_words_of_four_letters_or_more():
    vocabulary = ["nuoc", "mam", "truong", "trong", "trung"]
    assert corrections("truongg", vocabulary) == ["truong"]
    assert corrections("nuocc", vocabulary) == ["nuoc"]
    assert corrections("trng", vocabulary) == ["trong", "trung"]  # "trứng" typed without its vowel
    assert corrections("mamm", vocabulary) == ["mam"]  # four letters: one edit forgiven
    assert corrections("mma", vocabulary) == []  # three letters: must be typed right…
    assert corrections("uan", ["quan", "tuan", "uat", "xuan"]) == ["quan", "tuan", "xuan"]  # …or be a
    # four-letter word missing one letter
    assert corrections("an", ["ban", "an"]) == []
