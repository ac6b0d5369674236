"""Loading inputs: formats, front matter, ids, folders, stdin, encodings, newlines and errors."""

from __future__ import annotations

import io
import json
import os

import pytest

from analysis import _io
from analysis._errors import InputError
from analysis._load import iter_articles, parse_article, read_articles
from analysis._model import Article


def write(path, data: bytes | str):
    """Write ``data`` (str as UTF-8) to ``path``, creating folders; return the path as a str."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def only(path: str) -> Article:
    """The single article of ``path``."""
    (article,) = read_articles(str(path))
    return article


def error_of(path) -> InputError:
    """The InputError that reading ``path`` raises."""
    with pytest.raises(InputError) as caught:
        read_articles(str(path))
    return caught.value


# Formats


def test_txt_is_the_file_content(tmp_path):
    content = "Title line\n\nFirst paragraph.\n"
    article = only(write(tmp_path / "story.txt", content))
    assert article.text == content
    assert article.id == "story"
    assert article.path == str(tmp_path / "story.txt")
    assert (article.title, article.outlet, article.published, article.url) == (None, None, None, None)


def test_md_without_front_matter_is_the_file_content(tmp_path):
    content = "# Heading\n\n---\n\nBody *text*.\n"
    assert only(write(tmp_path / "note.md", content)).text == content


def test_json_article(tmp_path):
    obj = {"id": "a-1", "title": "T", "text": "Body.\r\nMore.", "outlet": "Daily", "published": "2024-01-02",
           "url": "https://example.org/a", "extra": 1}
    article = only(write(tmp_path / "one.json", json.dumps(obj)))
    assert article.id == "a-1"
    assert article.text == "Body.\nMore."
    assert (article.title, article.outlet, article.published, article.url) == (
        "T", "Daily", "2024-01-02", "https://example.org/a")
    assert article.path == str(tmp_path / "one.json")


def test_json_without_id_uses_the_stem(tmp_path):
    assert only(write(tmp_path / "piece.json", '{"text": "x"}')).id == "piece"


def test_json_number_id_becomes_str(tmp_path):
    assert only(write(tmp_path / "piece.json", '{"id": 7, "text": "x"}')).id == "7"


def test_jsonl_articles_and_ids(tmp_path):
    lines = ['{"id": "first", "text": "One."}', "", '{"text": "Two."}', '{"text": "Three\\r\\nlines"}']
    articles = read_articles(write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n"))
    assert [a.id for a in articles] == ["first", "feed-3", "feed-4"]
    assert [a.text for a in articles] == ["One.", "Two.", "Three\nlines"]
    assert {a.path for a in articles} == {str(tmp_path / "feed.jsonl")}


def test_parse_article_from_bytes():
    (article,) = parse_article(b"Hello\r\n", source="some/where.md", suffix=".md")
    assert (article.id, article.text, article.path) == ("where", "Hello\n", "some/where.md")


def test_unsupported_suffix(tmp_path):
    error = error_of(write(tmp_path / "paper.pdf", "text"))
    assert error.source == str(tmp_path / "paper.pdf")
    assert "unsupported" in error.message and ".jsonl" in error.message
    with pytest.raises(InputError, match="unsupported"):
        parse_article(b"x", source="x.csv", suffix=".csv")


# Front matter


def test_front_matter_is_metadata_and_the_rest_is_the_text(tmp_path):
    body = "\nFirst paragraph.  \n\nSecond\u00a0one.\n"
    head = "---\ntitle: A “title”\noutlet: The Daily\npublished: 2024-11-30\nurl: https://example.org/x\nid: x-1\nfoo: bar\n---\n"
    article = only(write(tmp_path / "fm.md", head + body))
    assert article.text == body
    assert (article.id, article.title, article.outlet, article.published, article.url) == (
        "x-1", "A “title”", "The Daily", "2024-11-30", "https://example.org/x")


def test_front_matter_with_crlf(tmp_path):
    article = only(write(tmp_path / "fm.txt", "---\r\ntitle: T\r\n---\r\nBody\r\n"))
    assert (article.title, article.text, article.id) == ("T", "Body\n", "fm")


def test_front_matter_values_become_str(tmp_path):
    article = only(write(tmp_path / "fm.md", "---\nid: 42\ntitle: 3.5\npublished: 2024-11-30 10:00:00\n---\nx"))
    assert (article.id, article.title, article.published) == ("42", "3.5", "2024-11-30T10:00:00")


def test_empty_front_matter(tmp_path):
    article = only(write(tmp_path / "fm.md", "---\n---\nBody"))
    assert (article.id, article.text) == ("fm", "Body")


def test_dashes_later_in_the_file_are_text(tmp_path):
    content = "Intro\n---\ntitle: no\n---\nrest"
    assert only(write(tmp_path / "t.md", content)).text == content


def test_malformed_front_matter_names_file_and_line(tmp_path):
    path = write(tmp_path / "bad.md", "---\ntitle: ok\noutlet: a: b\n---\nBody")
    error = error_of(path)
    assert error.source == f"{path}:3"
    assert "YAML" in error.message and "outlet: a: b" in error.message


def test_a_block_that_is_not_metadata_is_text(tmp_path):
    # Front matter opens with a metadata key; a Markdown file that opens with a --- rule keeps its first paragraph.
    for content in ("---\n- a\n- b\n---\nBody", "---\nThe first paragraph.\n---\nBody", "---\n\nUpdate: open\n\n---\nBody"):
        article = only(write(tmp_path / "rule.md", content))
        assert (article.text, article.title) == (content, None)


def test_front_matter_that_yaml_cannot_build_is_an_input_error(tmp_path):
    for value, problem in (("2024-02-30", "day is out of range"), ("!!int abc", "int"), ("[[[[[[" * 10, "")):
        error = error_of(write(tmp_path / "bad.md", f"---\ntitle: T\npublished: {value}\n---\nBody"))
        assert "front matter" in error.message and problem in error.message


def test_front_matter_without_text_is_empty(tmp_path):
    assert error_of(write(tmp_path / "fm.md", "---\ntitle: T\n---\n  \n")).message == "empty: no text"


# Folders


def test_folder_recursion_order_and_skips(tmp_path):
    root = tmp_path / "in"
    for rel in ["b.txt", "a/z.md", "a/b/c.json", "B.jsonl", "a.txt"]:
        text = '{"text": "x"}' if rel.endswith(("json", "jsonl")) else "x"
        write(root / rel, text)
    for rel in ["README.md", "a/readme.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.md", "notes.csv", "img.png"]:
        write(root / rel, "x")
    articles = read_articles(str(root))
    expected = ["B.jsonl", "a.txt", "a/b/c.json", "a/z.md", "b.txt"]  # plain string order of posix paths
    assert [a.path for a in articles] == [os.path.join(str(root), *rel.split("/")) for rel in expected]
    assert [a.id for a in articles] == ["B-1", "a", "c", "z", "b"]


def test_folder_path_keeps_the_users_form(tmp_path, monkeypatch):
    write(tmp_path / "in" / "sub" / "s.txt", "x")
    monkeypatch.chdir(tmp_path)
    assert [a.path for a in read_articles("./in")] == [os.path.join("./in", "sub", "s.txt")]


def test_folder_without_articles(tmp_path):
    write(tmp_path / "in" / "README.md", "x")
    write(tmp_path / "in" / "data.csv", "x")
    (item,) = iter_articles([str(tmp_path / "in")])
    assert isinstance(item, InputError)
    assert item.source == str(tmp_path / "in")
    assert item.message == "no articles (.txt, .md, .json, .jsonl, .html) in this folder"


def test_folder_is_streamed(tmp_path, monkeypatch):
    for name in "abc":
        write(tmp_path / "in" / f"{name}.txt", name)
    reads = []
    real = _io.read_bytes
    monkeypatch.setattr(_io, "read_bytes", lambda path, **limit: reads.append(path) or real(path, **limit))
    items = iter_articles([str(tmp_path / "in")])
    assert next(items).text == "a"
    assert len(reads) == 1


# Stdin


def test_stdin(monkeypatch):
    monkeypatch.setattr(_io, "read_stdin", lambda **limit: "Sa\u00efd \u201cso\u201d\r\n".encode("utf-8"))
    (article,) = read_articles("-")
    assert (article.id, article.path, article.text) == ("stdin", "-", "Sa\u00efd \u201cso\u201d\n")


def test_stdin_through_the_real_seam(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"---\nid: s1\n---\nBody")))
    (article,) = list(iter_articles(["-"]))
    assert (article.id, article.path, article.text) == ("s1", "-", "Body")


# Encodings


def test_utf8_bom_is_removed(tmp_path):
    assert only(write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello \xe2\x80\x9cyou\xe2\x80\x9d")).text == "Hello “you”"


def test_utf8_bom_before_front_matter(tmp_path):
    article = only(write(tmp_path / "bom.md", "\ufeff---\ntitle: T\n---\nBody".encode("utf-8")))
    assert (article.title, article.text) == ("T", "Body")


def test_cp1252(tmp_path):
    text = "Türkiye’s “quote”"
    assert only(write(tmp_path / "w.txt", text.encode("cp1252"))).text == text


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", "He said \u201cno\u201d \u2013 it\u2019s over."),  # short: the detector alone guesses another code page
    ("cp1252", "Caf\u00e9 \u2018owners\u2019 \u2026 \u20ac5"),
    ("cp1251", "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b "
               "\u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442\u0430\u043c, \u0447\u0442\u043e "
               "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u043f\u0440\u043e\u0434\u043e"
               "\u043b\u0436\u0430\u0442\u0441\u044f."),  # a non-Latin script: the detector's choice stands
    ("iso8859-7", "\u039f \u03c0\u03c1\u03cc\u03b5\u03b4\u03c1\u03bf\u03c2 \u03b4\u03ae\u03bb\u03c9\u03c3\u03b5 "
                  "\u03c3\u03c4\u03bf\u03c5\u03c2 \u03b4\u03b7\u03bc\u03bf\u03c3\u03b9\u03bf\u03b3\u03c1\u03ac"
                  "\u03c6\u03bf\u03c5\u03c2."),
])
def test_the_detectors_choice(tmp_path, encoding, text):
    assert only(write(tmp_path / "d.txt", text.encode(encoding))).text == text


def test_latin1(tmp_path):
    text = ("Le président a déclaré à la presse que la réforme était « nécessaire ». "
            "Les syndicats ont répondu très vivement, et la grève a commencé à Paris.\n")
    assert only(write(tmp_path / "l.txt", text.encode("latin-1"))).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, encoding):
    text = "Line one “quoted”\r\nLine two Ça\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert only(write(tmp_path / "u.txt", data)).text == "Line one “quoted”\nLine two Ça\n"


# Newlines: normalized, nothing else changes


def test_newlines_normalized_and_nothing_else_changes(tmp_path):
    raw = "  Lead\u00a0line \t\r\nsecond\rthird\r\n\r\n\u201cq\u201d  caf\u0065\u0301 ﬁ"
    expected = "  Lead\u00a0line \t\nsecond\nthird\n\n\u201cq\u201d  caf\u0065\u0301 ﬁ"
    assert only(write(tmp_path / "n.txt", raw)).text == expected


# Errors


def test_binary_file(tmp_path):
    error = error_of(write(tmp_path / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert error.message == "binary file, not text"


def test_control_characters_are_binary(tmp_path):
    error = error_of(write(tmp_path / "ctl.txt", bytes(range(1, 9)) * 20 + b"some text"))
    assert error.message == "binary file, not text"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path, data):
    assert error_of(write(tmp_path / "e.txt", data)).message == "empty: no text"


def test_undecodable_utf16(tmp_path):
    assert "cannot decode" in error_of(write(tmp_path / "u.txt", b"\xff\xfea\x00\x00\xd8")).message


def test_missing_path(tmp_path):
    missing = str(tmp_path / "nope.txt")
    (item,) = iter_articles([missing])
    assert isinstance(item, InputError)
    assert (item.source, item.message) == (missing, "no such file or folder")
    assert error_of(missing).message == "no such file or folder"


def test_malformed_json(tmp_path):
    path = write(tmp_path / "bad.json", '{\n  "text": "x",\n}')
    error = error_of(path)
    assert error.source == path
    assert "malformed JSON" in error.message and "line 3" in error.message


@pytest.mark.parametrize("content", ['["a list"]', '{"title": "no text"}', '{"text": ""}', '{"text": 5}'])
def test_json_needs_an_object_with_text(tmp_path, content):
    with pytest.raises(InputError):
        read_articles(write(tmp_path / "x.json", content))


def test_jsonl_bad_line_does_not_stop_the_others(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": "one"}\n{"text": \n{"id": "x"}\n{"text": "four"}\n')
    items = list(iter_articles([path]))
    assert [type(item) for item in items] == [type(items[0]), InputError, InputError, type(items[0])]
    assert [items[0].text, items[3].text] == ["one", "four"]
    assert items[1].source == f"{path}:2" and "malformed JSON" in items[1].message
    assert items[2].source == f"{path}:3" and "text" in items[2].message
    with pytest.raises(InputError, match=r"feed\.jsonl:2"):
        read_articles(path)


def test_a_bad_input_does_not_stop_the_batch(tmp_path):
    good = write(tmp_path / "good.txt", "ok")
    bad = write(tmp_path / "bad.txt", b"")
    items = list(iter_articles([bad, str(tmp_path / "missing.md"), good]))
    assert [type(item).__name__ for item in items] == ["InputError", "InputError", "Article"]


def test_inputs_are_never_modified(tmp_path):
    paths = [
        write(tmp_path / "a.txt", "x\r\ny\r"),
        write(tmp_path / "b.md", b"\xef\xbb\xbf---\ntitle: T\n---\nBody"),
        write(tmp_path / "c.json", '{"text": "x\\r\\n"}'),
        write(tmp_path / "d.jsonl", '{"text": "x"}\nbad\n'),
        write(tmp_path / "e.txt", "Türkiye’s".encode("cp1252")),
    ]
    for path in paths:
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = {path: (open(path, "rb").read(), os.stat(path).st_mtime_ns) for path in paths}
    list(iter_articles([str(tmp_path)]))
    after = {path: (open(path, "rb").read(), os.stat(path).st_mtime_ns) for path in paths}
    assert after == before
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.md", "c.json", "d.jsonl", "e.txt"]
