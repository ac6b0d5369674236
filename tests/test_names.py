from analysis._model import Token
from analysis._names import (courtesy_surnames, is_title, load_first_names, person_mentions, reads_as_person, sex_of,
                             without_possessive)


def test_titles_abbreviated_or_not():
    assert is_title("Sen.") and is_title("Senator") and is_title("Mr") and not is_title("Senate")


def test_a_possessive_ending_goes_and_nothing_else():
    assert without_possessive("O’Malley’s") == "O’Malley"
    assert without_possessive("Mattis’") == "Mattis"
    assert without_possessive("Trump's") == "Trump"
    assert without_possessive("Mr. Sanders's allies") == "Mr. Sanders's allies"
    assert without_possessive("’s") == "’s"  # nothing left: the name stays


def test_names_of_bodies_and_places_are_no_persons():
    assert reads_as_person("Benjamin Todd Jealous")
    assert not reads_as_person("Russian Reconciliation Center for Syria")
    assert not reads_as_person("Bolton and Gorka")


def test_the_first_names_are_the_ssa_names_of_one_sex():
    names = load_first_names().sex
    assert len(names) > 10_000
    assert (names["donald"], names["nancy"], names["hillary"]) == ("m", "f", "f")
    assert "jordan" not in names and "taylor" not in names  # given to both sexes


def test_the_sex_a_source_names():
    names = load_first_names()
    surnames = courtesy_surnames("Mr. Trump spoke. Ms. Conway replied. Mr. Khan listened; Mrs. Khan wept.")
    assert surnames == {"Trump": "m", "Conway": "f"}  # "Khan" names a couple
    assert sex_of("Major Ana Duarte, the commander of the brigade", names, {}) == "f"  # a rank, then her name
    assert sex_of("Clinton spokeswoman Jennifer Palmieri", names, {}) == "f"
    assert sex_of("Senate Majority Leader Mitch McConnell, R-Ky.", names, {}) == "m"
    assert sex_of("Donald J. Trump", names, {}) == "m"
    assert sex_of("Ms. Conway", names, {}) == "f"
    assert sex_of("Trump", names, surnames) == "m" and sex_of("Trump", names, {}) is None
    assert sex_of("Larry King", names, {}) == "m" and sex_of("Carole King", names, {}) == "f"  # a name, no noun


def _tagged(*words: tuple[str, str]) -> list[Token]:
    """A sentence of (word, tag) pairs as tokens, one space apart."""
    tokens, start = [], 0
    for word, tag in words:
        tokens.append(Token(start, start + len(word), word, tag))
        start += len(word) + 1
    return tokens


def test_the_people_a_text_names():
    names = load_first_names()
    sentences = [_tagged(("Republican", "NNP"), ("Donald", "NNP"), ("Trump", "NNP"), ("met", "VBD"),
                         ("Sen.", "NNP"), ("Bernie", "NNP"), ("Sanders", "NNP"), (".", ".")),
                 _tagged(("Sanders", "NNS"), ("read", "VBD"), ("The", "DT"), ("New", "NNP"), ("York", "NNP"),
                         ("Times", "NNP"), (".", "."))]
    found = person_mentions(sentences, names, {}, {"New York Times"})
    # from the first name on; a surname named before whatever its tag; a listed body's name is no person's ("York")
    assert [(m.text, m.sex) for m in found] == [("Donald Trump", "m"), ("Bernie Sanders", "m"), ("Sanders", "m")]
    assert [m.text for m in person_mentions(sentences, names, {})][-1] == "York Times"  # without the list of bodies


def test_a_place_or_an_institution_is_no_person():
    names = load_first_names()
    sentences = [_tagged(("Sanders", "NNP"), ("spoke", "VBD"), ("at", "IN"), ("Madison", "NNP"), ("Square", "NNP"),
                         ("Garden", "NNP"), ("and", "CC"), ("Lincoln", "NNP"), ("Center", "NNP"), (".", ".")),
                 _tagged(("Paul", "NNP"), ("Hall", "NNP"), ("listened", "VBD"), (".", "."))]
    # a given name before "Garden" or "Center" names a place; "Hall" is a surname too
    assert [m.text for m in person_mentions(sentences, names, {})] == ["Paul Hall"]
