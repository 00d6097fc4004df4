from tests.seller.conftest import coop_a, coop_b, private_media  # noqa: F401 - shared fixtures
