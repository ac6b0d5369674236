"""``evaluation.train_loaded``: the dev passages read blind label every word marked in them, and only dev passages
are read."""

import json

import pytest

from analysis._loaded_model import LOADED, NAME_CALLING, OTHER
from analysis._sentiment import load_sentiment
from evaluation import readings, train_loaded
from tests.evaluation.miniature import corpora  # noqa: F401 (a fixture)


def _mark(corpora, capsys, folder, kind: str, part: str, spans: list[tuple[str, str]]) -> str:
    """A marks file of draw 1 (size 5) of ``kind`` in ``part``, marking each word in the first passage."""
    assert readings.main(["draw", kind, "--size", "5", "--part", part, "--corpora", str(corpora)]) == 0
    passage = json.loads(capsys.readouterr().out.splitlines()[0])
    rows = "".join(f"{passage['key']}\t{passage['text'].index(word)}\t{passage['text'].index(word) + len(word)}"
                   f"\t{category}\n" for word, category in spans)
    path = folder / f"marks-{part}-{kind.removeprefix('text-')}-1.tsv"
    path.write_text(f"# draw: {kind} {part} 1 5\nkey\tstart\tend\tcategory\n{rows}", encoding="utf-8")
    return passage["text"]


def test_marked_words_label_the_sentences_of_a_passage_read_blind(corpora, capsys, tmp_path):
    # the miniature's BABE sentence "The radical plan will destroy jobs." is in the dev part; BABE marks two words
    text = _mark(corpora, capsys, tmp_path, "text-babe", "dev", [("radical", "labeling"), ("jobs", "emotive")])
    read = train_loaded.blind_readings(str(corpora), tmp_path)
    (item,) = [item for corpus, item in read]
    start = text.index("radical")
    assert read["babe", item].passages == [(0, len(text))]
    assert read["babe", item].gold == [(start, start + 7, NAME_CALLING), (text.index("jobs"), len(text) - 1, LOADED)]
    examples = train_loaded.read_examples(str(corpora), load_sentiment(), readings=tmp_path)
    (marked,) = [e for e in examples if e.marked]
    assert marked.text == text
    labels = {token.text: label for token, label in zip(marked.tokens, marked.labels)}
    # the reader's label before BABE's word; a word only the reader marked; a word only BABE marked; neither
    assert labels == {"The": OTHER, "radical": NAME_CALLING, "plan": OTHER, "will": OTHER, "destroy": LOADED,
                      "jobs": LOADED, ".": OTHER}
    assert all(not e.marked for e in train_loaded.read_examples(str(corpora), load_sentiment(), readings=tmp_path / "none"))


def test_readings_of_the_held_out_part_are_refused(corpora, capsys, tmp_path):
    _mark(corpora, capsys, tmp_path, "text-ptc", "heldout", [("corrupt", "emotive")])
    (tmp_path / "marks-heldout-ptc-1.tsv").rename(tmp_path / "marks-dev-ptc-1.tsv")  # named as a dev reading
    with pytest.raises(SystemExit, match="learns from dev passages only"):
        train_loaded.blind_readings(str(corpora), tmp_path)


def test_a_sentence_read_blind_goes_into_the_crf_marked_copies_times(monkeypatch):
    appended = []

    class Trainer:
        def __init__(self, verbose):
            pass

        def append(self, features, labels):
            appended.append(labels)

        def set_params(self, params):
            assert params == train_loaded.CRF_PARAMS

        def train(self, path):
            pass

    monkeypatch.setattr(train_loaded.pycrfsuite, "Trainer", Trainer)
    example = train_loaded.Example("babe", "0", "Fine.", [], [["w=fine"]], [OTHER], [])
    blind = train_loaded.Example("babe", "1", "Awful.", [], [["w=awful"]], [LOADED], [], marked=True)
    train_loaded.fit_crf([example, blind], "unused")
    assert appended == [[OTHER]] + [[LOADED]] * train_loaded.MARKED_COPIES and train_loaded.MARKED_COPIES > 1
