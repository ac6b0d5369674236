from analysis import bench


def test_prints_slant_and_the_baseline_for_each_article(capsys):
    assert bench.main(["seeds", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("start-up") and "VADER+TB" in lines[1]
    seed, total = lines[2].split(), lines[3].split()
    assert seed[0] == "000_8122d49cfe791c67" and int(seed[1]) > 2000 and float(seed[-1]) > 0
    assert total[0] == "all" and total[1] == seed[1]


def test_a_bad_input_is_named_and_nothing_is_measured(capsys):
    assert bench.main(["no-such-file.txt", "--repeat", "1"]) == 2
    err = capsys.readouterr().err
    assert "skipped:" in err and "no-such-file.txt" in err and "no article to measure" in err
