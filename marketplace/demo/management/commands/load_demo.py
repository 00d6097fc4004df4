import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...loader import ACCOUNTS, PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo floor (cooperatives, products, accounts). Safe to run again."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--domain", default="127.0.0.1:8000", help="Host[:port] the site is served on.")

    def handle(self, *args: Any, domain: str, **options: Any) -> None:
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "load_demo refuses to run with production settings: it would create demo accounts "
                "(staff and superuser included) whose password is published in the README. "
                "Run it with DJANGO_SETTINGS_MODULE=marketplace.settings.dev on a development database."
            )

        def progress(done: int, total: int) -> None:
            filled = int(30 * done / total)
            sys.stdout.write(f"\r  products [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            sys.stdout.flush()
            if done == total:
                sys.stdout.write("\n")

        summary = load_demo(domain=domain, progress=progress, say=lambda text: self.stdout.write(f"  {text}"))
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready: {cooperatives} cooperatives, {products} products, "
                "{certificates} OCOP certificates, {indexed} products indexed.".format(**summary)
            )
        )
        accounts = [*ACCOUNTS.values(), *summary["staff"]]
        self.stdout.write(f"  accounts (password {PASSWORD}): " + ", ".join(accounts))
