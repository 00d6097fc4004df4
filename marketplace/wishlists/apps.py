from django.apps import AppConfig


class FavouritesConfig(AppConfig):
    """Saved products on Oscar's wishlist models (Oscar's own `wishlists` app keeps that label)."""

    name = "marketplace.wishlists"
    label = "favourites"
    verbose_name = "Sản phẩm yêu thích"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the sign-in receiver
