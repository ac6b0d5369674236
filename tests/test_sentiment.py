import pytest

from analysis._sentiment import combine, score_text


@pytest.mark.parametrize(
    "sentence",
    ["The rescue was a wonderful success.", "The attack was a horrible, brutal failure.", "The bus left at noon.", ""],
)
def test_scores_are_in_range_and_tone_combines_the_two_polarities(sentence):
    tone = score_text(sentence)
    assert -1 <= tone.vader_compound <= 1 and -1 <= tone.textblob_polarity <= 1
    assert 0 <= tone.textblob_subjectivity <= 1
    assert tone.tone == pytest.approx(combine(tone.vader_compound, tone.textblob_polarity), abs=1e-4)


def test_sign_follows_the_words():
    assert score_text("The rescue was a wonderful success.").tone > 0.3
    assert score_text("The attack was a horrible, brutal failure.").tone < -0.3
    assert score_text("The bus left at noon.").tone == 0


def test_scores_are_deterministic():
    sentence = "Officials praised the fragile but welcome truce."
    assert score_text(sentence) == score_text(sentence)


from analysis import analyze  # noqa: E402


def test_author_tone_discounts_event_words_but_tone_does_not():
    doc = analyze(text="Twenty soldiers were killed in the airstrikes on Tuesday.")
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
    tone = score_text("The famine spread across the region.")
    assert tone.vader_compound == 0 and tone.tone < 0
