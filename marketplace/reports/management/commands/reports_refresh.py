"""Refresh the analytics' summary tables now: what changed since the last run, or every month."""

import time

from django.core.management.base import BaseCommand

from marketplace.reports import services


class Command(BaseCommand):
    help = "Refresh the analytics' summary tables (--all rewrites every month)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rewrite every month, not only changed ones")

    def handle(self, *args, **options):
        started = time.perf_counter()
        months = services.summaries_rebuild() if options["all"] else services.summaries_refresh_changed()
        seconds = time.perf_counter() - started
        self.stdout.write(f"{len(months)} months refreshed in {seconds:.1f} s")
