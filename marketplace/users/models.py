"""The custom user model: people sign in with their email address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    #: The language the person last used the site in ("" = not known yet: Vietnamese). Emails sent
    #: to them outside a request of theirs (back in stock, order updates) are written in it.
    language = models.CharField(_("Ngôn ngữ"), max_length=8, blank=True, choices=settings.LANGUAGES)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        db_table = "users_user"
