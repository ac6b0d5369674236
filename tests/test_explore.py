"""The explorer of notebooks/explore.ipynb, driven without a kernel: its widgets redraw the package's views."""

from __future__ import annotations

import pytest

from analysis.explore import Explorer


@pytest.fixture(scope="module")
def explorer():
    return Explorer("seeds/000_8122d49cfe791c67.txt", actors="seeds/aleppo-2024.actors.yml")


def shown(output) -> str:  # noqa: ANN001 - an ipywidgets Output
    return "".join(o["data"]["text/html"] for o in output.outputs)


def test_a_paragraph_picked_shows_above_the_article_and_the_heatmap_without_a_second_legend(explorer):
    explorer.paragraph.value = 4
    focus = shown(explorer.focus_view)
    assert "id='slant-p-4'" in focus and "id='slant-p-5'" not in focus
    assert "class='slant-legend'" not in focus
    article_tab, heatmap_tab = explorer.widget().children[1].children[:2]
    assert explorer.focus_view in article_tab.children and explorer.focus_view in heatmap_tab.children
    explorer.paragraph.value = -1
    assert shown(explorer.focus_view) == ""


def test_categories_and_voice_narrow_what_is_marked(explorer):
    everything = shown(explorer.article_view).count("<mark")
    assert everything == len(explorer.document.loaded_terms)
    explorer.categories.value = ("labeling",)
    labeling = (explorer.document.loaded_terms["category"] == "labeling").sum()
    assert shown(explorer.article_view).count("<mark") == labeling < everything
    explorer.voice.value = "quoted"
    quoted = explorer.document.loaded_terms.query("category == 'labeling' and voice == 'quoted'")
    assert shown(explorer.article_view).count("<mark") == len(quoted)
    explorer.categories.value, explorer.voice.value = tuple(explorer.categories.options), "all"


def test_tables_sort_by_the_column_picked(explorer):
    explorer.table.value = "loaded_terms"
    explorer.sort.value, explorer.descending.value = "start", False
    html = shown(explorer.table_view)
    starts = [int(s) for s in explorer.document.loaded_terms.sort_values("start")["start"]]
    positions = [html.index(f"<td>{s}</td>") for s in starts[:3]]
    assert positions == sorted(positions)
