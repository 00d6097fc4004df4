"""Saved products ("Yêu thích"): one private list per signed-in shopper, on Oscar's wishlist models."""
