import random

import pytest
from textblob import TextBlob
from textblob.en import sentiment as pattern_sentiment

from analysis._textblob import PatternLexicon

SENTENCES = [
    "The rescue was a wonderful success.", "The plan is not very good!", "It was really not good at all.",
    "Not a good idea, they said (!)", "I am so happy :-D <3", "Never so bad: the worst day of 2024 in the U.S.",
    "She isn't sure it won't fail... but it's a truly, deeply awful mess!!", "", "“Brilliant,” he said — not bad.",
]


def _textblob(sentence):
    score = pattern_sentiment(sentence)
    return score[0], score[1], score.assessments


@pytest.fixture(scope="module")
def lexicon():
    return PatternLexicon.of_textblob()


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentiment_is_textblobs(lexicon, sentence):
    ours = lexicon(sentence)
    assert (ours.polarity, ours.subjectivity, ours.assessments) == _textblob(sentence)
    assert (ours.polarity, ours.subjectivity) == tuple(TextBlob(sentence).sentiment)


def test_sentiment_is_textblobs_on_random_word_strings(lexicon):
    rng = random.Random(0)
    words = [*list(dict.keys(pattern_sentiment))[::7], "not", "no", "never", "n't", "very", "really", "!", "(!)",
             ":)", ":-D", "2024", "U.S.", "a", "the", "is", "it", ",", "."]
    for _ in range(2000):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        ours = lexicon(sentence)
        assert (ours.polarity, ours.subjectivity, ours.assessments) == _textblob(sentence), sentence
