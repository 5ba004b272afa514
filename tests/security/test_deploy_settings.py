"""Production settings pass Django's deployment checklist and refuse to start without a real secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    unset = {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}
    base_env = {key: value for key, value in os.environ.items() if key not in unset}
    base_env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "atlas.example.gov.tr",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # not contacted by the checks
    }


def test_check_deploy_reports_no_warnings_with_a_realistic_environment(production_env, tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(production_env, tmp_path):
    del production_env["SECRET_KEY"]
    result = run_manage("check", env=production_env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("weak_key", ["short-key", "dev-" + "x" * 60, "django-insecure-" + "y" * 60])
def test_production_refuses_a_short_or_placeholder_secret_key(production_env, tmp_path, weak_key):
    production_env["SECRET_KEY"] = weak_key
    result = run_manage("check", env=production_env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be a real secret" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(production_env, tmp_path):
    del production_env["ALLOWED_HOSTS"]
    result = run_manage("check", env=production_env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_is_an_error_without_a_shared_cache(production_env, tmp_path):
    del production_env["REDIS_URL"]
    result = run_manage("check", "--deploy", env=production_env, tmp_path=tmp_path)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "portal.E010" in output
    assert "rate limit" in output and "per process" in output and "REDIS_URL" in output
