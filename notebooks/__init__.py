"""Slant's notebooks. This folder ships inside the package as ``analysis.notebooks`` (see pyproject.toml), so that
``slant report`` finds its notebook in a normal ``pip install``; open the notebooks here with ``make lab``."""
