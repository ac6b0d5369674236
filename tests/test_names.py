from analysis._names import is_title, reads_as_person, without_possessive


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
