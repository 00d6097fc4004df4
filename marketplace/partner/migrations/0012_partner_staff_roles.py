"""Each member of a cooperative gets a role: Partner.users now goes through PartnerStaff, on the
same table Oscar's plain many-to-many created, with a `role` column. In every existing
cooperative the earliest member becomes its owner; the others are staff."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def earliest_member_owns(apps, schema_editor):
    PartnerStaff = apps.get_model("partner", "PartnerStaff")
    partners_with_owner = set(PartnerStaff.objects.filter(role="owner").values_list("partner_id", flat=True))
    for row in PartnerStaff.objects.order_by("partner_id", "pk"):
        if row.partner_id not in partners_with_owner:
            PartnerStaff.objects.filter(pk=row.pk).update(role="owner")
            partners_with_owner.add(row.partner_id)


class Migration(migrations.Migration):
    dependencies = [
        ("partner", "0011_fill_partner_commune_codes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PartnerStaff",
                    fields=[
                        (
                            "id",
                            models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "partner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="staff_roles",
                                to="partner.partner",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="cooperative_roles",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Cán bộ hợp tác xã",
                        "verbose_name_plural": "Cán bộ hợp tác xã",
                        "db_table": "partner_partner_users",
                        "unique_together": {("partner", "user")},
                    },
                ),
                migrations.AlterField(
                    model_name="partner",
                    name="users",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="partners",
                        through="partner.PartnerStaff",
                        through_fields=("partner", "user"),
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Cán bộ",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="partnerstaff",
            name="role",
            field=models.CharField(
                choices=[("owner", "Chủ gian hàng"), ("staff", "Nhân viên")],
                default="staff",
                max_length=8,
                verbose_name="Vai trò",
            ),
        ),
        migrations.RunPython(earliest_member_owns, migrations.RunPython.noop),
    ]
