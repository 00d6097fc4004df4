"""The custom user model: people sign in with their email address."""

from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        db_table = "users_user"
