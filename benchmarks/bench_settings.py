"""Production settings plus the framework-ceiling view; used only by benchmarks/run.py, never deployed."""

import os
from pathlib import Path

from portal.settings.production import *  # noqa: F403
from portal.settings.production import BASE_DIR

# The same URLs as production plus /bench/minimal/, so portal.urls stays free of benchmark routes.
ROOT_URLCONF = "benchmarks.bench_urls"
# collectstatic for the benchmark writes here, not into the shared staticfiles/ of the working tree.
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", BASE_DIR / "benchmarks" / ".work" / "static"))
