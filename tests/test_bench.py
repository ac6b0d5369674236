"""The benchmark's plumbing on a tiny article: what it prints, never how fast (speed lives in ``make bench``)."""

from analysis import bench


def test_prints_a_row_per_article_and_a_total(tmp_path, capsys):
    article = tmp_path / "short.txt"
    article.write_text("The council met on Monday. It approved the budget.\n", encoding="utf-8")
    assert bench.main([str(article), "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("start-up") and "VADER+TB" in lines[1]
    row, total = lines[2].split(), lines[3].split()
    assert (row[0], row[1]) == ("short", "9") and (total[0], total[1]) == ("all", "9")


def test_a_bad_input_is_named_and_nothing_is_measured(capsys):
    assert bench.main(["no-such-file.txt", "--repeat", "1"]) == 2
    err = capsys.readouterr().err
    assert "skipped:" in err and "no-such-file.txt" in err and "no article to measure" in err


def test_scaling_prints_a_row_per_shape(capsys):
    assert bench.main(["--scaling", "4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["paragraphs", "words", "attributions"]
    assert all((line.split()[-5], line.split()[-3]) == ("4", "16") for line in lines[1:])
