import pickle
from functools import lru_cache

import pytest
from vaderSentiment.vaderSentiment import SentiText

from analysis._sentiment import INPUTS, load_sentiment, news_words, score_text, tone_inputs


@lru_cache(maxsize=1)
def sentiment():
    return load_sentiment()


def score(sentence):
    return score_text(sentence, sentiment())


@pytest.mark.parametrize(
    "sentence",
    ["The rescue was a wonderful success.", "The attack was a horrible, brutal failure.", "The bus arrived at noon.", "Too little, too late: the plan is not good.", ""],
)
def test_scores_are_in_range_and_tone_is_computed_from_its_evidence(sentence):
    tone = score(sentence)
    assert -1 <= tone.vader_compound <= 1 and -1 <= tone.textblob_polarity <= 1
    assert 0 <= tone.textblob_subjectivity <= 1 and -1 <= tone.tone <= 1
    words = len(SentiText(sentence).words_and_emoticons)
    assert tone.tone == pytest.approx(sentiment().model.predict(*tone_inputs(tone.evidence, sentence, words, sentiment())),
                                     abs=1e-4)


def test_sign_follows_the_words():
    assert score("The rescue was a wonderful success.").tone > 0.3
    assert score("The attack was a horrible, brutal failure.").tone < -0.3
    assert score("The bus arrived at noon.").tone == 0  # no sentiment word at all


@pytest.mark.parametrize("who", ["black", "gay", "disabled", "foreign", "elderly", "refugee", "conservative", "progressive", "dissident"])
def test_words_that_say_who_someone_is_do_not_move_tone(who):
    assert who in sentiment().neutral
    plain, described = score("The families left the city."), score(f"The {who} families left the city.")
    assert (described.tone, described.author_tone) == (plain.tone, plain.author_tone)
    assert not [e for e in described.evidence if e.text == who]


def test_news_words_weigh_differently_under_negation():
    assert [(w, negated) for w, negated, _, _ in news_words("It is not good, but fine. Not bad; good.")] == [
        ("it", False), ("is", False), ("not", False), ("good", True), ("but", False), ("fine", False),
        ("bad", True), ("good", False)]
    assert score("The plan is not good.").tone < 0 < score("The plan is good.").tone


def test_opinion_words_count_once_each_unless_negated():
    tone = score("A two-faced, dishonest deal, not a fair one; an honest broker.")
    opinion = [(e.text, e.valence) for e in tone.evidence if e.analyzer == "opinion"]
    assert opinion == [("two-faced", -1.0), ("dishonest", -1.0), ("honest", 1.0)]  # "fair" is negated


def test_opinion_lexicon_is_hu_and_liu_as_published():
    from analysis._data import package_tsv

    rows = package_tsv("lexicons", "opinion.tsv")
    polarity = [r["polarity"] for r in rows]
    assert (polarity.count("positive"), polarity.count("negative")) == (2006, 4783)
    assert [(r["term"], r["polarity"]) for r in rows] == sorted((r["term"], r["polarity"]) for r in rows)
    both = {r["term"] for r in rows if r["polarity"] == "positive"} & {r["term"] for r in rows if r["polarity"] == "negative"}
    assert both == {"envious", "enviously", "enviousness"}
    words = sentiment().opinion
    assert not both & words.keys() and not sentiment().neutral & words.keys()
    assert words["brutal"] == -1 and words["remarkable"] == 1


def test_the_sentiment_resources_pickle_and_score_the_same():
    copy = pickle.loads(pickle.dumps(sentiment()))
    sentence = "“No” famine, he said, but the ‘kind of’ GREAT relief was “extremely” welcome :)"
    assert score_text(sentence, copy) == score(sentence)


def test_scores_are_deterministic():
    sentence = "Officials praised the fragile but welcome truce."
    assert score(sentence) == score(sentence)


from analysis import analyze  # noqa: E402


def test_author_tone_discounts_event_words_but_tone_does_not():
    doc = analyze(text="Three guards were killed in the bombing on Tuesday.")
    (tone,) = doc.analysis.tones
    assert tone.tone < -0.3
    assert tone.author_tone == 0
    assert {e.text for e in tone.evidence if e.event} >= {"killed"}


def test_author_tone_is_none_for_quoted_speech_and_leaves_attributed_content_out():
    doc = analyze(text="“This is a wonderful victory. We are brilliant,” the mayor said. "
                       "The minister said the plan was a horrible disaster.")
    quoted, with_cue, reported = doc.analysis.tones
    assert quoted.author_tone is None and quoted.tone > 0.3
    assert with_cue.tone > 0.3 and with_cue.author_tone == 0  # the author's words: "the mayor said"
    assert reported.tone < -0.3 and reported.author_tone == 0


def test_charged_author_terms_pull_author_tone_down_unless_already_scored():
    plain = analyze(text="The fighters took the town.").analysis.tones[0]
    charged = analyze(text="The invaders took the town.").analysis.tones[0]  # "invaders": labeling, weight 1.5
    assert charged.author_tone == pytest.approx(plain.author_tone - 0.15)
    scored = analyze(text="The jihadists took the town.").analysis.tones[0]  # VADER′ scores "jihadists" already
    assert scored.author_tone == pytest.approx(scored.tone)


def test_evidence_spans_index_the_text():
    doc = analyze(text="The rescue was a wonderful success, but the flood was not good.")
    for e in doc.analysis.tones[0].evidence:
        assert doc.text[e.start:e.end] == e.text


def test_news_words_reach_tone_but_vader_compound_stays_as_shipped():
    tone = score("The famine spread across the region.")
    assert tone.vader_compound == 0 and tone.tone < 0


@pytest.mark.parametrize("sentence", [
    "The famine was not “good” at all, the airstrike was worse.",  # a curly mark next to a negation
    "“No” famine, he said, but the ‘kind of’ GREAT relief was “extremely” welcome!",
    "At least the airstrikes were not so terrible, but famine is.",  # words whose lexicon entry differs
    "He said “never so good” and then “BAD” again?? Really??",
    "no “good” or bad, nor famine",
    "  The famine “was bad.”  ",  # white space at the edges: a pass of its own
])
def test_vader_compound_is_vaders_polarity_scores_from_one_pass(sentence):
    assert score(sentence).vader_compound == round(sentiment().vader.polarity_scores(sentence)["compound"], 4)


def test_tone_data_files_are_valid():
    from evaluation import calibrate
    from analysis._data import package_tsv

    neutral = package_tsv("lexicons", "neutral.tsv")
    assert all(r["note"] for r in neutral) and len({r["term"] for r in neutral}) == len(neutral)
    news = package_tsv("lexicons", "news_valence.tsv")
    assert not {r["term"] for r in news} & sentiment().neutral
    assert len({r["term"] for r in news}) == len(news)
    assert all(r["note"] and -4 <= float(r["valence"]) <= 4 for r in news)
    model = package_tsv("lexicons", "tone_model.tsv")
    assert [r["feature"] for r in model] == list(INPUTS) and all(r["note"] for r in model)
    words = package_tsv("lexicons", "tone_words.tsv")
    allowed = calibrate.sentiment_words(sentiment())
    assert len({(r["term"], r["negated"]) for r in words}) == len(words) > 300
    for row in words:  # sentiment-bearing words only: never a name or a topic
        assert row["term"] in allowed and row["term"] == row["term"].lower(), row
        assert row["term"] not in sentiment().neutral
        assert row["negated"] in {"yes", "no"} and abs(float(row["weight"])) < 2
        assert int(row["sentences"]) >= calibrate.MIN_SENTENCES
