"""What a person reads on an admin screen, and Wagtail's English strings to look for in it.

`visible_texts(html)` gives the text nodes (outside scripts and styles), the labels people hear or
see in attributes (`title`, `placeholder`, `aria-label`, `alt`, button values), and the labels that
the admin's JavaScript draws from JSON (the sidebar's menu, the editor's strings in
`wagtail-config`). `english_msgids()` reads every msgid of the installed wagtail package's English
catalogues (django and djangojs), so the list follows Wagtail upgrades by itself."""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import wagtail
from babel.messages.pofile import read_po

VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-w-tooltip-content-value"}
JSON_LABEL_KEYS = {"label", "title", "text", "placeholder", "helpText", "help_text", "ariaLabel", "caption"}
CATALOGUE_ROOT = Path(__file__).resolve().parents[2] / "locale" / "wagtail_admin"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")


def _space(text: str) -> str:
    return " ".join(text.split())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.json_blobs: list[tuple[str, str]] = []
        self._skip = 0
        self._json_id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
            if tag == "script" and named.get("type") == "application/json":
                self._json_id = named.get("id") or ""
        for name, value in attrs:
            if value and (name in VISIBLE_ATTRIBUTES or (name == "value" and named.get("type") == "submit")):
                self.texts.append(_space(value))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            self._json_id = None

    def handle_data(self, data: str) -> None:
        if self._json_id is not None:
            self.json_blobs.append((self._json_id, data))
        elif not self._skip and data.strip():
            self.texts.append(_space(data))


def _json_labels(value: object, *, everything: bool = False) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (everything or key in JSON_LABEL_KEYS):
                found.append(_space(item))
            else:
                found.extend(_json_labels(item, everything=everything or key == "STRINGS"))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str) and everything:
                found.append(_space(item))
            else:
                found.extend(_json_labels(item, everything=everything))
    return found


def visible_texts(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    texts = list(reader.texts)
    for __, blob in reader.json_blobs:
        try:
            texts.extend(_json_labels(json.loads(blob)))
        except ValueError:
            continue
    return [text for text in texts if text]


def _ids(path: Path) -> list[str]:
    with path.open("rb") as po_file:
        catalogue = read_po(po_file)
    found: list[str] = []
    for message in catalogue:
        if message.id:
            found.extend([message.id] if isinstance(message.id, str) else list(message.id))
    return found


@cache
def english_msgids() -> frozenset[str]:
    """Wagtail's English interface strings, whitespace folded (with placeholders, as written)."""
    root = Path(wagtail.__file__).parent
    ids: set[str] = set()
    for path in root.glob("**/locale/en/LC_MESSAGES/*.po"):
        ids.update(_space(msgid) for msgid in _ids(path))
    return frozenset(ids)


@cache
def same_in_vietnamese() -> frozenset[str]:
    """Strings our catalogue writes the same in Vietnamese (`Email`, `Wagtail API v2`)."""
    same: set[str] = set()
    for path in CATALOGUE_ROOT.glob("vi/LC_MESSAGES/*.po"):
        with path.open("rb") as po_file:
            for message in read_po(po_file):
                strings = [message.string] if isinstance(message.string, str) else list(message.string)
                ids = [message.id] if isinstance(message.id, str) else list(message.id)
                if message.id and any(_space(s) in {_space(i) for i in ids} for s in strings):
                    same.update(_space(i) for i in ids)
    return frozenset(same)


def _has_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", text)))


@cache
def _whole_strings() -> frozenset[str]:
    """Msgids without placeholders or markup, compared with whole text nodes."""
    return frozenset(
        msgid
        for msgid in english_msgids() - same_in_vietnamese()
        if not PLACEHOLDER.search(msgid) and _has_words(msgid)
    )


@cache
def _long_fragments() -> frozenset[str]:
    """Runs of four or more words between placeholders, looked for inside longer texts."""
    fragments = set()
    for msgid in english_msgids() - same_in_vietnamese():
        for part in PLACEHOLDER.split(msgid):
            part = _space(part.strip(" .,:;'\"!?()-"))
            if len(part.split()) >= 4 and _has_words(part):
                fragments.add(part)
    return frozenset(fragments)


def english_strings_in(html: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Wagtail's English strings a person would read on this page (none, once it is translated)."""
    texts = visible_texts(html)
    whole = _whole_strings() - allowed
    found = sorted({text for text in texts if text in whole})
    joined = " \n ".join(texts)
    found += sorted(fragment for fragment in _long_fragments() if fragment in joined)
    return found
