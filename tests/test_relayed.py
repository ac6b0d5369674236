from analysis import analyze


def relays(text):
    doc = analyze(text=text)
    return [(p.index, p.kind, p.relayed_from.cue.text if p.relayed_from else None,
             p.relayed_from.source.text if p.relayed_from and p.relayed_from.source else None)
            for p in doc.analysis.paragraphs]


def test_via_in_a_heading_marks_the_text_after_it():
    text = ("Harbour Strike Enters Third Week\n\nDockworkers stayed out on Monday.\n\n"
            "Background: how the union grew (via The Harbour Gazette)\n\nThe union was founded in 1921. "
            "It has 4,000 members.\n\nIts leader is a former crane driver.")
    found = relays(text)
    assert found[1][2] is None
    assert [f[2:] for f in found[3:]] == [("via", "The Harbour Gazette")] * 2


def test_lead_in_naming_an_outlet_marks_the_copy_after_it():
    text = ("Ports Reopen After Storm\n\nThe storm has passed.\n\nAs Reuters reported:\n\n"
            "Cranes were back at work by noon and ships queued outside the breakwater.\n\nShort heading here\n\n"
            "Our own view is that the port was lucky.")
    found = relays(text)
    kinds = {i: k for i, k, *_ in found}
    assert kinds[2] == "lead_in"
    assert found[3][2:] == ("reported:", "Reuters")
    assert found[5][2] is None


def test_block_between_separators_is_relayed_with_unknown_source():
    text = ("Council Votes On Budget\n\nThe council met on Tuesday.\n\n* * *\n\nThe budget rose by 4%. Taxes stay flat.\n\n"
            "* * *\n\nWe think the vote was rushed.")
    found = relays(text)
    assert found[3][2:] == ("* * *", None)
    assert found[1][2] is None and found[5][2] is None


def test_seed_relayed_copy_and_commentary():
    doc = analyze("seeds/000_8122d49cfe791c67.txt")
    paragraphs = doc.analysis.paragraphs
    assert paragraphs[39].relayed_from.source.text == "The Week"
    assert paragraphs[17].relayed_from.cue.text == "* * *"
    assert paragraphs[11].relayed_from is None
