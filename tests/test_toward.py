"""Tone toward a mention: the shipped weights load and give a pinned output; the tone differs by actor within one
sentence; the actor tables carry it."""

import pytest

from analysis import analyze
from analysis._pipeline import load_resources
from analysis._toward import CLASSES, load_toward_model, toward_span

SENTENCE = "The mayor thanked the nurses for their tireless work, while critics blasted the governor for the delays."


@pytest.fixture(scope="module")
def resources():
    return load_resources()


def _toward(resources, text, word):
    start = text.index(word)
    return toward_span(analyze(text=text, resources=resources).analysis, resources.toward, start, start + len(word))


def test_shipped_weights_load_and_give_a_pinned_output(resources):
    model = load_toward_model()
    assert len(model.intercepts) == len(CLASSES) and len(model.weights) > 100
    toward = _toward(resources, SENTENCE, "mayor")
    assert toward.score == pytest.approx(0.6403, abs=1e-4)  # "thanked" is an attribution (the CRF) since issue 11
    assert sum(toward.probabilities) == pytest.approx(1.0, abs=1e-3)
    assert [e.text for e in toward.evidence] == ["thanked"]


def test_the_tone_toward_each_actor_of_one_sentence_differs(resources):
    assert _toward(resources, SENTENCE, "mayor").polarity == "positive"
    assert _toward(resources, SENTENCE, "governor").polarity == "negative"


def test_a_weights_file_is_read_from_its_text():
    model = load_toward_model("# a comment\nfeature\tnegative\tneutral\tpositive\n(intercept)\t0\t1\t0\n"
                              "clause:positive\t-1\t0\t2\n")
    assert model.intercepts == (0.0, 1.0, 0.0)
    assert model.probabilities({"clause:positive": 1.0})[2] > model.probabilities({})[2]


def test_actor_tables_and_json_carry_the_tone_toward_each_actor(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("- name: Mayor Lund\n  aliases: [the mayor]\n- name: Governor Avery\n  aliases: [the governor]\n",
                    encoding="utf-8")
    doc = analyze(text=SENTENCE, actors=path)
    table = doc.actors.set_index("actor")
    assert table.loc["Mayor Lund", "tone_toward"] > 0 > table.loc["Governor Avery", "tone_toward"]
    assert table.loc["Mayor Lund", "tone"] == table.loc["Governor Avery", "tone"]  # the sentence tone stays
    assert "blasted" in table.loc["Governor Avery", "evidence"]
    record = doc.to_dict()
    mention = record["actor_mentions"][0]
    assert SENTENCE[mention["evidence"][0]["start"]:mention["evidence"][0]["end"]] == mention["evidence"][0]["text"]
    assert type(doc).from_dict(record).analysis.actor_mentions == doc.analysis.actor_mentions
