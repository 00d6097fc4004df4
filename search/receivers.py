"""Keep the search indexes in step with products, stock, cooperatives, OCOP certificates and
CMS stories.

The database index rows of the products a change touches are rewritten at once, in the same
transaction (they are derived data in the same database: a new product is on sale at once, a
rolled-back change leaves no trace). Every change also enqueues a task after the transaction
commits (through the outbox when it is installed, so a broker outage loses nothing), which
brings Elasticsearch up to date (and rewrites the database rows again: safe to run twice)."""

import uuid
from collections.abc import Iterable
from typing import Any

from celery import Task
from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver
from oscar.core.loading import get_model
from wagtail.signals import page_published, page_unpublished

from marketplace.catalogue.bulk import collected, products_changed_in_bulk
from marketplace.catalogue.models import Product
from marketplace.core import fragments
from marketplace.ocop.models import Certificate
from marketplace.partner.models import Partner, StockRecord

from . import tasks
from .sources import story_model

ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")


def enqueue(task: Task, **kwargs: Any) -> None:
    if apps.is_installed("marketplace.outbox"):
        from marketplace.outbox.services import outbox_add

        outbox_add(key=f"search:{task.name}:{uuid.uuid4().hex}", task=task.name, **kwargs)
        return
    transaction.on_commit(lambda: task.delay(**kwargs))


def rows_now(product_ids: Iterable[int | None]) -> None:
    """The database index rows of these products, rewritten in the current transaction (which
    also makes what pages cache about them stale)."""
    from . import services

    wanted = [pk for pk in product_ids if pk]
    if wanted:
        services.database_rows_update(product_ids=wanted)


def fragments_stale(product_ids: Iterable[int | None]) -> None:
    """Now; the after-commit task rewriting the rows (services.database_rows_update) bumps again.
    The catalogue's cached counts ("search") go with them: a deleted product leaves them now."""
    fragments.bump("search", *(fragments.product_kind(pk) for pk in product_ids if pk))


@receiver(post_save, sender=Product)
@receiver(post_delete, sender=Product)
def product_changed(
    sender: type, instance: Any, raw: bool = False, signal: Signal | None = None, **kwargs: Any
) -> None:
    if raw or collected(instance.pk):
        return
    if signal is post_save:  # a deleted product's row goes with it (on delete cascade)
        rows_now([instance.pk])
    else:
        fragments_stale([instance.pk])
    enqueue(tasks.product_index_update, product_id=instance.pk)


@receiver(post_save, sender=StockRecord)
@receiver(post_delete, sender=StockRecord)
@receiver(post_save, sender=ProductCategory)
@receiver(post_delete, sender=ProductCategory)
def product_part_changed(
    sender: type, instance: Any, raw: bool = False, signal: Signal | None = None, **kwargs: Any
) -> None:
    if raw or collected(instance.product_id):
        return
    if signal is post_save:  # after a delete (maybe the product's own), the task tidies up
        rows_now([instance.product_id])
    else:
        fragments_stale([instance.product_id])
    enqueue(tasks.product_index_update, product_id=instance.product_id)


BULK_BATCH = 500


@receiver(products_changed_in_bulk)
def products_changed_together(sender: Any, product_ids: list[int], **kwargs: Any) -> None:
    """A bulk write (a product import): rows rewritten in batches, one task per batch."""
    for start in range(0, len(product_ids), BULK_BATCH):
        chunk = product_ids[start : start + BULK_BATCH]
        rows_now(chunk)
        enqueue(tasks.products_reindex, product_ids=chunk)


@receiver(post_save, sender=Partner)
def partner_saved(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        rows_now(StockRecord.objects.filter(partner_id=instance.pk).values_list("product_id", flat=True))
        fragments.pages_stale()  # the directory and its storefront, even with no product yet
        fragments.bump_on_commit("partners")  # the suggestions' folded names
        enqueue(tasks.partner_index_update, partner_id=instance.pk)


@receiver(post_save, sender=Certificate)
def certificate_saved(sender: type, instance: Certificate, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    product_ids = list(instance.products.values_list("pk", flat=True))
    if product_ids:
        fragments_stale(product_ids)
        enqueue(tasks.products_reindex, product_ids=product_ids)


@receiver(post_save, sender=ProductImage)
@receiver(post_delete, sender=ProductImage)
def product_picture_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Pictures are not indexed, but cards and structured data show them."""
    if not raw:
        fragments_stale([instance.product_id])


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def category_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """The header's menu and every breadcrumb name categories."""
    if not raw:
        fragments.bump_on_commit("categories")


_CLEARED = "_search_cleared_product_ids"


@receiver(m2m_changed, sender=Certificate.products.through)
def certificate_products_changed(
    sender: type,
    instance: Any,
    action: str,
    pk_set: set[int] | None = None,
    reverse: bool = False,
    **kwargs: Any,
) -> None:
    if action == "pre_clear":
        # post_clear has no pk_set: remember whose certificates are about to go.
        if reverse:  # product.ocop_certificates.clear(): only this product changes
            setattr(instance, _CLEARED, [instance.pk])
        else:  # certificate.products.clear(): every product it held
            setattr(instance, _CLEARED, list(instance.products.values_list("pk", flat=True)))
        return
    if action == "post_clear":
        product_ids = getattr(instance, _CLEARED, [])
        if hasattr(instance, _CLEARED):
            delattr(instance, _CLEARED)
        if product_ids:
            fragments_stale(product_ids)
            enqueue(tasks.products_reindex, product_ids=sorted(product_ids))
        return
    if action not in ("post_add", "post_remove"):
        return
    if reverse:  # product.ocop_certificates.add(...)
        fragments_stale([instance.pk])
        enqueue(tasks.product_index_update, product_id=instance.pk)
    elif pk_set:
        fragments_stale(pk_set)
        enqueue(tasks.products_reindex, product_ids=sorted(pk_set))


def _is_story(page: object) -> bool:
    model = story_model()
    return model is not None and isinstance(page, model)


@receiver(page_published)
@receiver(page_unpublished)
def story_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    """A story published, re-published or unpublished: rewrite (or drop) its search row."""
    if _is_story(instance):
        enqueue(tasks.story_index_update, page_id=instance.pk)
