"""The loaded-language model (``_loaded_model``): the shipped weights load and give the same output on a fixed text;
how its spans and the lexicon's terms combine."""

from __future__ import annotations

import copy
from functools import lru_cache
from importlib import resources as package_files

import pycrfsuite
import pytest

from analysis import analyze
import math

from analysis._loaded_model import (
    MODEL_FILE,
    NAME_CALLING,
    OTHER,
    SENTENCE_INPUTS,
    LoadedModel,
    SentenceReading,
    TokenContext,
    attribute_numbers,
    judge_terms,
    load_loaded_model,
    model_spans,
    sentence_terms,
    token_features,
)
from analysis._word_clusters import NO_CLUSTERS, parse_word_clusters
from analysis._model import LoadedTerm, Sentence, Token
from analysis._pipeline import Resources, load_resources

#: Written for this test (no corpus or seed sentence).
TEXT = ("Council Caves To Angry Mob\n\n"
        "The council approved the budget on Tuesday after a long debate. "
        "Critics said the spineless councillors had surrendered to a screaming horde of radical activists.\n\n"
        "“This is a shameful betrayal,” one resident said.")


@lru_cache(maxsize=1)
def resources() -> Resources:
    return load_resources()


def test_shipped_weights_load_with_their_settings():
    model = load_loaded_model()
    assert 0 < model.token_threshold < 1 and 0 < model.lexicon_threshold < 1 and 0 < model.sentence_threshold < 1
    assert model.lexicon_threshold <= model.mild_lexicon_threshold < 1
    assert len(model.sentence_weights) == len(SENTENCE_INPUTS)
    assert set(model.tagger.labels()) == {"L", "N", "O"}
    assert model.words and all(idf > 0 for idf, _ in model.words.values())


def tokens_of(words: list[str]) -> list[Token]:
    tokens, at = [], 0
    for word in words:
        tokens.append(Token(at, at + len(word), word))
        at += len(word) + 1
    return tokens


def test_word_model_reads_words_and_word_pairs_as_tf_idf():
    tokens = tokens_of("Vile plans , vile plans".split())
    assert sentence_terms(tokens) == ["vile", "plans", "vile", "plans", "vile plans", "plans vile", "vile plans"]
    model = load_loaded_model()
    model.words, model.words_intercept = {"vile": (2.0, 1.5), "vile plans": (3.0, -0.5)}, 0.25
    x = {"vile": (1 + math.log(2)) * 2.0, "vile plans": (1 + math.log(2)) * 3.0}
    norm = math.hypot(*x.values())
    assert model.words_logit(tokens) == pytest.approx(0.25 + (1.5 * x["vile"] - 0.5 * x["vile plans"]) / norm)
    assert model.words_logit(tokens_of(["calm"])) == 0.25


def test_pinned_output_on_a_fixed_text():
    doc = analyze(text=TEXT, resources=resources())
    found = [(t.text, t.category, t.voice) for t in doc.analysis.loaded_terms]
    assert found == PINNED_TERMS
    assert doc.analysis.sentence_bias == pytest.approx(PINNED_BIAS, abs=1e-4)


def test_the_same_text_gives_the_same_output():
    first, second = (analyze(text=TEXT, resources=resources()).to_json() for _ in range(2))
    assert first == second


def test_every_sentence_gets_a_probability_and_every_term_a_confidence():
    doc = analyze(text=TEXT, resources=resources())
    assert len(doc.analysis.sentence_bias) == len(doc.analysis.sentences)
    assert all(0 <= p <= 1 for p in doc.analysis.sentence_bias)
    assert all(t.probability is not None and 0 <= t.probability <= 1 for t in doc.analysis.loaded_terms)
    record = doc.to_dict()
    assert [s["bias_probability"] for s in record["sentences"]] == list(doc.analysis.sentence_bias)


def test_a_token_reads_its_own_clusters_and_its_neighbours():
    tokens = tokens_of("the vile plan".split())
    contexts = [TokenContext() for _ in tokens]
    clusters = parse_word_clusters("word\tk4\tk16\nvile\t1\t9\nplan\t3\t12\n")
    middle = token_features(tokens, contexts, clusters, resources().sentiment)[1]
    assert {"c4=1", "c16=9", "1:c4=3", "1:c16=12"} <= set(middle)
    assert not any(f.startswith("-1:c") for f in middle)  # "the" has no cluster
    assert [f for f in token_features(tokens, contexts, NO_CLUSTERS, resources().sentiment)[1] if "c4=" in f or "c16=" in f] == []


