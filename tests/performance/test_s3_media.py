"""Media on S3-compatible storage (django-storages), against moto's S3 server on loopback.

With several stateless instances no upload may live on one machine's disk: images and their renditions
go to the bucket and come back from it.
"""

import contextlib
import io

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import override_settings
from PIL import Image

from tests.net import free_port

BUCKET = "starkimamt-media"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "eu-central-1"}



@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS)
    location = {"LocationConstraint": CREDENTIALS["region_name"]}
    # A first request retried on a busy machine finds the bucket made already.
    with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration=location)
    yield endpoint
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, monkeypatch):
    """STORAGES["default"] as base.py sets it when AWS_STORAGE_BUCKET_NAME and S3_ENDPOINT_URL are given."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", CREDENTIALS["aws_access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", CREDENTIALS["aws_secret_access_key"])
    storages = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME=CREDENTIALS["region_name"],
        AWS_S3_FILE_OVERWRITE=False,
        AWS_DEFAULT_ACL=None,
        AWS_QUERYSTRING_AUTH=False,
    ):
        yield boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)


def png(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_file_goes_to_the_bucket_and_comes_back(s3_media):
    from django.core.files.storage import default_storage

    name = default_storage.save("dokumente/probe.txt", ContentFile(b"Stark im Amt"))
    assert default_storage.open(name).read() == b"Stark im Amt"
    assert s3_media.get_object(Bucket=BUCKET, Key=name)["Body"].read() == b"Stark im Amt"
    assert default_storage.url(name).startswith(f"{s3_media.meta.endpoint_url}/{BUCKET}/")


@pytest.mark.django_db
def test_an_uploaded_image_and_its_rendition_live_in_the_bucket(s3_media, tmp_path, settings):
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = tmp_path  # where files would land if the storage were still the local disk

    image = get_image_model().objects.create(title="Probe", file=ImageFile(io.BytesIO(png()), name="probe.png"))
    keys = {item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys
    rendition = image.get_rendition("max-20x20|format-webp")
    keys = {item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert rendition.file.name in keys
    assert (rendition.width, rendition.height) == (20, 15)
    with Image.open(io.BytesIO(rendition.file.open().read())) as read_back:
        assert read_back.format == "WEBP"
    assert not list(tmp_path.iterdir())  # nothing on local disk


def test_the_bucket_in_the_environment_switches_media_to_s3():
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.STORAGES['default']['BACKEND'], settings.AWS_S3_ENDPOINT_URL]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "starkimamt.settings.test"}
    env.update(AWS_STORAGE_BUCKET_NAME=BUCKET, S3_ENDPOINT_URL="http://127.0.0.1:9000")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["storages.backends.s3.S3Storage", "http://127.0.0.1:9000"]
