"""`manage.py check_invariants`: report every broken invariant of the data; exit 1 if any."""

from django.core.management.base import BaseCommand, CommandError

from marketplace.core.invariants import CHECKS


class Command(BaseCommand):
    help = "Check the data's invariants (stock, totals, card payments and refunds, outbox deadlines)."

    def add_arguments(self, parser):
        parser.add_argument("--only", choices=sorted(CHECKS), action="append", help="run only these checks")

    def handle(self, *args, only=None, **options):
        broken = 0
        for name, check in CHECKS.items():
            if only and name not in only:
                continue
            violations = check()
            broken += len(violations)
            for violation in violations:
                self.stdout.write(str(violation))
            if options["verbosity"] >= 1 and not violations:
                self.stdout.write(f"{name}: ok")
        if broken:
            raise CommandError(f"{broken} broken invariant(s)")
