from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.errors import SeedError
from generator.read import read_seed, read_seeds

ARABIC = "قال المرصد إن 16 قتلوا.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_bom_crlf_and_control_characters(tmp_path):
    seed = read_seed(write(tmp_path, "a.txt", codecs.BOM_UTF8 + "سطر\x07 أول\r\nسطر ثان\rثالث\x00".encode()))
    assert seed.text == "سطر أول\nسطر ثان\nثالث"
    assert any("byte-order mark" in n for n in seed.notes)
    assert any("control" in n for n in seed.notes)


def test_utf16_with_bom(tmp_path):
    seed = read_seed(write(tmp_path, "b.txt", ARABIC.encode("utf-16")))
    assert seed.text == ARABIC


def test_bidi_overrides_and_zero_width_are_removed(tmp_path):
    seed = read_seed(write(tmp_path, "c.txt", "قال\u202e المرصد\u200b إن\u2066 16.".encode()))
    assert seed.text == "قال المرصد إن 16."


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b" \n\t\n", "empty"), (b"\xff\xfe\xfd abc", None)])
def test_unusable_files_name_the_file(tmp_path, data, message):
    if data.startswith(b"\xff\xfe"):
        data = b"\x80\x81 not utf-8"
        message = "not valid UTF-8"
    with pytest.raises(SeedError, match=f"bad.txt: .*{message}"):
        read_seed(write(tmp_path, "bad.txt", data))


def test_bad_file_is_reported_and_the_rest_are_read(tmp_path):
    write(tmp_path, "1.txt", ARABIC.encode())
    write(tmp_path, "2.txt", b"\x80\x81")
    write(tmp_path, "3.txt", ARABIC.encode())
    seeds, errors = read_seeds(tmp_path)
    assert [s.name for s in seeds] == ["1.txt", "3.txt"]
    assert len(errors) == 1 and errors[0].startswith("2.txt:")
