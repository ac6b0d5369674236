"""The attribution CRF: its label spans, its features, and the shipped weights (loaded and pinned on a fixed text)."""

import pickle

import pycrfsuite

from analysis import analyze
from analysis._attribution import load_cue_table
from analysis._sequence import (LabelledSpan, Tagging, _feature_numbers, cue_marks, labels_to_spans, load_attribution_model,
                                paragraph_features)

TEXT = ("The regional water board warned on Friday that reservoirs would run dry by August. "
        "Farmers, the board added, should plan for a second year of rationing.")


def test_label_runs_become_spans_and_an_inside_label_after_another_role_opens_one():
    labels = ["B-source", "I-source", "B-cue", "O", "I-content", "I-content", "B-content"]
    assert labels_to_spans(labels) == [LabelledSpan("source", 0, 1), LabelledSpan("cue", 2, 2),
                                       LabelledSpan("content", 4, 5), LabelledSpan("content", 6, 6)]


def test_cue_marks_give_the_kind_and_class_of_the_cues_they_begin_and_continue():
    table = load_cue_table()
    assert cue_marks(["she", "said", "according", "to", "him"], table) == [
        "", "verb:neutral", "phrase:neutral", "in:phrase", ""]


def _paragraph(text):
    doc = analyze(text=text)
    tokens = [t for sentence in doc.analysis.tokens for t in sentence]
    table = load_cue_table()
    features = paragraph_features([list(s) for s in doc.analysis.tokens], doc.analysis.quotes,
                                  cue_marks([t.lower for t in tokens], table))
    return tokens, features


def test_every_token_gets_features_of_its_own():
    tokens, features = _paragraph(TEXT)
    assert len(features) == len(tokens)
    assert "w=warned" in features[4] and "cue=verb:emotive" in features[4]


def test_the_model_survives_pickling_for_parallel_runs():
    model = load_attribution_model()
    copy = pickle.loads(pickle.dumps(model))
    assert copy.model == model.model and copy.cue_stems == model.cue_stems


def test_the_cue_rates_learned_from_polnear_make_cue_words_of_words_in_no_list():
    model = load_attribution_model()
    assert "said" in model.cue_stems and "the" not in model.cue_stems
    assert model.often_a_cue("said") and model.often_a_cue("refuses") and model.often_a_cue("criticism")
    assert not model.often_a_cue("reservoirs") and not model.often_a_cue("the")


def test_the_shipped_weights_load_and_give_the_pinned_labels():
    tokens, features = _paragraph(TEXT)
    spans = labels_to_spans(load_attribution_model().tag(features).labels)
    assert [(s.role, TEXT[tokens[s.first].start:tokens[s.last].end]) for s in spans] == PINNED


def test_a_tagging_keeps_the_cue_probabilities_of_its_own_sequence():
    tokens, features = _paragraph(TEXT)
    model = load_attribution_model()
    tagging = model.tag(features)
    model.tag(_paragraph("The board met on Monday.")[1])
    warned = next(i for i, t in enumerate(tokens) if t.text == "warned")
    assert tagging.labels[warned] == "B-cue" and tagging.cue_probability(LabelledSpan("cue", warned, warned)) > 0.5
    assert tagging.cue_marginals[0] < 0.5 and tagging.labels[0] != "B-cue"  # every token has its probability


#: What the weights of this commit label (``make train`` with the same corpora gives the same file); a refit that
#: changes them updates this line.
PINNED = [("source", "The regional water board"), ("cue", "warned"), ("content", "that reservoirs would run dry by August"),
          ("source", "the board"), ("cue", "added")]


def test_a_paragraph_is_tagged_from_its_features_numbers_with_crfsuites_labels_and_probabilities():
    doc = analyze(text=TEXT + ' "It will be dry," the board said. Nobody expects rain, officials say.')
    sentences = [list(s) for s in doc.analysis.tokens]
    marks = cue_marks([t.lower for s in sentences for t in s], load_cue_table())
    features = paragraph_features(sentences, doc.analysis.quotes, marks)
    model = load_attribution_model()
    numbers = {name: k for k, name in enumerate(model._weights.names, 1)}
    columns = _feature_numbers(sentences, doc.analysis.quotes, marks, model._numbers).T.tolist()
    assert [[n for n in column if n] for column in columns] == [[numbers[f] for f in row if f in numbers]
                                                                for row in features]
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open_inmemory(model.model)
    labels = crfsuite.tag(features)
    marginals = [crfsuite.marginal("B-cue", i) + crfsuite.marginal("I-cue", i) for i in range(len(labels))]
    assert "B-cue" in labels
    assert model.tag_paragraph(sentences, doc.analysis.quotes, marks) == model.tag(features) == Tagging(labels, marginals)


def test_the_shipped_cue_rates_tell_words_seldom_part_of_a_cue():
    model = load_attribution_model()
    assert model.rarely_a_cue("closed") and model.rarely_a_cue("won")  # 3 of 60, 2 of 235 uses in PolNeAR's dev part
    assert not model.rarely_a_cue("said") and not model.rarely_a_cue("warned") and not model.rarely_a_cue("zzzz")
