"""Legal pages carry an effective date and a note of what changed; their published text becomes the
documents' first versions (marketplace/legal), so every page already live shows "phiên bản 1"."""

import django.utils.timezone
from django.db import migrations, models


def first_versions(apps, schema_editor):
    LegalPage = apps.get_model("cms", "LegalPage")
    Version = apps.get_model("legal", "Version")
    for page in LegalPage.objects.filter(live=True, locale__language_code="vi").order_by("pk"):
        if Version.objects.filter(kind=page.kind).exists():
            continue
        if page.effective_from is None:
            page.effective_from = django.utils.timezone.localdate()
            page.save(update_fields=["effective_from"])
        Version.objects.create(
            kind=page.kind,
            number=1,
            title=page.title,
            body=page.body,
            effective_from=page.effective_from,
            page_id=page.pk,
            revision_id=page.live_revision_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_link_fields_http_only"),
        ("legal", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("legalpage", "updated_on", "effective_from"),
        migrations.AlterField(
            model_name="legalpage",
            name="effective_from",
            field=models.DateField(
                blank=True,
                null=True,
                help_text="Khi xuất bản nội dung đã thay đổi, một phiên bản mới được lưu và có hiệu lực từ "
                "ngày này; phiên bản cũ vẫn đọc được.",
                verbose_name="Có hiệu lực từ ngày",
            ),
        ),
        migrations.AddField(
            model_name="legalpage",
            name="changes",
            field=models.TextField(
                blank=True,
                help_text="Vài dòng ngắn; người dùng đọc chúng khi được mời đồng ý phiên bản mới.",
                verbose_name="Những điểm thay đổi so với phiên bản trước",
            ),
        ),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]
