"""The withholding rates of Decree 117/2025/NĐ-CP (from 1 July 2025), and, on PostgreSQL, triggers
that refuse UPDATE and DELETE on the ledger's money records."""

from datetime import date

from django.db import migrations

DECREE = "Nghị định 117/2025/NĐ-CP, Điều 5 (sàn có chức năng thanh toán khấu trừ, nộp thay)"
RATES = [("goods", 100, 50), ("services", 500, 200)]
TABLES = ["ledger_transaction", "ledger_entry", "ledger_withholding", "ledger_statement", "ledger_payout",
          "ledger_subordercommission"]


def rates_seed(apps, schema_editor):
    WithholdingRate = apps.get_model("ledger", "WithholdingRate")
    for supply, vat_bp, pit_bp in RATES:
        WithholdingRate.objects.get_or_create(
            supply=supply,
            valid_from=date(2025, 7, 1),
            defaults={"vat_bp": vat_bp, "pit_bp": pit_bp, "legal_basis": DECREE},
        )


def triggers_add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        """
        CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'ledger rows are append-only' USING DETAIL = TG_OP || ' on ' || TG_TABLE_NAME;
        END;
        $$ LANGUAGE plpgsql;
        """
    )
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();"
        )


def triggers_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS ledger_refuse_change();")


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_ledger_accounts_entries_rules")]

    operations = [
        migrations.RunPython(rates_seed, migrations.RunPython.noop),
        migrations.RunPython(triggers_add, triggers_drop),
    ]
