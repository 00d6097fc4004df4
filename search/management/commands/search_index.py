import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search import services


class Command(BaseCommand):
    help = "Build the product search index (database backend)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Re-index every product.")

    def handle(self, *args, rebuild=False, **options):
        def progress(done, total):
            width = 30
            filled = int(width * done / total) if total else width
            sys.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stdout.flush()

        count = services.index_rebuild(progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(_("Đã lập chỉ mục %(n)d sản phẩm.") % {"n": count}))
