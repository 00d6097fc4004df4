"""Pages that search indexes besides products. The CMS registers its story page type here when it
starts (`cms.apps`), so search knows stories without importing the CMS; without a CMS there are none."""

from wagtail.models import Page

_story_models: list[type[Page]] = []


def stories_register(model: type[Page]) -> None:
    if model not in _story_models:
        _story_models.append(model)


def story_model() -> type[Page] | None:
    """The registered story page type, or None."""
    return _story_models[0] if _story_models else None
