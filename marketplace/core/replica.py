"""Catalogue and search reads from a read replica, when `DATABASE_REPLICA_URL` is set.

A replica lags the primary by a moment, so only reads that may lag go there: reads of the
catalogue, search index, cooperatives, certificates, reviews and CMS pages made while a `GET` or
`HEAD` request is being answered (`ReplicaReadsMiddleware`), outside any transaction. Everything
else (writes, reads in a `POST`, reads inside `transaction.atomic`, the basket, orders, accounts,
sessions, payments) uses the primary, so a buyer always sees their own basket and order as written.
"""

from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# Apps whose reads may lag: what shop pages show to every visitor.
REPLICA_APPS = frozenset(
    {"catalogue", "partner", "search", "ocop", "reviews", "cms", "wagtailcore", "wagtailimages", "taggit"}
)
_reads_may_lag: ContextVar[bool] = ContextVar("reads_may_lag", default=False)


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_may_lag.set(request.method in ("GET", "HEAD"))
        try:
            return self.get_response(request)
        finally:
            _reads_may_lag.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _reads_may_lag.get()
            and model._meta.app_label in REPLICA_APPS
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS  # an object read from the replica is still saved on the primary

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
