"""``make lab``: JupyterLab saves the notebooks of ``notebooks/`` as committed, byte for byte.

The git filter (``make setup``) already keeps outputs, counts and kernel details out of git, but git lists a notebook
that JupyterLab saved as modified while its cleaned content is unchanged (the file's size changed). Saved through this
hook, the file is the filter's clean side from the start: ``git status`` stays clean.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

#: The folder of the committed notebooks, relative to the repository root (JupyterLab's root with ``make lab``).
NOTEBOOKS = "notebooks/"


def keep_as_committed(model: dict[str, Any], path: str, contents_manager: Any, **_: Any) -> None:  # noqa: ANN401
    """A ``FileContentsManager.pre_save_hook``: a notebook of ``notebooks/`` is saved as the repository's git filter
    cleans it. Outside a git checkout with the filter, or for any other file, the model is saved as it is."""
    if model.get("type") != "notebook" or not path.lstrip("/").startswith(NOTEBOOKS):
        return
    import nbformat

    root = Path(contents_manager.root_dir)
    clean = subprocess.run(["git", "config", "--get", "filter.nbstripout.clean"], cwd=root, capture_output=True,
                           text=True, check=False).stdout.strip()
    if not clean:
        return
    notebook = nbformat.writes(nbformat.from_dict(model["content"]), version=nbformat.NO_CONVERT)
    # The filter is the repository's own command (make setup writes it), run as git runs it: by the shell, at the root.
    cleaned = subprocess.run(clean, shell=True, cwd=root, input=notebook, capture_output=True, text=True, check=True)  # noqa: S602
    model["content"] = nbformat.reads(cleaned.stdout, as_version=nbformat.NO_CONVERT)
