"""Who is voting: a signed-in user by id, anyone else by a signed cookie holding a random id."""

import uuid

from django.http import HttpRequest, HttpResponse

COOKIE = "chohtx_voter"
SALT = "cms.poll.voter"
ONE_YEAR = 365 * 24 * 3600


def visitor_key(request: HttpRequest) -> tuple[str, bool]:
    """The visitor's key, and whether it is new (so the cookie must be set on the response)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}", False
    value = request.get_signed_cookie(COOKIE, default=None, salt=SALT)
    if value:
        return f"visitor:{value}", False
    return f"visitor:{uuid.uuid4().hex}", True


def remember(response: HttpResponse, key: str) -> None:
    if key.startswith("visitor:"):
        response.set_signed_cookie(
            COOKIE, key.removeprefix("visitor:"), salt=SALT, max_age=ONE_YEAR, httponly=True, samesite="Lax"
        )
