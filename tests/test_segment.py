"""Paragraphs and their kinds: the seed article against its gold, and invented twins showing the rules are general."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import _segment
from analysis._errors import DataFileError
from analysis._model import PARAGRAPH_KINDS
from analysis._segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8122d49cfe791c67.txt"
SEED_GOLD = Path(__file__).resolve().parent / "data" / "seed_kinds.tsv"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_gold() -> list[tuple[int, str, str]]:
    """``(line, kind, text)`` rows of ``tests/data/seed_kinds.tsv``."""
    rows = []
    for line in SEED_GOLD.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#") and not line.startswith("line\t"):
            number, kind, text = line.split("\t")
            rows.append((int(number), kind, text))
    return rows


def collapsed(text: str) -> str:
    return " ".join(text.split())


def kinds_and_texts(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(p.kind, text[p.start:p.end]) for p in segment(text, **kwargs)]


# --- the seed article -----------------------------------------------------------------------------


def test_seed_gold_covers_every_non_empty_line():
    lines = seed_text().split("\n")
    gold = seed_gold()
    assert [number for number, _, _ in gold] == [n for n, line in enumerate(lines, 1) if line.strip()]
    for number, kind, text in gold:
        assert kind in PARAGRAPH_KINDS
        assert collapsed(lines[number - 1]).startswith(text), number


def test_seed_kinds_match_gold():
    text = seed_text()
    found = [(text.count("\n", 0, p.start) + 1, p.kind) for p in segment(text)]
    assert found == [(number, kind) for number, kind, _ in seed_gold()]


def test_seed_with_metadata_title_is_the_same():
    text = seed_text()
    title = text.split("\n")[0]
    assert segment(text, title=title) == segment(text)


# --- the twin: an invented article of another topic and outlet style, line by line -----------------

#: A local news site's story, scraped like the seed: each seed expectation has its twin here.
TWIN = (
    "Dockworkers Walk Out as Harbour Talks Collapse, Cargo Piles Up\n"
    "Dockworkers Walk Out as Harbour Talks Collapse, Cargo Piles Up\n"
    "\n"
    "UPDATE (9:40 a.m.): Hundreds of dockworkers at the northern terminal stayed off the job on Tuesday, "
    "and union leaders said they were ready to hold out until the end of the month.\n"
    "\n"
    "The port authority said cargo ships were being diverted to other harbours, and warned that fresh food "
    "could run short by the weekend.\n"
    "\n"
    "The union posted its list of demands on its website this morning:\n"
    "\n"
    "Talks broke down late on Monday after the two sides failed to agree on shift lengths and on the use "
    "of automated cranes.\n"
    "\n"
    "The harbour master gave a short statement outside the gates:\n"
    "\n"
    "“We are doing everything we can to keep the port open,” she said. “But we cannot move containers "
    "without crews.”\n"
    "\n"
    "What happens next is anyone’s guess…\n"
    "\n"
    "---\n"
    "\n"
    "A crane operator waits on the picket line at the north gate\n"
    "\n"
    "Local shops near the terminal said business had dropped by half since the strike began.\n"
    "\n"
    "Strikers march past the harbour office (Photo: Lena Ortiz)\n"
    "\n"
    "The city council will meet on Thursday to discuss an emergency loan for small firms that depend on "
    "the port.\n"
    "\n"
    "***\n"
    "\n"
    "Background: a short history of the harbour union and its strikes (via Coastline Weekly)\n"
    "\n"
    "The union was founded in 1921 and has called four major strikes since then, the last in 1998.\n"
    "\n"
    "Union members gather outside the port gates\n"
    "\n"
    "Why do the dockworkers want shorter shifts? Is safety the real issue?\n"
    "\n"
    "Members say twelve-hour shifts have led to a rise in accidents, and point to two serious injuries "
    "last year.\n"
    "\n"
    "Automation: cranes that need no crew\n"
    "\n"
    "The port authority has spent heavily on remote-controlled cranes, which it says will make the "
    "terminal safer.\n"
    "\n"
    "A port that feeds the whole valley!\n"
    "\n"
    "About a third of the region’s imports pass through the harbour, according to the chamber of commerce.\n"
    "\n"
    "The Road to the Strike\n"
    "\n"
    "The talks began in the autumn and were broken off twice before this week.\n"
    "\n"
    "The union today: strikes, shifts and safety\n"
    "\n"
    "Its members voted by a large majority to strike, the first such vote in a generation.\n"
    "\n"
    "Mara Okonkwo\n"
    "Tuesday, March 4, 2025 at 9:15 ET\n"
    "\n"
    "warning: Copying text is disabled !!\n"
    "fr_FRFrançais"
)

#: ``(seed line it mirrors or None, kind, start of the paragraph)`` for each paragraph of ``TWIN``.
TWIN_GOLD = [
    (1, "title", "Dockworkers Walk Out"),
    (2, "duplicate_title", "Dockworkers Walk Out"),
    (4, "body", "UPDATE (9:40 a.m.):"),
    (6, "body", "The port authority said cargo"),
    (12, "lead_in", "The union posted"),
    (14, "body", "Talks broke down"),
    (28, "lead_in", "The harbour master"),
    (36, "body", "“We are doing"),
    (30, "body", "What happens next"),
    (32, "separator", "---"),
    (38, "caption", "A crane operator"),
    (40, "body", "Local shops"),
    (42, "caption", "Strikers march past"),
    (44, "body", "The city council"),
    (74, "separator", "***"),
    (76, "heading", "Background: a short history"),
    (78, "body", "The union was founded"),
    (82, "caption", "Union members gather"),
    (88, "heading", "Why do the dockworkers"),
    (90, "body", "Members say"),
    (96, "heading", "Automation: cranes"),
    (98, "body", "The port authority has spent"),
    (104, "heading", "A port that feeds"),
    (106, "body", "About a third"),
    (None, "heading", "The Road to the Strike"),
    (114, "body", "The talks began"),
    (112, "heading", "The union today:"),
    (116, "body", "Its members voted"),
    (118, "byline", "Mara Okonkwo"),
    (119, "date", "Tuesday, March 4, 2025"),
    (121, "boilerplate", "warning: Copying"),
    (122, "boilerplate", "fr_FRFrançais"),
]


def test_twin_kinds():
    found = kinds_and_texts(TWIN)
    assert [kind for kind, _ in found] == [kind for _, kind, _ in TWIN_GOLD]
    for (_, text), (_, _, start) in zip(found, TWIN_GOLD):
        assert text.startswith(start)


def test_twin_mirrors_every_seed_expectation_that_is_not_plain_body():
    mirrored = {line for line, _, _ in TWIN_GOLD}
    special = {number for number, kind, _ in seed_gold() if kind != "body"}
    assert special <= mirrored
    gold = {number: kind for number, kind, _ in seed_gold()}
    assert all(gold[line] == kind for line, kind, _ in TWIN_GOLD if line is not None)


#: A blog post in another style: single newlines only, byline and date at the top, junk in the middle and at the end.
BLOG = (
    "How a Small Library Became the Town’s Busiest Room\n"
    "By Sam Reyes\n"
    "Published March 3, 2025\n"
    "Three years ago the library on Elm Street was about to close. Today it stays open until ten at night.\n"
    "Advertisement\n"
    "Volunteers sort donated books in the back room\n"
    "What changed?\n"
    "The new director, a former teacher, turned the reading room into a homework club.\n"
    "© 2025 Valley Voices. All rights reserved.\n"
    "Share\n"
    "Related stories"
)


def test_blog_kinds_with_header_block_and_junk():
    assert [kind for kind, _ in kinds_and_texts(BLOG)] == [
        "title", "byline", "date", "body", "boilerplate", "caption", "heading", "body",
        "boilerplate", "boilerplate", "boilerplate",
    ]


# --- layout ---------------------------------------------------------------------------------------

HARD_WRAPPED = (
    "Harbour strike enters its second week\n"
    "\n"
    "By Lena Ortiz\n"
    "\n"
    "Dockworkers at the northern terminal stayed off the job on\n"
    "Tuesday, and union leaders said they were ready to hold out\n"
    "until the end of the month.\n"
    "\n"
    "The port authority said cargo ships were being diverted to\n"
    "other harbours, and that talks would resume on Friday.\n"
)


def test_hard_wrapped_blocks_are_joined():
    paragraphs = segment(HARD_WRAPPED)
    assert [p.kind for p in paragraphs] == ["title", "byline", "body", "body"]
    third = HARD_WRAPPED[paragraphs[2].start:paragraphs[2].end]
    assert third.startswith("Dockworkers") and third.endswith("month.") and third.count("\n") == 2
    assert HARD_WRAPPED[paragraphs[3].start:paragraphs[3].end].count("\n") == 1


def test_one_paragraph_per_line_when_breaks_end_sentences():
    text = "Storm Closes Schools\nThe storm closed every school on Monday.\nBuses will run again on Wednesday.\n"
    assert kinds_and_texts(text) == [
        ("title", "Storm Closes Schools"),
        ("body", "The storm closed every school on Monday."),
        ("body", "Buses will run again on Wednesday."),
    ]


def test_many_newlines_and_space_only_lines():
    text = "\n\n  \nRiver Levels Fall\n\n\n   \n\t\nThe river fell by a metre overnight.\n \n\n\nRoads reopen today.\n\n"
    assert kinds_and_texts(text) == [
        ("title", "River Levels Fall"),
        ("body", "The river fell by a metre overnight."),
        ("body", "Roads reopen today."),
    ]


def test_only_newline_splits_lines():
    text = "First part\u2028still the same line.\x0cAnd this too.\n\nSecond paragraph here."
    assert [t for _, t in kinds_and_texts(text)] == [
        "First part\u2028still the same line.\x0cAnd this too.",
        "Second paragraph here.",
    ]


# --- offsets ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["seed", "twin", "blog", "hard_wrapped", "messy"])
def test_offsets_are_stripped_ordered_and_disjoint(name):
    text = {
        "seed": seed_text(), "twin": TWIN, "blog": BLOG, "hard_wrapped": HARD_WRAPPED,
        "messy": "\xa0 Title Here \xa0\n\n\n \xa0\nBody text goes here.\xa0\n  \n\t* * *\t\nMore text.\xa0",
    }[name]
    paragraphs = segment(text)
    assert paragraphs
    previous_end = 0
    for index, p in enumerate(paragraphs):
        span = text[p.start:p.end]
        assert p.index == index
        assert span and span == span.strip()
        assert p.start >= previous_end
        previous_end = p.end


def test_nbsp_at_the_edges_is_excluded():
    text = "\xa0\xa0Rail Fares Rise\xa0\n\n\xa0 Fares rise by four percent in January. \xa0\n"
    assert kinds_and_texts(text) == [
        ("title", "Rail Fares Rise"),
        ("body", "Fares rise by four percent in January."),
    ]


def test_empty_text_has_no_paragraphs():
    for text in ("", " ", "\n\n", "\xa0\n \t\n  "):
        assert segment(text) == ()


def test_one_paragraph_is_body():
    for text in ("Breaking News From the Harbour", "\n  * * *  \n", "The cat\nsat on the mat."):
        (paragraph,) = segment(text, title="Breaking News From the Harbour")
        assert paragraph.kind == "body"


# --- single rules, on invented texts -------------------------------------------------------------


def test_metadata_title_matches_despite_final_stop_and_apostrophes():
    text = "The town's library reopens.\n\nThe library reopened on Monday after a long renovation.\n"
    assert [k for k, _ in kinds_and_texts(text, title="The Town’s Library Reopens")] == ["title", "body"]
    assert [k for k, _ in kinds_and_texts(text)] == ["body", "body"]


def test_metadata_title_repeated_later_is_duplicate():
    text = (
        "The library reopened on Monday after a long renovation.\n\n"
        "Library Reopens\n\n"
        "Readers queued outside before the doors opened.\n"
    )
    assert [k for k, _ in kinds_and_texts(text, title="Library reopens")] == ["body", "duplicate_title", "body"]


@pytest.mark.parametrize("line", ["* * *", "---", "***", "###", "~~~", "___", "• • •"])
def test_separators(line):
    assert kinds_and_texts(f"Some text here.\n\n{line}\n\nMore text here.")[1] == ("separator", line)


@pytest.mark.parametrize("line", [
    "Sat, 11/30/2024 – 21:11", "March 4, 2025", "2025-03-04 09:15", "Updated: Monday 3 June 2024, 14:05 GMT",
])
def test_dates(line):
    assert kinds_and_texts(f"Some text here.\n{line}\nMore text here.")[1] == ("date", line)


@pytest.mark.parametrize("line", ["March Madness Returns", "May Day", "The 2024 Election"])
def test_not_dates(line):
    assert kinds_and_texts(f"Some text here.\n\n{line}\n\nMore text here.")[1][0] != "date"


def test_by_line_anywhere_but_not_a_sentence_starting_with_by():
    text = "Some text here.\n\nBy Jane Doe and John Roe\n\nBy the time the vote came, the plan was dead.\n"
    assert [k for k, _ in kinds_and_texts(text)] == ["body", "byline", "body"]


def test_name_is_a_byline_only_next_to_a_date_or_the_title():
    text = "Some text here.\n\nJane Doe\n\nMore text here.\n"
    assert kinds_and_texts(text)[1] == ("heading", "Jane Doe")
    assert kinds_and_texts("Night Trains Return\nJane van der Berg\n\nSome text here.")[1] == ("byline", "Jane van der Berg")


def test_mid_article_junk_line():
    text = "Some text here.\n\nAdvertisement\n\nMore text here.\n"
    assert [k for k, _ in kinds_and_texts(text)] == ["body", "boilerplate", "body"]


def test_short_lines_after_the_last_body_paragraph_are_junk():
    text = "Some text here.\n\nMore text here.\n\nTweet this\nPrivacy Choices\n"
    assert [k for k, _ in kinds_and_texts(text)] == ["body", "body", "boilerplate", "boilerplate"]


def test_list_items_are_body():
    text = "Some text here:\n- lower fares\n- more trains\n\nMore text here."
    assert [k for k, _ in kinds_and_texts(text)] == ["lead_in", "body", "body", "body"]


def test_bad_data_file_raises(monkeypatch):
    monkeypatch.setattr(_segment, "package_text", lambda folder, name: "group\tentry\tnote\ncolour\tred\tx\n")
    _segment._lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError, match="known group"):
            _segment._lexicon()
    finally:
        _segment._lexicon.cache_clear()


def test_title_case_headline_ending_with_a_full_stop_is_the_title():
    text = "Assange Never Met Manafort.\n\nThe newspaper's story rests on anonymous sources.\n"
    assert [k for k, _ in kinds_and_texts(text)] == ["title", "body"]
    later = "The story rests on anonymous sources.\n\nAssange Never Met Manafort.\n\nMore text follows here.\n"
    assert [k for k, _ in kinds_and_texts(later)][1] == "body"
