"""The interface is Turkish first: every string in the code and templates has a Turkish translation, and the
committed .mo file is the compiled .po (the site reads the .mo; a stale one silently shows English)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCES = ("manage.py", "portal", "practices", "mentorship", "search", "templates", "locale")


def run(*args: str, cwd: Path) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    return subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def entries_flagged(po: Path, flag: str) -> list[str]:
    """msgids that msgattrib reports as untranslated or fuzzy (the header entry aside)."""
    output = run("msgattrib", flag, "--no-obsolete", "--no-wrap", str(po), cwd=po.parent)
    return [line for line in output.splitlines() if line.startswith("msgid ") and line != 'msgid ""']


def test_every_interface_string_has_a_turkish_translation(tmp_path):
    for name in SOURCES:
        source, target = ROOT / name, tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    # Re-extract from the sources, as a developer would: new strings show up untranslated.
    run(sys.executable, "manage.py", "makemessages", "-l", "tr", "--no-obsolete", cwd=tmp_path)
    po = tmp_path / "locale" / "tr" / "LC_MESSAGES" / "django.po"
    assert entries_flagged(po, "--untranslated") == []
    assert entries_flagged(po, "--only-fuzzy") == []


def test_the_committed_turkish_mo_file_is_the_compiled_po(tmp_path):
    compiled = tmp_path / "django.mo"
    messages = ROOT / "locale" / "tr" / "LC_MESSAGES"
    run("msgfmt", "--check-format", "-o", str(compiled), str(messages / "django.po"), cwd=tmp_path)
    assert compiled.read_bytes() == (messages / "django.mo").read_bytes()
