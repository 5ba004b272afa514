"""The deployment samples in deploy/ agree with each other and with the settings (deploy/smoke.sh runs them).

These checks are quick and need no nginx: what media nginx may serve, that the three systemd units share one
environment, and that the gunicorn configuration binds loopback and points at the project's WSGI app.
"""

import configparser
import importlib
import re
import runpy
from pathlib import Path

from django.conf import settings
from django.urls import clear_url_caches

import pytest

import portal.urls

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = ["atlas-web.service", "atlas-worker.service", "atlas-scheduler.service"]


def nginx_locations() -> dict[str, str]:
    """location prefix -> its block's text, for the ^~ prefix locations of the site."""
    text = (DEPLOY / "nginx" / "atlas.conf").read_text()
    text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("#"))
    blocks = {}
    for match in re.finditer(r"location \^~ (\S+) \{(.*?)\n    \}", text, re.S):
        blocks[match.group(1)] = match.group(2)
    return blocks


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string((DEPLOY / "systemd" / name).read_text())
    return parser


def test_nginx_serves_images_from_disk_but_never_documents_or_kits():
    locations = nginx_locations()
    assert set(locations) == {"/static/", "/media/images/", "/media/original_images/", "/media/"}
    assert "return 404" in locations["/media/"]
    assert "alias" not in locations["/media/"]
    for prefix in ("/media/images/", "/media/original_images/"):
        assert f"alias /srv/atlas{prefix}" in locations[prefix]
    # Documents reach visitors only through Wagtail's view, which checks private collections.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.MEDIA_URL == "/media/" and settings.STATIC_URL == "/static/"


def test_nginx_passes_what_production_settings_read():
    text = (DEPLOY / "nginx" / "atlas.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text  # SECURE_PROXY_SSL_HEADER
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text  # TRUSTED_PROXY_COUNT=1
    upload_limit_mb = int(re.search(r"client_max_body_size (\d+)m;", text).group(1))
    assert upload_limit_mb * 1024 * 1024 > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def test_the_three_units_share_one_environment():
    services = {name: unit(name)["Service"] for name in UNITS}
    for key in ("User", "Group", "WorkingDirectory", "EnvironmentFile"):
        values = {service.get(key) for service in services.values()}
        assert len(values) == 1, f"{key} differs between the units: {values}"
    web = (DEPLOY / "systemd" / "atlas-web.service").read_text()
    worker = (DEPLOY / "systemd" / "atlas-worker.service").read_text()
    for line in (
        "Environment=DJANGO_SETTINGS_MODULE=portal.settings.production",
        "Environment=TASK_BACKEND=database",
    ):
        assert line in web and line in worker
    assert "gunicorn --config deploy/gunicorn.conf.py" in web


def test_gunicorn_binds_loopback_and_serves_the_project(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8000"
    assert config["wsgi_app"] == "portal.wsgi:application"
    assert 1 < config["workers"] <= 8
    assert config["forwarded_allow_ips"] == "127.0.0.1"
    upstream = re.search(r"server (127\.0\.0\.1:\d+)", (DEPLOY / "nginx" / "atlas.conf").read_text()).group(1)
    assert upstream == config["bind"]


@pytest.fixture
def development_urls(settings, tmp_path):
    """portal.urls as `make run` builds it (DEBUG), with uploads in a temporary MEDIA_ROOT."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    importlib.reload(portal.urls)
    clear_url_caches()
    yield tmp_path
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_development_server_serves_images_but_never_document_files(client, development_urls):
    for name, content in {
        "images/photo.width-160.jpg": b"jpeg",
        "original_images/photo.jpg": b"jpeg",
        "documents/private-minutes.txt": b"private",
        "kits/7/abc/tr/kit.pdf": b"%PDF",
    }.items():
        path = development_urls / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    assert client.get("/media/images/photo.width-160.jpg").status_code == 200
    assert client.get("/media/original_images/photo.jpg").status_code == 200
    # A document in a private collection would be readable by anyone who knew its file name.
    assert client.get("/media/documents/private-minutes.txt").status_code == 404
    assert client.get("/media/kits/7/abc/tr/kit.pdf").status_code == 404
