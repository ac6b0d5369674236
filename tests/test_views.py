"""The views of the report and the explorer: the marked-up article, the summary card, the heatmap, methods and
limits, the footer."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import pytest

from analysis import analyze, findings, views
from analysis import Document
from analysis._data import package_tsv, shipped_digest
from analysis._loaded_model import load_loaded_model
from conftest import REPO, modules_loaded_by

SEED = "seeds/000_8122d49cfe791c67.txt"


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED, actors="seeds/aleppo-2024.actors.yml")


def test_every_loaded_term_is_one_marked_element_with_its_category_written(seed):
    html = views.highlighted_article(seed).data
    marks = re.findall(r"<mark class='slant-loaded slant-(\w+)' data-category='\w+'>(.*?)</mark><span class='slant-tag'>(\w+)</span>",
                       html, re.DOTALL)
    assert len(marks) == html.count("<mark") == len(seed.loaded_terms)
    assert [m[0] for m in marks] == list(seed.loaded_terms["category"])
    assert all(tag == views.palette.CATEGORY_TAGS[category] for category, _, tag in marks)


def test_a_loaded_term_inside_a_source_or_quote_is_still_one_element():
    doc = analyze(text='The so-called "liberators" shockingly destroyed a bridge, the regime claimed.', id="x")
    html = views.highlighted_article(doc).data
    assert html.count("<mark") == len(doc.loaded_terms) > 0
    assert html.count("</mark>") == html.count("<mark")


def test_the_article_is_escaped_and_greys_what_is_not_running_text():
    doc = analyze(text="A <b>title</b>\n\nThe militants <script>x</script> stormed it, officials said.\n", id="x",
                  title="A <b>title</b>")
    html = views.highlighted_article(doc).data
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert re.search(r"<p id='slant-p-0' class='muted'>", html)


def test_filters_narrow_what_is_marked_and_shown(seed):
    labels = views.highlighted_article(seed, categories=("labeling",)).data
    assert labels.count("<mark") == int((seed.loaded_terms["category"] == "labeling").sum())
    quoted = views.highlighted_article(seed, voice="quoted").data
    assert quoted.count("<mark") == int((seed.loaded_terms["voice"] == "quoted").sum())
    one = views.highlighted_article(seed, paragraphs=(5,)).data
    assert one.count("<p id=") == 1 and "id='slant-p-5'" in one


def test_summary_card_points_name_their_figure_and_link_their_paragraphs(seed):
    found = findings.findings(seed)
    assert found and all(f.text and f.figure and f.value for f in found)
    html = views.summary_card(seed).data
    for f in found:
        for p in f.paragraphs:
            assert f"href='#slant-p-{p}'" in html
    assert any("HTS is called by a label" in f.text for f in found)


def test_findings_of_a_constructed_article():
    """Loaded words in the outlet's own voice, and an actor named by labels more than by name."""
    text = ("Rebels Seize Airport\n\n"
            "The shocking regime assault on the rebels failed, the army said.\n\n"
            "The militants, the extremists and the terrorists took the airport from the rebels.\n")
    doc = analyze(text=text, id="x")
    topics = [f.text for f in findings.findings(doc)]
    assert any("outlet's own words" in t for t in topics), topics


def test_nothing_found_says_so():
    doc = analyze(text="The council met on Monday.", id="calm")
    assert "Nothing stands out" in views.summary_card(doc).data or findings.findings(doc)


def test_paragraph_heatmap_has_a_row_per_paragraph_with_text_and_links(seed):
    html = views.paragraph_heatmap(seed).data
    with_words = seed.paragraphs[seed.paragraphs["word_count"] > 0]
    assert html.count("<tr") == len(with_words) + 1
    assert all(f"href='#slant-p-{i}'" in html for i in with_words["index"])
    for heading in ("loaded /100 words", "author voice /100 words", "tone", "attributions"):
        assert f"<th>{heading}</th>" in html


def test_methods_and_limits_is_the_readme_table():
    """One source for the real-corpus figures: data/quality.tsv, which the README's "How good is it" shows."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How good is it"):]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| held-out part")]
    rows = [r for r in rows if not set("".join(r)) <= set("-")]
    expected = [[r["part"], r["measure"], r["slant"], r["peer"]] for r in package_tsv("data", "quality.tsv")]
    assert rows[:len(expected)] == expected
    threshold = load_loaded_model().sentence_threshold
    assert f"`bias_probability` ≥ {threshold:.3f}, the model's threshold" in " ".join(r[1] for r in expected)
    html = views.methods_and_limits().data
    assert all(r[0] in html for r in expected)


def test_footer_names_the_version_hashes_what_the_user_gave_and_the_input(seed):
    html = views.footer(seed, options={"article": "seeds/000_8122d49cfe791c67.txt", "lexicon": "",
                                       "actors": "seeds/aleppo-2024.actors.yml"}).data
    assert "Slant " + seed.kit_version in html
    assert hashlib.sha256(seed.text.encode("utf-8")).hexdigest() in html
    assert "loaded.tsv (built in)" in html and "loaded.crfsuite" in html and "lexicons/tone_model.tsv" in html
    assert "actors: <code>seeds/aleppo-2024.actors.yml</code>" in html and "lexicon:" not in html
    assert "article: <code>seeds/000_8122d49cfe791c67.txt</code>" in html
    assert f"one SHA-256 of all): <code>{shipped_digest()}</code>." in html  # the data of this kit made it


def test_footer_says_when_a_saved_analysis_was_made_with_other_data(seed):
    saved = Document(replace(seed.analysis, shipped_data="0" * 64), kit_version=seed.kit_version)
    html = views.footer(saved).data
    assert f"<code>{'0' * 64}</code> (not those of this kit)" in html


def test_every_figure_has_alt_text(seed):
    from analysis import plots

    for draw in (plots.tone_by_paragraph, plots.loaded_by_category, plots.who_speaks_how, plots.sources_by_type):
        html = views.figure(draw(seed)).data
        alt = re.search(r"alt='([^']+)'", html).group(1)
        assert len(alt) > 40
    with pytest.raises(ValueError):
        import matplotlib.pyplot as plt

        views.figure(plt.figure())


def test_relative_paths_are_found_from_a_folder_below(monkeypatch):
    monkeypatch.chdir(REPO / "notebooks")
    assert views.find_path(SEED) == REPO / SEED
    assert views.find_path("no/such/file") == views.Path("no/such/file")


def test_a_report_kernel_reads_a_saved_analysis_without_the_pipeline_or_its_libraries(seed, tmp_path):
    saved = tmp_path / "analysis.json"
    saved.write_text(seed.to_json(), encoding="utf-8")
    code = (f"from analysis import plots, views\ndoc = views.open_document(analysis_path={str(saved)!r})\n"
            "views.summary_card(doc), views.corpus_articles")
    assert modules_loaded_by(code, ("analysis._pipeline", "nltk", "sklearn", "textblob", "vaderSentiment",
                                    "pycrfsuite")) == []
