"""Keep the search indexes in step with products, stock, cooperatives and OCOP certificates.

Every change only enqueues a task, after the transaction commits (through the outbox when it is
installed, so a broker outage loses nothing)."""

import uuid

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from oscar.core.loading import get_model

from marketplace.ocop.models import Certificate

from . import tasks

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")


def enqueue(task, **kwargs) -> None:
    if apps.is_installed("marketplace.outbox"):
        from marketplace.outbox.services import outbox_add

        outbox_add(key=f"search:{task.name}:{uuid.uuid4().hex}", task=task.name, **kwargs)
        return
    transaction.on_commit(lambda: task.delay(**kwargs))


@receiver(post_save, sender=Product)
@receiver(post_delete, sender=Product)
def product_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue(tasks.product_index_update, product_id=instance.pk)


@receiver(post_save, sender=StockRecord)
@receiver(post_delete, sender=StockRecord)
@receiver(post_save, sender=ProductCategory)
@receiver(post_delete, sender=ProductCategory)
def product_part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue(tasks.product_index_update, product_id=instance.product_id)


@receiver(post_save, sender=Partner)
def partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue(tasks.partner_index_update, partner_id=instance.pk)


@receiver(post_save, sender=Certificate)
def certificate_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    product_ids = list(instance.products.values_list("pk", flat=True))
    if product_ids:
        enqueue(tasks.products_reindex, product_ids=product_ids)


@receiver(m2m_changed, sender=Certificate.products.through)
def certificate_products_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # product.ocop_certificates.add(...)
        enqueue(tasks.product_index_update, product_id=instance.pk)
    elif pk_set:
        enqueue(tasks.products_reindex, product_ids=sorted(pk_set))
