"""Reads of CMS content for the shop's pages."""


def stories_about(*, product=None, cooperative=None) -> list:
    """Published stories about this product or cooperative, newest first.

    Story pages come with the editors' issue; until then there are none.
    """
    return []
