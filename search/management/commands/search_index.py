"""`manage.py search_index --rebuild`: rebuild the database index and, when Elasticsearch is set,
a new versioned Elasticsearch index that replaces the old one by an alias swap."""

import time
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from search import services
from search.backends import elasticsearch_enabled


class Command(BaseCommand):
    help = "Rebuild the product search index (database, and Elasticsearch when ELASTICSEARCH_URL is set)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Re-index every product.")

    def bar(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()

    def handle(self, *args: Any, rebuild: bool = False, **options: Any) -> None:
        if not rebuild:
            raise CommandError(_("Dùng --rebuild để lập lại chỉ mục tìm kiếm."))
        started = timezone.now()
        clock = time.monotonic()
        self.stdout.write(_("Chỉ mục trong cơ sở dữ liệu:"))
        count = services.database_index_rebuild(progress=self.bar)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã lập chỉ mục %(n)d sản phẩm trong %(s).1f giây.")
                % {"n": count, "s": time.monotonic() - clock}
            )
        )
        stories = services.stories_index_rebuild()
        self.stdout.write(self.style.SUCCESS(_("Đã lập chỉ mục %(n)d câu chuyện.") % {"n": stories}))
        if elasticsearch_enabled():
            self.rebuild_elasticsearch(started)

    def rebuild_elasticsearch(self, started: datetime) -> None:
        from search.backends import elasticsearch

        total = services.database_searchable_count()
        self.stdout.write(_("Elasticsearch:"))
        try:
            summary = elasticsearch.index_rebuild(
                services.searchable_documents(),
                stamp=started.strftime("%Y%m%d%H%M%S"),
                progress=lambda done: self.bar(done, total),
            )
        except elasticsearch.SearchUnavailable as exc:
            raise CommandError(_("Không lập được chỉ mục Elasticsearch: %(e)s") % {"e": exc}) from exc
        self.stdout.write("")
        caught_up = services.products_changed_since(started)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Đã lập chỉ mục %(n)d sản phẩm vào %(index)s trong %(s).1f giây; "
                    "bí danh %(alias)s đã chuyển sang chỉ mục mới."
                )
                % {
                    "n": summary.indexed,
                    "index": summary.index,
                    "s": summary.seconds,
                    "alias": elasticsearch.ALIAS,
                }
            )
        )
        if summary.removed_indexes:
            self.stdout.write(
                _("Đã xoá chỉ mục cũ: %(names)s") % {"names": ", ".join(summary.removed_indexes)}
            )
        if caught_up:
            self.stdout.write(
                _("Đã cập nhật thêm %(n)d sản phẩm thay đổi trong lúc lập chỉ mục.") % {"n": caught_up}
            )
