from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.errors import SeedError
from generator.ingest.read import read_seed, read_seeds

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


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b" \n\t\n", "empty"), (bytes(range(0x80, 0x90)) * 4 + b" abc", "not Arabic|not valid UTF-8"),
    (b"The coalition said on Sunday that the attack had failed.\n", "not Arabic"),
])
def test_unusable_files_name_the_file(tmp_path, data, message):
    with pytest.raises(SeedError, match=f"bad.txt: .*(?:{message})"):
        read_seed(write(tmp_path, "bad.txt", data))


def test_windows_1256(tmp_path):
    text = ARABIC * 3
    assert read_seed(write(tmp_path, "w.txt", text.encode("cp1256"))).text == text


def test_utf16_without_bom(tmp_path):
    assert read_seed(write(tmp_path, "u.txt", ARABIC.encode("utf-16-le"))).text == ARABIC


def test_latin1_mojibake_is_repaired(tmp_path):
    mojibake = ARABIC.encode("utf-8").decode("latin-1")
    seed = read_seed(write(tmp_path, "m.txt", mojibake.encode("utf-8")))
    assert seed.text == ARABIC and any("mojibake" in n for n in seed.warnings)


def test_cp1252_mojibake_is_repaired(tmp_path):
    raw = ARABIC.encode("utf-8")
    mojibake = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    seed = read_seed(write(tmp_path, "m.txt", mojibake.encode("utf-8")))
    assert seed.text == ARABIC


def test_lone_surrogates_and_stray_bytes_are_replaced(tmp_path):
    seed = read_seed(write(tmp_path, "s.txt", ARABIC.encode() + b"\xed\xa0\x80" + ARABIC.encode()))
    assert "قال المرصد" in seed.text and any("replaced" in n for n in seed.warnings)


def test_too_large_file_is_refused_by_name(tmp_path):
    path = write(tmp_path, "huge.txt", ARABIC.encode() * 200_000)
    with pytest.raises(SeedError, match="huge.txt: .* too large"):
        read_seed(path)


def test_bad_file_is_reported_and_the_rest_are_read(tmp_path):
    write(tmp_path, "1.txt", ARABIC.encode())
    write(tmp_path, "2.txt", b"\x80\x81" * 20)
    write(tmp_path, "3.txt", ARABIC.encode())
    seeds, errors = read_seeds(tmp_path)
    assert [s.name for s in seeds] == ["1.txt", "3.txt"]
    assert len(errors) == 1 and errors[0].startswith("2.txt:")


def test_a_seeds_folder_reached_through_links_checks_each_seed_once_resolved(tmp_path):
    """read_seeds resolves the folder once and each seed that is no link as that folder and its name
    (files.inside's shortcut); a seed that is a link is still resolved all the way and refused when it leads
    out of the roots, and a folder reached through a link still counts as the folder it leads to."""
    from generator.files import inside

    project, outside = tmp_path / "project", tmp_path / "outside"
    real = project / "data" / "seeds-real"
    real.mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("سر " * 50, encoding="utf-8")
    (real / "a.txt").write_text("خبر عن الحسكة " * 20, encoding="utf-8")
    (real / "leak.txt").symlink_to(outside / "secret.txt")
    (project / "seeds").symlink_to(real, target_is_directory=True)
    roots = (project.resolve(),)
    seeds, errors = read_seeds(project / "seeds", roots)
    assert [s.name for s in seeds] == ["a.txt"]
    assert any("leak.txt" in e and "outside the project" in e for e in errors), errors
    folder = (project / "seeds").resolve()
    assert inside(project / "seeds" / "a.txt", roots, folder)
    assert not inside(project / "seeds" / "leak.txt", roots, folder)  # a link: resolved all the way
    assert not inside(project / "seeds" / "a.txt", (outside.resolve(),), folder)


def test_reading_a_folder_of_seeds_resolves_the_folder_not_each_seed(tmp_path, monkeypatch):
    """The shortcut is taken: a seed that is no link is its resolved folder and its name, so reading twenty
    seeds resolves a path a few times, not twice a seed part by part (the old code: 40 calls)."""
    from pathlib import Path as P

    folder = tmp_path / "seeds"
    folder.mkdir()
    for n in range(20):
        (folder / f"s{n:02d}.txt").write_text("خبر عن الحسكة " * 20, encoding="utf-8")
    calls = []
    original = P.resolve

    def counting(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(P, "resolve", counting)
    seeds, errors = read_seeds(folder, (tmp_path.resolve(),))
    assert len(seeds) == 20 and not errors
    assert len(calls) <= 3, len(calls)
