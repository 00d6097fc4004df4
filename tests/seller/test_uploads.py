"""Uploads are checked by content: not-an-image, oversized, decompression bombs; photos are resized."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.seller.uploads import process_photo, validate_document
from tests.helpers.uploads import jpeg_upload, pdf_upload


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims width × height pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def message(error) -> str:
    return " ".join(error.value.messages)


def test_a_phone_photo_is_turned_upright_resized_and_stripped(settings):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view", as phones write it
    exif[0x010F] = "PhoneMaker"
    Image.new("RGB", (4000, 3000), (200, 30, 30)).save(buffer, "JPEG", exif=exif)
    photo = process_photo(SimpleUploadedFile("IMG_0001.JPG", buffer.getvalue(), "image/jpeg"))
    image = Image.open(io.BytesIO(photo.read()))
    assert image.format == "JPEG"
    assert image.size == (1200, 1600)  # portrait now, longest side 1600
    assert not image.getexif()
    assert photo.name == "IMG_0001.jpg"


def test_a_png_with_transparency_becomes_a_jpeg_on_white():
    buffer = io.BytesIO()
    Image.new("RGBA", (100, 50), (0, 0, 0, 0)).save(buffer, "PNG")
    image = Image.open(io.BytesIO(process_photo(SimpleUploadedFile("a.png", buffer.getvalue())).read()))
    assert image.size == (100, 50) and image.getpixel((10, 10)) == (255, 255, 255)


@pytest.mark.parametrize("check", [process_photo, validate_document])
def test_a_file_that_is_not_an_image_is_refused(check):
    fake = SimpleUploadedFile("anh.jpg", b"<?php echo 'hello'; ?>" * 10, "image/jpeg")
    with pytest.raises(ValidationError) as error:
        check(fake)
    assert message(error) in {"Tệp này không phải là ảnh hợp lệ.", "Chỉ nhận ảnh chụp hoặc tệp PDF."}


def test_a_truncated_image_is_refused():
    data = jpeg_upload().read()
    with pytest.raises(ValidationError) as error:
        process_photo(SimpleUploadedFile("hong.jpg", data[: len(data) // 3]))
    assert message(error) == "Tệp ảnh bị hỏng hoặc không đọc được."


@pytest.mark.parametrize("check", [process_photo, validate_document])
def test_an_oversized_file_is_refused_before_it_is_read(settings, check):
    settings.SELLER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
    big = jpeg_upload()
    big.size = 6 * 1024 * 1024  # as Django reports the uploaded file's size
    with pytest.raises(ValidationError) as error:
        check(big)
    assert message(error) == "Tệp quá lớn (6,0\xa0MB). Tối đa 5,0\xa0MB."


@pytest.mark.parametrize("check", [process_photo, validate_document])
def test_a_decompression_bomb_is_refused_without_decoding_it(check):
    bomb = png_claiming(60_000, 60_000)  # 3.6 gigapixels in a ~100-byte file
    assert len(bomb) < 200
    with pytest.raises(ValidationError) as error:
        check(SimpleUploadedFile("bom.png", bomb, "image/png"))
    assert message(error) == "Ảnh có kích thước điểm ảnh quá lớn."


def test_a_moderately_huge_image_over_the_limit_is_refused(settings):
    settings.SELLER_IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError) as error:
        process_photo(SimpleUploadedFile("to.png", png_claiming(1001, 1000), "image/png"))
    assert message(error) == "Ảnh có kích thước điểm ảnh quá lớn."


def test_documents_may_be_a_pdf_or_a_photo():
    assert validate_document(pdf_upload()).read(5) == b"%PDF-"
    assert validate_document(jpeg_upload()).read(2) == b"\xff\xd8"
