"""A miniature of ``../shared/corpora``, written for these tests in each corpus's own format (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PTC_TEXT = "Crooks Rule the City\n\nThe corrupt mayor said the vote was a disgrace.\n"
POLNEAR_TEXT = "Smith said the plan would fail, and the board, he added, agreed."
BASIL_BODY = [["The senator lashed out at critics on Monday.", "He said the bill was fine."],
              ["Critics called it a disaster."]]


def write_corpora(root: Path) -> Path:
    """One small item per corpus, in the layout and formats of the shared corpora."""
    (root / "ptc" / "articles").mkdir(parents=True)
    (root / "ptc" / "articles" / "article1.txt").write_text(PTC_TEXT, encoding="utf-8")
    corrupt = PTC_TEXT.index("corrupt")
    crooks = PTC_TEXT.index("Crooks")
    (root / "ptc" / "labels-techniques.tsv").write_text(
        "article\ttechnique\tstart\tend\n"
        f"1\tLoaded_Language\t{corrupt}\t{corrupt + 7}\n"
        f"1\tName_Calling,Labeling\t{crooks}\t{crooks + 6}\n"
        f"1\tDoubt\t0\t5\n", encoding="utf-8")
    (root / "babe").mkdir()
    (root / "babe" / "sentences.csv").write_text(
        "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
        "The radical plan will destroy jobs.;http://a/1;Outlet A;economy;right;Biased;Expresses writer’s opinion;"
        "['radical', 'destroy']\n"
        "The council met on Tuesday.;http://b/2;Outlet B;economy;center;Non-biased;Entirely factual;[]\n",
        encoding="utf-8")
    for outlet, n in (("fox", 1), ("nyt", 2), ("hpo", 3)):
        folder = root / "basil" / "articles" / "2016"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"event-{n}.json").write_text(json.dumps({
            "title": "Senator and critics", "source": outlet, "triplet-uuid": "event",
            "body-paragraphs": BASIL_BODY}), encoding="utf-8")
        annotations = root / "basil" / "annotations" / "2016"
        annotations.mkdir(parents=True, exist_ok=True)
        phrases = [{"bias": "lex", "start": 12, "end": 25, "txt": "lashed out at"},
                   {"bias": "lex", "start": 20, "end": 28, "txt": "disaster"},
                   {"bias": "inf", "start": 0, "end": 26, "txt": "He said the bill was fine."}][:n]
        (annotations / f"event-{n}_ann.json").write_text(json.dumps({"phrase-level-annotations": phrases}),
                                                         encoding="utf-8")
    train = root / "polnear" / "data" / "train"
    (train / "text").mkdir(parents=True)
    (train / "attributions").mkdir()
    (train / "text" / "doc-one.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    (train / "attributions" / "doc-one_4e07.ann").write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 30\tthe plan would fail\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tSource 47 49\the\nT6\tCue 50 55\tadded\nT7\tContent 36 45;57 63\tthe board agreed\n"
        "T8\tAttribution 50 55\tadded\nE2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n", encoding="utf-8")
    (train / "attributions" / "doc-one_d473.ann").write_text("", encoding="utf-8")  # a second annotator
    (root / "newsmtsc").mkdir()
    (root / "newsmtsc" / "train.jsonl").write_text(json.dumps({
        "primary_gid": "allsides_1_2_3_Smith_0_5", "sentence_normalized": "Smith praised Jones for his courage.",
        "targets": [{"from": 0, "to": 5, "mention": "Smith", "polarity": 4.0},
                    {"from": 14, "to": 19, "mention": "Jones", "polarity": 6.0}]}) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def corpora(tmp_path: Path) -> Path:
    return write_corpora(tmp_path / "corpora")
