import pytest

from analysis import DataFileError, check_lexicon, load_lexicon
from analysis._lexicon import LEXICON_CATEGORIES

HEADER = "term\tcategory\tweight\tnote\n"


def test_builtin_lexicon_is_valid_documented_and_without_duplicates():
    lexicon = load_lexicon()
    keys = [e.key for e in lexicon.entries]
    assert len(keys) == len(set(keys))
    assert all(e.category in LEXICON_CATEGORIES and e.note and 0 < e.weight <= 3 for e in lexicon.entries)
    assert set(lexicon.sources) == {"loaded.tsv"}
    assert all(len(digest) == 64 for digest in lexicon.sources.values())


def test_user_file_is_named_with_its_hash(tmp_path):
    path = tmp_path / "extra.tsv"
    path.write_text(HEADER + "spin doctor\tlabeling\t1\tderogatory label for press officers\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    assert set(lexicon.sources) == {"loaded.tsv", "extra.tsv"}
    assert any(e.term == "spin doctor" for e in lexicon.entries)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("a\tlabeling\t1\tnote\nb\tanger\t1\tnote\n", 3, "unknown category 'anger'"),
        ("a\tlabeling\tmuch\tnote\n", 2, "weight 'much' is not a number"),
        ("a\tlabeling\t9\tnote\n", 2, "out of range"),
        ("a\tlabeling\t1\t\n", 2, "has no note"),
        ("a b\tlabeling\t1\tx\na  b\temotive\t1\ty\n", 3, "duplicate term 'a b' (first on line 2)"),
        ("\tlabeling\t1\tx\n", 2, "empty term"),
    ],
)
def test_check_names_the_line_and_the_problem(tmp_path, body, line, message):
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        check_lexicon(path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_missing_columns_and_missing_file(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("term,category\nx,labeling\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        check_lexicon(path)
    with pytest.raises(DataFileError, match="no such file"):
        check_lexicon(tmp_path / "absent.tsv")
