import pytest

from analysis._model import Article
from analysis._pipeline import PIPELINE, Analyzer, check_order, load_resources, run_pipeline


def test_pipeline_runs_in_the_documented_order():
    assert [a.name for a in PIPELINE] == ["segment", "tokens", "quotes", "attribution", "loaded", "sentiment",
                                          "actors"]
    check_order(PIPELINE)


def test_an_analyzer_before_what_it_needs_is_refused():
    swapped = (PIPELINE[0], PIPELINE[1], PIPELINE[3], PIPELINE[2])
    with pytest.raises(ValueError, match="'attribution' needs quotes"):
        check_order(swapped)


def test_every_sentence_is_tagged_once_and_its_tokens_index_the_text():
    resources = load_resources()
    analysis = run_pipeline(Article("a", "Rebels took Aleppo. The army said they fled."), resources)
    assert len(analysis.tokens) == len(analysis.sentences) == 2
    first = analysis.tokens[0]
    assert [(t.text, t.tag) for t in first] == [("Rebels", "NNS"), ("took", "VBD"), ("Aleppo", "NNP"), (".", ".")]
    assert all(analysis.article.text[t.start:t.end] == t.text for sentence in analysis.tokens for t in sentence)


def test_each_analyzer_adds_its_own_spans():
    resources = load_resources()
    article = Article("a", "A Title Here\n\nThe regime fell, the army said, in a “shock” move.")
    only_segment = run_pipeline(article, resources, PIPELINE[:1])
    assert only_segment.paragraphs and only_segment.sentences
    assert not only_segment.quotes and not only_segment.loaded_terms and not only_segment.tones
    full = run_pipeline(article, resources)
    assert full.quotes and full.attributions and full.loaded_terms and len(full.tones) == len(full.sentences)


def test_a_custom_analyzer_can_be_added():
    from dataclasses import replace

    def drop_terms(analysis, resources):
        return replace(analysis, loaded_terms=())

    pipeline = (*PIPELINE, Analyzer("drop", ("loaded",), drop_terms))
    check_order(pipeline)
    result = run_pipeline(Article("a", "The regime fell."), load_resources(), pipeline)
    assert result.loaded_terms == ()


def test_tone_reads_the_model_in_the_resources():
    from dataclasses import replace

    from analysis._sentiment import INPUTS, ToneModel

    resources = load_resources()
    flat = replace(resources, sentiment=replace(resources.sentiment, model=ToneModel((0.0,) * len(INPUTS), {})))
    article = Article("a", "The rescue was a wonderful success.")
    assert run_pipeline(article, resources).tones[0].tone > 0.3
    assert run_pipeline(article, flat).tones[0].tone == 0

