from evaluation import corpora as readers
from evaluation.corpora import part
from tests.evaluation.miniature import BASIL_BODY, POLNEAR_TEXT, PTC_TEXT, corpora  # noqa: F401 (a fixture)


def test_the_split_is_fixed_by_hash():
    # Pinned: changing the split would move held-out items into training.
    assert [part("ptc", key) for key in ("111111111", "111111113", "111111114", "1")] == \
        ["heldout", "dev", "dev", "heldout"]
    assert part("basil", "event") == part("basil", "event")


def test_about_one_unit_in_three_is_held_out():
    keys = [str(n) for n in range(3000)]
    share = sum(part("any", k) == "heldout" for k in keys) / len(keys)
    assert 0.30 < share < 0.37


def test_ptc_keeps_loaded_language_and_name_calling(corpora):
    (article,) = corpora_read("ptc", corpora)
    assert article.text == PTC_TEXT and article.id == "1"
    assert sorted(article.text[s:e] for s, e, _ in article.spans) == ["Crooks", "corrupt"]


def test_babe_reads_labels_and_biased_words(corpora):
    biased, neutral = corpora_read("babe", corpora)
    assert (biased.label, biased.biased_words) == ("Biased", ("radical", "destroy"))
    assert (neutral.label, neutral.biased_words, neutral.leaning) == ("Non-biased", (), "center")


def test_basil_offsets_index_the_joined_body(corpora):
    articles = corpora_read("basil", corpora)
    assert [a.outlet for a in articles] == ["fox", "nyt", "hpo"]
    assert {a.part for a in articles} == {part("basil", "event")}  # an event's outlets stay together
    hpo = articles[2]
    assert hpo.text == " ".join(BASIL_BODY[0]) + "\n\n" + BASIL_BODY[1][0]
    assert [hpo.text[s:e] for s, e in hpo.lexical] == ["lashed out at", "disaster"]
    assert [hpo.text[s:e] for s, e in hpo.informational] == ["He said the bill was fine."]


def test_polnear_relations_keep_discontinuous_fragments(corpora):
    (article,) = corpora_read("polnear", corpora)
    assert article.id == "doc-one" and article.text == POLNEAR_TEXT
    first, second = article.relations  # the first annotator's file in name order
    assert [POLNEAR_TEXT[s:e] for s, e in first.source + first.cue + first.content] == \
        ["Smith", "said", "the plan would fail"]
    assert [POLNEAR_TEXT[s:e] for s, e in second.content] == ["the board", "agreed"]


def test_newsmtsc_targets_and_polarity(corpora):
    (sentence,) = corpora_read("newsmtsc", corpora)
    assert [(sentence.text[t.start:t.end], t.polarity) for t in sentence.targets] == \
        [("Smith", "neutral"), ("Jones", "positive")]


def test_a_missing_corpus_is_named(tmp_path):
    import pytest

    with pytest.raises(readers.CorpusMissing, match="ptc"):
        readers.ptc(tmp_path)


def corpora_read(name, root):
    return readers.READERS[name](root)
