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
