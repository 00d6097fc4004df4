"""Uploads on an S3-compatible bucket (django-storages), against moto's S3 server.

moto runs in its own virtualenv (`python3.11 -m venv .venv-moto && .venv-moto/bin/pip install
'moto[server]==5.1.18'`, see docs/testing.md): these tests start its server on a free port on
127.0.0.1, or use the one at S3_TEST_ENDPOINT_URL; without either they are skipped.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from marketplace.ocop.models import Certificate
from marketplace.partner.storage import private_storage
from marketplace.settings.base import object_storage
from tests.helpers.uploads import jpeg_upload, pdf_upload

ROOT = Path(__file__).resolve().parents[2]
MOTO_SERVER = ROOT / ".venv-moto" / "bin" / "moto_server"
CREDENTIALS = {"region_name": "us-east-1", "access_key": "testing", "secret_key": "testing"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def s3_endpoint():
    configured = os.environ.get("S3_TEST_ENDPOINT_URL")
    if configured:
        yield configured
        return
    if not MOTO_SERVER.exists():
        pytest.skip("moto is not installed (python3.11 -m venv .venv-moto; see docs/testing.md)")
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not _listening(port):
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.skip("moto's S3 server did not start")
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def bucket(settings, s3_endpoint):
    """A fresh bucket; media and private files stored in it as production would with
    AWS_STORAGE_BUCKET_NAME set. Returns (name, boto3 client)."""
    import boto3

    name = f"chohtx-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": object_storage(
            bucket=name, location="media", private=False, endpoint_url=s3_endpoint, **CREDENTIALS
        ),
        "private": object_storage(
            bucket=name, location="private", private=True, endpoint_url=s3_endpoint, **CREDENTIALS
        ),
    }
    return name, client


def _keys(client, name, prefix):
    return [item["Key"] for item in client.list_objects_v2(Bucket=name, Prefix=prefix).get("Contents", [])]


@pytest.mark.django_db
def test_a_certificate_scan_is_kept_private_in_the_bucket_and_handed_out_only_to_its_cooperative(
    client, coop_a, coop_b, bucket, private_media
):
    name, s3 = bucket
    on_disk = set(Path(private_media).rglob("*"))  # the cooperatives' papers, filed before the bucket
    client.force_login(coop_a.user)
    scan = pdf_upload("giay-ocop.pdf")
    response = client.post(
        "/seller/certificates/new/",
        {
            "stars": "4",
            "group_code": "I.3b",
            "decision_number": "88/QĐ-UBND",
            "signed_on": (date.today() - timedelta(days=3)).isoformat(),
            "issuer": "UBND tỉnh Ninh Bình",
            "scan": scan,
            "products": [coop_a.product.pk],
        },
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get(decision_number="88/QĐ-UBND")
    key = f"private/{certificate.scan.name}"
    assert _keys(s3, name, "private/ocop/") == [key]
    assert set(Path(private_media).rglob("*")) == on_disk  # nothing new on this machine's disk

    # Nobody but the bucket's owner may read it, and a link to it is signed and short-lived.
    grants = s3.get_object_acl(Bucket=name, Key=key)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("/AllUsers")]
    url = private_storage().url(certificate.scan.name)
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url

    downloaded = client.get(f"/seller/certificates/{certificate.pk}/scan/")
    assert downloaded.status_code == 200 and downloaded["Cache-Control"] == "private, no-store"
    assert b"".join(downloaded.streaming_content).startswith(b"%PDF-1.4")
    client.force_login(coop_b.user)
    assert client.get(f"/seller/certificates/{certificate.pk}/scan/").status_code == 404


@pytest.mark.django_db
def test_public_media_goes_under_media_with_plain_links(bucket):
    name, s3 = bucket
    saved = default_storage.save("products/com-chay.jpg", ContentFile(jpeg_upload().read()))
    assert _keys(s3, name, "media/") == [f"media/{saved}"]
    url = default_storage.url(saved)
    assert url.startswith("http://127.0.0.1:") and f"/{name}/media/products/" in url
    assert "Signature" not in url  # cached by browsers and any CDN
    assert _keys(s3, name, "private/") == []


def test_production_keeps_uploads_in_the_bucket_when_one_is_named(tmp_path):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "DJANGO_"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="chohtx.example.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}",
    )
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({k: v['BACKEND'] for k, v in settings.STORAGES.items()}))"
    )

    def backends(**variables):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**environment, **variables},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    assert backends() == {
        "default": "django.core.files.storage.FileSystemStorage",
        "private": "marketplace.partner.storage.PrivateStorage",
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
    assert backends(AWS_STORAGE_BUCKET_NAME="chohtx-uploads", AWS_S3_ENDPOINT_URL="http://s3.local") == {
        "default": "storages.backends.s3.S3Storage",
        "private": "storages.backends.s3.S3Storage",
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
