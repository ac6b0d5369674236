"""The I/O seam: reading inputs and atomic writes."""

from __future__ import annotations

import io
import os

import pytest

from analysis import _io
from analysis._errors import InputError, OutputError


def test_read_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfhi\r\n")
    assert _io.read_bytes(str(path)) == b"\xef\xbb\xbfhi\r\n"


def test_read_bytes_missing(tmp_path):
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(InputError) as caught:
        _io.read_bytes(missing)
    assert (caught.value.source, caught.value.message) == (missing, "no such file or folder")


def test_read_bytes_folder(tmp_path):
    with pytest.raises(InputError, match="folder"):
        _io.read_bytes(str(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_read_bytes_permission_denied(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("x")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            _io.read_bytes(str(path))
    finally:
        path.chmod(0o644)


def test_read_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"caf\xc3\xa9\r\n")))
    assert _io.read_stdin() == b"caf\xc3\xa9\r\n"


def test_write_creates_parent_folders(tmp_path):
    path = tmp_path / "out" / "deep" / "report.md"
    _io.write_text_atomic(str(path), "Türkiye’s\n")
    assert path.read_bytes() == "Türkiye’s\n".encode("utf-8")
    assert os.listdir(path.parent) == ["report.md"]


def test_write_replaces_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"old content, longer than the new one")
    _io.write_bytes_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["data.bin"]


def test_text_is_written_verbatim(tmp_path):
    path = tmp_path / "t.txt"
    _io.write_text_atomic(path, "a\nb\r\nc\u00a0")
    assert path.read_bytes() == "a\nb\r\nc\u00a0".encode("utf-8")


def test_failed_write_keeps_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "report.html"
    path.write_text("old")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="disk full"):
        _io.write_text_atomic(path, "new")
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.html"]


def test_failed_write_of_a_new_file_leaves_nothing(tmp_path, monkeypatch):
    def fail(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError, match="I/O error"):
        _io.write_bytes_atomic(tmp_path / "new.txt", b"data")
    assert os.listdir(tmp_path) == []
