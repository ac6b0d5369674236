"""A normal, non-editable install: the notebooks ship inside the package and ``slant report`` works from it."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import ARTICLE, ARTICLE_TITLE, REPO


def test_slant_report_works_from_a_non_editable_install(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies come from this environment (fast and offline); only Slant itself is built and installed.
    Path(site, "slant-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    (venv / "share").mkdir()
    (venv / "share" / "jupyter").symlink_to(Path(sys.prefix, "share", "jupyter"))  # nbconvert's templates, with it
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
               "--no-build-isolation", "--no-index", "--ignore-installed", "--disable-pip-version-check", str(REPO)]
    result = subprocess.run(install, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    located = subprocess.run([python, "-c", "import analysis, analysis._report as r; print(analysis.__file__); "
                              "print(r.notebook_path(r.ARTICLE_NOTEBOOK))"], capture_output=True, text=True, cwd=work)
    package, notebook = located.stdout.split()
    assert package.startswith(site) and notebook.startswith(site) and Path(notebook).is_file()
    (work / "rebels.md").write_text(ARTICLE, encoding="utf-8")
    report = subprocess.run([venv / "bin" / "slant", "report", "rebels.md", "-o", "out"], capture_output=True,
                            text=True, cwd=work, timeout=300)
    assert report.returncode == 0, report.stderr
    assert ARTICLE_TITLE in (work / "out" / "rebels.html").read_text(encoding="utf-8")
    assert (work / "out" / "index.html").is_file()
