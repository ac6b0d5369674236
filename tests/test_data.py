"""The shipped data files: every row says where it comes from."""

from importlib import resources

import pytest

from analysis._data import read_tsv

FOLDERS = ("data", "lexicons")
FILES = sorted((folder, path.name) for folder in FOLDERS
               for path in resources.files("analysis").joinpath(folder).iterdir() if path.name.endswith(".tsv"))
#: Files written by a program: the header names it (its fit and data are documented there).
FITTED = {"tone_model.tsv": "evaluation.calibrate", "tone_words.tsv": "evaluation.calibrate",
          "tone_toward.tsv": "evaluation.train toward", "first_names.tsv": "evaluation.first_names"}


def test_every_data_file_is_checked():
    assert {name for _, name in FILES} >= {"cues.tsv", "sources.tsv", "loaded.tsv", "opinion.tsv", "events.tsv"}


@pytest.mark.parametrize(("folder", "name"), FILES)
def test_each_row_has_a_source(folder, name):
    text = resources.files("analysis").joinpath(folder, name).read_text(encoding="utf-8")
    header, rows = read_tsv(text)
    comments = [line for line in text.split("\n") if line.startswith("#")]
    if name in FITTED:
        assert any(FITTED[name] in line for line in comments), name
    elif "source" in header:
        assert all(row["source"] for _, row in rows), [line for line, row in rows if not row["source"]]
    else:  # one source for the whole file
        assert any(line.startswith("# source:") for line in comments), name
