"""Stock-alert sign-ups ("email me when it is back"): Oscar's view, rate-limited per visitor.

Each sign-up emails the address given, so an unlimited form would let anyone send our mail to
strangers. Swapped in for Oscar's by marketplace/users/class_loader.py.
"""

from django.utils.decorators import method_decorator
from oscar.apps.customer.alerts import views

from marketplace.core.rate_limits import limit_posts


@method_decorator(limit_posts("stock-alert"), name="post")
class ProductAlertCreateView(views.ProductAlertCreateView):
    pass
