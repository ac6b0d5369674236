"""Shared test data: a small article with a title, a byline, quotes, attributions and loaded terms."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Test files name data by paths relative to the repository (seeds/…, tests/data/…): read them from there, wherever
# pytest was started.
os.chdir(REPO)

ARTICLE_TITLE = "Rebels Seize the Airport"
ARTICLE = f"""---
title: {ARTICLE_TITLE}
outlet: Example News
published: 2024-11-30
---
{ARTICLE_TITLE}

By Jane Doe

The militants stormed the airport on Saturday, officials said. "We will never surrender," the governor told reporters.

According to the army, the so-called "liberators" shockingly destroyed a bridge. He said the regime had clearly lost control.
"""


def modules_loaded_by(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh Python process has imported after running ``code`` (from the repository)."""
    probe = f"{code}\nimport sys\nprint(sorted(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    """``ARTICLE`` written to ``tmp_path/rebels.md``."""
    path = tmp_path / "rebels.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
