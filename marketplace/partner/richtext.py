"""The cooperative's story is rich text typed by its staff: keep the formatting, drop anything active.

nh3 (the Ammonia sanitiser) keeps only the tags and attributes listed here, removes <script> and
<style> with their content, every on…= event handler, and links whose scheme is not listed
(javascript:, data:, vbscript: …)."""

import re

import nh3
from django.utils.html import linebreaks

TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")


def story_clean(html: str) -> str:
    """Safe HTML for a story. Plain text (no tags) becomes paragraphs."""
    text = (html or "").strip()
    if not text:
        return ""
    if not _TAG.search(text):
        text = linebreaks(text, autoescape=True)
    return nh3.clean(
        text,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        clean_content_tags={"script", "style"},
    ).strip()
