"""Vietnamese query text: NFC words, their folded forms, and one-edit typo corrections."""

import re
from collections.abc import Iterable

from marketplace.core.text import fold, nfc

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Words this long (folded) may carry one typo. Folded Vietnamese words have two to five letters
# ("trung", "phuong" six): four is the shortest length where one edit still rarely turns one real
# word into another the buyer did not mean, with the whole query still required to match.
TYPO_MIN_LENGTH = 4


def words(text: str) -> list[str]:
    """Lower-case NFC words: "Nước  mắm, 500ml" -> ["nước", "mắm", "500ml"]."""
    return _WORD.findall(nfc(text).lower())


def padded(text: str) -> str:
    """Words joined by single spaces with a space either side, so that " word" matches a word
    start and " word " a whole word with a plain LIKE on every database."""
    return f" {' '.join(words(text))} "


def folded_words(text: str) -> list[str]:
    return [fold(word) for word in words(text)]


def within_one_edit(a: str, b: str) -> bool:
    """True when b is a at most one insertion, deletion, substitution or swap of neighbours away."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def corrections(term: str, vocabulary: Iterable[str]) -> list[str]:
    """Known words one edit away from an unknown folded `term`: any edit when it has
    TYPO_MIN_LENGTH letters or more; only the letter it is missing when it has one fewer (the word
    meant has four letters: "uan" for "quan"). Shorter words must be typed right."""
    if len(term) < TYPO_MIN_LENGTH - 1:
        return []
    shortened = len(term) < TYPO_MIN_LENGTH
    return sorted(
        word
        for word in vocabulary
        if word != term and (not shortened or len(word) == len(term) + 1) and within_one_edit(term, word)
    )
