"""Hostile input: every file gives a correct page or one clear error; the rest still build."""

from __future__ import annotations

import codecs
import shutil

from generator.build import BuildOptions, build
from tests.html_helpers import all_pages, briefing, soup
from tests.stub import StubEngine

ARTICLE = ("قال المرصد السوري لحقوق الإنسان إن 12 شخصاً قتلوا في اشتباكات عنيفة قرب السجن مساء أمس.\n\n"
           "وأضاف أن قوات الأمن فرضت طوقاً أمنياً حول المنطقة ومنعت دخول المدنيين حتى إشعار آخر.\n")


def test_hostile_seeds(project, caplog):
    seeds = project / "seeds"
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blank.txt").write_bytes(b"  \n \t \n")
    (seeds / "huge.txt").write_bytes(ARTICLE.encode() * 25_000)
    (seeds / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.replace("12", "13").encode())
    (seeds / "utf16.txt").write_bytes(ARTICLE.replace("12", "14").encode("utf-16"))
    (seeds / "cp1256.txt").write_bytes(ARTICLE.replace("12", "15").encode("cp1256"))
    (seeds / "mojibake.txt").write_bytes(ARTICLE.replace("12", "16").encode().decode("latin-1").encode())
    (seeds / "nul.txt").write_bytes(ARTICLE.replace("12", "17").encode().replace(b" ", b" \x00", 3))
    (seeds / "surrogate.txt").write_bytes(ARTICLE.replace("12", "18").encode() + b"\xed\xa0\x80\n")
    (seeds / "bidi.txt").write_text("\u202eقال\u200b " + ARTICLE.replace("12", "19")[4:], encoding="utf-8")
    (seeds / "html.txt").write_text("<script>alert('x')</script>\n" + ARTICLE.replace("12", "20") +
                                    "وقال المسؤول إن <b>الوضع</b> مستقر <script>bad()</script> الآن في المدينة كلها.\n",
                                    encoding="utf-8")
    (seeds / "english.txt").write_text("The Observatory said 12 people were killed near the prison last night.\n"
                                       "Security forces sealed off the area until further notice.\n", encoding="utf-8")
    (seeds / "خبر مع مسافات.txt").write_text(ARTICLE.replace("12", "21"), encoding="utf-8")
    shutil.copy(seeds / "001_843f77042b170b03.txt", seeds / "zz copy.txt")
    (project / "content" / "sources" / "bom.yml").write_text("outlet: [broken\n", encoding="utf-8")

    engine = StubEngine()
    result = build(project, BuildOptions(engine_loader=engine.loader))
    assert result.exit_code == 1
    named = sorted(e.split(":")[0] for e in result.errors)
    assert named == sorted(["zz copy.txt", "blank.txt", "empty.txt", "english.txt", "huge.txt",
                            str(project / "content" / "sources" / "bom.yml")])
    assert any("same article as 001_843f77042b170b03.txt" in e for e in result.errors)
    assert any("not Arabic" in e for e in result.errors) and any("too large" in e for e in result.errors)

    data = briefing(project / "site")
    by_seed = {s["seed_file"]: s for s in data["sources"]}
    for name, number in (("bom.txt", "13"), ("utf16.txt", "14"), ("cp1256.txt", "15"), ("mojibake.txt", "16"),
                         ("nul.txt", "17"), ("surrogate.txt", "18"), ("bidi.txt", "19"), ("html.txt", "20"),
                         ("خبر مع مسافات.txt", "21")):
        source = by_seed[name]
        assert f"إن {number} شخصاً قتلوا" in source["pairs"][0]["ar"], name
        assert (project / "site" / source["url_path"]).exists()
        assert source["id"].isascii() and " " not in source["id"]
    assert not any("Observatory" in s for call in engine.calls for s in call)  # English never sent

    for page in all_pages(project / "site"):
        text = page.read_text(encoding="utf-8")
        assert not any(ch in text for ch in "\u202e\u200b\u202a\u2066\x00"), page
        scripts = soup(page).find_all("script")
        assert all(s.get("src", "").endswith("static/site.js") and not s.string for s in scripts), page
    html_page = soup(project / "site" / by_seed["html.txt"]["url_path"])
    assert "<b>الوضع</b>" in html_page.select(".pair .ar")[-1].get_text()  # shown as text
    assert "alert('x')" in html_page.select_one("details.removed").get_text()
    assert "Traceback" not in caplog.text
