"""Fill the commune code of existing cooperatives whose commune name matches exactly one commune or
ward of their province (marketplace.geo); the others keep an empty code until edited."""

from django.db import migrations


def fill_codes(apps, schema_editor):
    from marketplace.geo import commune_named

    Partner = apps.get_model("partner", "Partner")
    for partner in (
        Partner.objects.filter(commune_code="").exclude(commune="").only("pk", "province", "commune")
    ):
        commune = commune_named(partner.province or "", partner.commune)
        if commune is not None:
            Partner.objects.filter(pk=partner.pk).update(commune_code=commune.code, commune=commune.name)


class Migration(migrations.Migration):
    dependencies = [("partner", "0010_partner_commune_code")]

    operations = [migrations.RunPython(fill_codes, migrations.RunPython.noop)]
