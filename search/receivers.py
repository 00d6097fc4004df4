"""Keep the search index in step with products, stock and cooperatives (after commit)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from oscar.core.loading import get_model

from . import tasks

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")


def _enqueue(product_id: int) -> None:
    transaction.on_commit(lambda: tasks.product_index_update.delay(product_id))


@receiver(post_save, sender=Product)
def product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _enqueue(instance.pk)


@receiver(post_save, sender=StockRecord)
def stockrecord_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _enqueue(instance.product_id)


@receiver(post_save, sender=Partner)
def partner_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for product_id in StockRecord.objects.filter(partner=instance).values_list("product_id", flat=True):
        _enqueue(product_id)
