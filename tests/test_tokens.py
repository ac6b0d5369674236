import pickle

import pytest

from analysis._tokens import load_tagger, tag_words

SENTENCES = [
    "The Harbour Union slammed the so-called reform on Monday , officials said .",
    "Grzegorz Brzęczyszczykiewicz told reporters 1,204 people fled in 1999 .",
    "`` We will not accept this , '' said the mayor , who has led the council for 12 years .",
    "US reports : Fischer admits the xqzt flurbed un-goodly !",
]


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tags_are_nltks(tagger, sentence):
    words = sentence.split()
    assert tag_words(words, tagger) == [tag for _, tag in tagger.perceptron.tag(words)]


def test_a_pickled_tagger_tags_the_same(tagger):
    words = SENTENCES[0].split()
    tag_words(words, tagger)  # fills the rows, which are not pickled
    copy = pickle.loads(pickle.dumps(tagger))
    assert tag_words(words, copy) == tag_words(words, tagger)