def test_the_token_model_reads_the_features_numbers_with_crfsuites_probabilities(monkeypatch):
    read_by_the_pipeline = []
    token_probabilities = LoadedModel.token_probabilities

    def recorded(model, readings, clusters, sentiment):
        read = token_probabilities(model, readings, clusters, sentiment)
        read_by_the_pipeline.append((model, readings, clusters, sentiment, read))
        return read

    monkeypatch.setattr(LoadedModel, "token_probabilities", recorded)
    analyze(text=TEXT + "\n\nThe mayor said the “reform” was a disgrace, and critics called it a sham. | Why?",
            resources=resources())
    [(model, readings, clusters, sentiment, read)] = read_by_the_pipeline
    assert any(c.lexicon for r in readings for c in r.contexts) and any(c.speech for r in readings for c in r.contexts)
    features = [token_features(r.tokens, r.contexts, clusters, sentiment) for r in readings]
    numbers = model.weights.numbers
    columns = attribute_numbers(readings, clusters, sentiment, model).T.tolist()
    assert [[n for n in column if n] for column in columns] == [[numbers[f] for f in row if f in numbers]
                                                                for sentence in features for row in sentence]
    crf = package_files.files("analysis").joinpath("models", MODEL_FILE).read_bytes()
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open_inmemory(crf)
    for (loaded, names), sentence in zip(read, features):
        crfsuite.set(sentence)
        assert loaded == [1 - crfsuite.marginal(OTHER, i) for i in range(len(sentence))]
        assert names == [crfsuite.marginal(NAME_CALLING, i) if p >= model.token_threshold else 0.0
                         for i, p in enumerate(loaded)]
    assert token_probabilities(model, [], clusters, sentiment) == []


def test_model_spans_are_runs_of_words_at_or_above_the_threshold():
    tokens = tokens_of("a truly , vile plan".split())
    assert model_spans(tokens, [0.1, 0.6, 0.9, 0.7, 0.5], 0.5) == [(1, 2), (3, 5)]  # the comma breaks the run
    assert model_spans(tokens, [0.0] * 5, 0.5) == []


def test_a_mild_lexicon_entry_needs_more_of_the_model_to_stay():
    text = "a tough and brutal plan"
    tokens = tokens_of(text.split())
    reading = SentenceReading(0, tokens, [TokenContext() for _ in tokens])
    model = copy.copy(load_loaded_model())
    model.lexicon_threshold, model.mild_lexicon_threshold, model.token_threshold = 0.05, 0.4, 0.5
    tough = LoadedTerm(0, 2, 7, "tough", "emotive", "author", 0.5, "tough")
    brutal = LoadedTerm(0, 12, 18, "brutal", "emotive", "author", 1.5, "brutal")
    for p, kept in ((0.15, ["brutal"]), (0.45, ["tough", "brutal"])):
        loaded = [0.0, p, 0.0, 0.3, 0.0]
        found = judge_terms(text, [reading], [loaded], [[0.0] * 5], [Sentence(0, 0, len(text))], [tough, brutal], model)
        assert [t.text for t in found] == kept


def test_model_spans_leave_out_function_words_at_their_edges():
    tags = ["VBZ", "DT", "NNS", "IN", "DT", "NN", "RP"]
    tokens = [Token(t.start, t.end, t.text, tag) for t, tag in zip(tokens_of("retains the heels of the rally out".split()), tags)]
    assert model_spans(tokens, [0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.9], 0.5) == [(0, 1), (5, 7)]  # a particle may end one
    assert model_spans(tokens, [0.1, 0.9, 0.1, 0.9, 0.9, 0.1, 0.1], 0.5) == []  # function words only


def test_a_model_span_is_labeling_where_the_model_reads_name_calling():
    text = "the vile thugs and the vile plan"
    tokens = tokens_of(text.split())
    reading = SentenceReading(0, tokens, [TokenContext() for _ in tokens])
    loaded = [0.0, 0.9, 0.9, 0.0, 0.0, 0.9, 0.0]
    names = [0.0, 0.2, 0.8, 0.0, 0.0, 0.1, 0.0]
    model = load_loaded_model()
    found = judge_terms(text, [reading], [loaded], [names], [Sentence(0, 0, len(text))], [], model)
    assert [(t.text, t.category, t.weight, t.term) for t in found] == [
        ("vile thugs", "labeling", 1.0, ""), ("vile", "emotive", 1.0, "")]


#: What the shipped weights give on ``TEXT`` (refit the model, then update these with what it gives).
PINNED_TERMS = [
    ("Angry Mob", "emotive", "author"),
    ("spineless", "emotive", "author"),
    ("horde", "sensational", "author"),
    ("radical activists", "labeling", "author"),
    ("shameful", "emotive", "quoted"),
    ("betrayal", "emotive", "quoted"),
]
PINNED_BIAS = (0.7034, 0.1429, 0.8461, 0.9311)


def test_a_title_and_a_name_the_article_writes_otherwise_is_no_model_span():
    from analysis._loaded_model import _titled_name
    from analysis._model import LoadedTerm

    text = "President Trump spoke on Monday. Later, Mr. Trump left, and Mr. Conservative waved."
    analysis = analyze(text=text).analysis

    def span(words: str, term: str = "") -> LoadedTerm:
        start = text.index(words)
        return LoadedTerm(0, start, start + len(words), words, "labeling", "author", 1.0, term, 0.6)

    assert _titled_name(span("Mr. Trump"), analysis)  # "President Trump" names the same man
    assert not _titled_name(span("Mr. Conservative"), analysis)  # a nickname: the article names nobody so
    assert not _titled_name(span("Mr. Trump", term="mr. trump"), analysis)  # a lexicon term is the user's to judge
