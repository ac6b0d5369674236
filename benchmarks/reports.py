"""The report benchmarks of ``make bench``: what one report and a batch of reports take.

- report: ``slant report`` of the seed (analysis, notebook, HTML, fresh kernel) against papermill + nbconvert on a
  notebook that only imports pandas, matplotlib and seaborn and draws one figure (fresh kernel too); target <= 1.5x;
- batch: ``slant report`` of 20 copies of the seed (as many kernels as cores for the batch) against one report;
  target <= 8x.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_8122d49cfe791c67.txt"
ACTORS = REPO / "seeds" / "aleppo-2024.actors.yml"
BASELINE = """import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns

frame = pd.DataFrame({"paragraph": range(20), "tone": [((i * 7) % 11 - 5) / 5 for i in range(20)]})
sns.barplot(data=frame, x="paragraph", y="tone")
plt.show()"""


def baseline(work: Path) -> None:
    """papermill, then nbconvert to HTML, on the one-figure notebook."""
    import papermill
    from nbconvert import HTMLExporter

    work.mkdir(parents=True, exist_ok=True)
    notebook = work / "baseline.ipynb"
    if not notebook.exists():
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BASELINE)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, notebook)
    papermill.execute_notebook(str(notebook), str(work / "executed.ipynb"), kernel_name="python3",
                               progress_bar=False, log_output=False, cwd=str(work))
    html, _ = HTMLExporter().from_notebook_node(nbformat.read(work / "executed.ipynb", as_version=4))
    (work / "baseline.html").write_text(html, encoding="utf-8")


def seed_report(work: Path) -> None:
    """``slant report`` of the seed to one HTML file."""
    _slant(["report", str(SEED), "--actors", str(ACTORS), "-o", str(work / "seed.html")])


def batch(work: Path, articles: int) -> None:
    """``slant report`` of ``articles`` copies of the seed into a folder (a kernel per core, as by default)."""
    folder = work / "batch"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for k in range(articles):
            shutil.copyfile(SEED, folder / f"seed-{k:02d}.txt")
    shutil.rmtree(work / "reports", ignore_errors=True)
    _slant(["report", str(folder), "--actors", str(ACTORS), "-o", str(work / "reports")])


def _slant(arguments: list[str]) -> None:
    """``slant ARGUMENTS`` in this process, quietly."""
    from analysis._cli import main

    if main([*arguments, "-q"]) != 0:
        raise SystemExit(f"slant {' '.join(arguments)} failed")
