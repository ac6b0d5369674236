"""The tables of a corpus folder (``slant corpus``), read back: each table is the Parquet parts of its folder.

Kept apart from the corpus run (``_corpus``), so that what reads the tables (the corpus notebook's ``_trends``) does
not import the pipeline, its models and their libraries: a report's kernel starts without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

#: The tables of a corpus, one row per item, each with ``article_id`` first and scalar cells.
TABLES = ("articles", "paragraphs", "sentences", "loaded_terms", "attributions", "actors")


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """One table of a corpus folder (see ``TABLES``) as a DataFrame, in input order."""
    import pandas as pd

    if name not in TABLES:
        raise ValueError(f"no corpus table {name!r}: one of {', '.join(TABLES)}")
    parts = table_parts(Path(folder), name)
    if not parts:
        return pd.DataFrame({"article_id": pd.Series(dtype="object")})
    return read_parts(parts, schema=table_schema(parts)).to_pandas()


def table_parts(folder: Path, name: str) -> list[Path]:
    """The committed Parquet parts of one table, in input order (their names begin with their first article's
    position)."""
    return sorted((folder / name).glob("part-*.parquet"))


def table_schema(parts: list[Path]) -> pa.Schema:
    """The schema of all the parts: a column that is empty (null) in one part takes its type from the others."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pa.unify_schemas([pq.read_schema(p) for p in parts], promote_options="permissive")


def read_parts(parts: list[Path], *, schema: pa.Schema) -> pa.Table:
    """The rows of ``parts`` as one Arrow table of ``schema``."""
    import pyarrow.dataset as ds

    return ds.dataset([str(p) for p in parts], schema=schema, format="parquet").to_table()
