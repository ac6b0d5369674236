import gc

import pytest

from analysis._collector import cycle_collector_paused
from analysis._corpus import article_rows
from analysis._document import Document
from analysis._load import read_articles
from analysis._model import Article
from analysis._pipeline import PIPELINE, Analyzer, load_resources, run_pipeline

ARTICLE = """Rebels Seize the "Liberated" Airport

The militants stormed the airport on Saturday, officials said. "We will never surrender," the governor told reporters.

According to the army, the so-called "liberators" shockingly destroyed a bridge. He said the regime had clearly lost
control, and Smith believes the talks will fail.
"""


def _every_step(articles, resources):
    for article in articles:
        analysis = run_pipeline(article, resources)
        article_rows(analysis, "")
        Document(analysis, kit_version="test").to_json()


def test_an_articles_analysis_figures_rows_and_json_make_no_reference_cycles_for_the_paused_collector_to_miss():
    resources = load_resources()
    articles = [*read_articles("seeds"), Article("a", ARTICLE)]
    _every_step(articles, resources)  # the memos filled: what stays in them is no garbage
    gc.collect()
    gc.disable()
    try:
        _every_step(articles, resources)
        cycles = gc.collect()
    finally:
        gc.enable()
    assert cycles == 0


def test_the_collector_is_paused_inside_and_left_as_it_was_found():
    seen = []

    @cycle_collector_paused()
    def step():
        seen.append(gc.isenabled())

    step()
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        step()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_analyzers_error_leaves_the_collector_running():
    def fail(analysis, resources):
        assert not gc.isenabled()
        raise RuntimeError("an analyzer's bug")

    with pytest.raises(RuntimeError):
        run_pipeline(Article("a", ARTICLE), load_resources(), (*PIPELINE, Analyzer("fail", (), fail)))
    assert gc.isenabled()
