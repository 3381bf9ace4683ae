"""Readers for inputs other than .txt: saved pages, scrapers' JSON/JSONL records, Markdown with front matter."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.arabic import arabic_ratio
from generator.errors import SeedError
from generator.ingest import records
from generator.ingest.extracted import Extracted, iso_date
from generator.ingest.formats import READERS, SUFFIXES, read_input, skipped
from generator.ingest.html import decode_html, parse, visible_lines

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
SHARED_HTML = ROOT.parent / "shared" / "html"  # real saved pages, never copied into the project


def read_one(path: Path) -> Extracted:
    articles, problems = read_input(path, (path.parent.resolve(),))
    assert problems == [] and len(articles) == 1
    return articles[0]


def body_paragraphs(article: Extracted) -> list[str]:
    """The paragraphs after the headline."""
    paragraphs = article.text.split("\n\n")
    return paragraphs[1:] if paragraphs[0] == article.meta.get("headline") else paragraphs


def removed_texts(article: Extracted) -> set[str]:
    return {r.text for r in article.removed}


def page_lines(path: Path) -> list[str]:
    text, _, _ = decode_html(path.read_bytes(), path.name)
    return visible_lines(parse(text, path.name))


# --- saved pages ---------------------------------------------------------------------------------------


def test_saved_page_metadata_from_opengraph_and_json_ld():
    article = read_one(INPUTS / "saved_page.html")
    assert article.name == "saved_page.html" and article.id == "saved_page"
    assert article.meta == {
        "outlet": "شبكة الفرات الإخبارية",  # og:site_name, not the domain
        "headline": "سيول مفاجئة تغمر قرى في ريف دير الزور وتقطع الطريق الدولي",  # no " - site" suffix
        "date": "2023-11-15T01:40",  # JSON-LD's local time, not the UTC 14th of article:published_time
        "url": "https://alfurat-news.example/2023/11/15/floods-deir-ezzor/",  # canonical, not og:url's ?p=
        "byline": "سامر الحسن",  # JSON-LD author, not <meta name=author> "فريق التحرير"
    }


def test_saved_page_text_is_headline_then_body_paragraphs():
    article = read_one(INPUTS / "saved_page.html")
    assert article.text.split("\n\n")[0] == article.meta["headline"]
    body = body_paragraphs(article)
    assert body[0].startswith("غمرت سيول مفاجئة فجر الثلاثاء")
    assert body[-1].startswith("وتشهد المنطقة منذ مطلع الأسبوع")
    assert len([p for p in body if len(p.split()) > 20]) == 5
    assert not {"الأكثر قراءة", "موافق", "عاجل", "الرئيسية"} & set(article.text.split("\n\n"))


def test_saved_page_lists_the_chrome_it_dropped():
    path = INPUTS / "saved_page.html"
    article = read_one(path)
    removed = removed_texts(article)
    for chrome in ("الأكثر قراءة", "مقتل ثلاثة أشخاص بانفجار لغم أرضي في ريف الرقة", "اترك تعليقاً",
                   "© 2023 شبكة الفرات الإخبارية. جميع الحقوق محفوظة.", "مياه السيول تغمر أحد الشوارع في بلدة الشحيل (أرشيف)"):
        assert chrome in removed
    assert not removed & set(body_paragraphs(article))
    assert not any("سكربت" in text or "gtag" in text or "font-family" in text for text in removed)
    assert all(r.reason == "page chrome (removed by trafilatura)" for r in article.removed)
    lines = page_lines(path)
    assert [lines[r.line - 1] for r in article.removed] == [r.text for r in article.removed]


def test_saved_page_in_windows_1256_is_decoded_by_its_declared_charset():
    article = read_one(INPUTS / "legacy_1256.htm")
    assert any("cp1256" in note and "declared" in note for note in article.notes)
    assert article.meta["headline"] == "الإفراج عن 40 معتقلاً من سجن غويران بوساطة عشائرية"
    assert article.meta["outlet"] == "جريدة البادية"  # the site name the <title> adds to the headline
    assert article.meta["date"] == "2022-02-03T11:20"  # from the visible "تاريخ النشر" line
    paragraphs = article.text.split("\n\n")
    # trafilatura flattens the layout table's cell into one line; the reader splits it back into paragraphs
    assert sum(p.startswith(("أفرجت", "وقال أحد الوجهاء", "ولم تصدر")) for p in paragraphs) == 3
    assert not any(p.startswith("|") for p in paragraphs)


@pytest.mark.parametrize("declaration", [b"", b'<meta charset="iso-8859-1">'])
def test_page_without_a_true_charset_is_read_as_windows_1256(tmp_path, declaration):
    """No declaration, or a wrong Latin-1 one (common on old sites): the bytes read as Arabic in Windows-1256."""
    source = (INPUTS / "legacy_1256.htm").read_bytes().replace(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', declaration)
    path = tmp_path / "old.html"
    path.write_bytes(source)
    article = read_one(path)
    assert any("Windows-1256" in warning for warning in article.warnings)
    assert article.meta["headline"] == "الإفراج عن 40 معتقلاً من سجن غويران بوساطة عشائرية"


@pytest.mark.parametrize("content, message", [
    (b"", "not a readable HTML page|no article text"),
    (b"<html><body><script>var breaking = 1;</script><p> </p></body></html>", "no article text"),
])
def test_unusable_pages_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(SeedError, match=f"^bad.html: ({message})"):
        read_input(path, (tmp_path,))


def test_page_outside_the_roots_is_refused(tmp_path):
    inside, outside = tmp_path / "seeds", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    shutil.copy(INPUTS / "saved_page.html", outside / "page.html")
    (inside / "page.html").symlink_to(outside / "page.html")
    with pytest.raises(SeedError, match="^page.html: a symbolic link"):
        read_input(inside / "page.html", (inside.resolve(),))


# Real saved pages (see ../shared/html/SOURCE.md): the date each page states, the outlet's name, and a line
# of chrome each one has.
REAL_PAGES = [
    ("d01_almadenahnews.html", "2020-04-24", "المدينة نيوز", "اختيارات القراء"),
    ("d02_sadaelbalad.html", "2020-12-25", "قناة صدى البلد", "الأكثر مشاهدة"),
    ("d03_bbcarabic.html", "2024-03-03", "BBC News عربي", "الأكثر قراءة"),
]


@pytest.mark.parametrize("name, date, outlet, chrome", REAL_PAGES)
def test_real_saved_pages(name, date, outlet, chrome):
    path = SHARED_HTML / name
    if not path.exists():
        pytest.skip(f"{path} is absent (shared development pages)")
    article = read_one(path)
    assert article.meta["date"][:10] == date
    assert article.meta["outlet"] == outlet
    assert article.meta["headline"] and article.text.split("\n\n")[0] == article.meta["headline"]
    body = body_paragraphs(article)
    assert body and all(arabic_ratio(p) > 0.8 for p in body if len(p.split()) > 8)
    removed = removed_texts(article)
    assert chrome in removed
    assert not removed & set(body)
    lines = page_lines(path)
    assert all(lines[r.line - 1] == r.text for r in article.removed)


def test_real_page_metadata_details():
    paths = {name: SHARED_HTML / name for name, *_ in REAL_PAGES}
    if not all(p.exists() for p in paths.values()):
        pytest.skip(f"{SHARED_HTML} is absent (shared development pages)")
    d01, d02, d03 = (read_one(p) for p in paths.values())
    assert d01.meta["headline"] == "أميركا :50 الفا حصيلة الوفيات بسبب فيروس كورونا"
    assert "byline" not in d01.meta  # <meta name=Author> is the outlet itself
    assert d01.meta["url"].startswith("https://www.almadenahnews.com/")  # canonical, not og:url's bare IP
    assert d02.meta["date"] == "2020-12-25T01:59" and d02.meta["byline"] == "ضحى عرفة"
    assert d03.meta["byline"] == "كايلا إبستين وأنجليكا كاساس"
    assert d03.meta["url"] == "https://www.bbc.com/arabic/articles/c720dxj8dq8o"
    labels = [r for r in d03.removed if r.reason.startswith("byline block")]
    assert [r.text.split(",")[0] for r in labels] == ["Author", "Role"]
    assert not any(p.startswith("- Author") for p in d03.text.split("\n\n"))


# --- records -------------------------------------------------------------------------------------------


def test_news_please_file_is_one_article():
    article = read_one(INPUTS / "newsplease_article.json")
    assert article.name == "newsplease_article.json" and article.id == "newsplease_article"
    assert article.meta == {
        "outlet": "شام تايمز",  # source_domain is only a domain; title_page names the site
        "headline": "تمديد حظر التجول في أحياء الحسكة لثلاثة أيام",
        "date": "2022-01-23T21:15",
        "url": "https://sham-times.example/news/2022/01/23/curfew-hasakah/",
        "byline": "ليلى الأحمد، مراد يوسف",
    }
    body = body_paragraphs(article)
    assert len(body) == 3 and body[0].startswith("قالت مصادر محلية") and body[2].startswith("وناشدت")


def test_trafilatura_jsonl_skips_the_record_without_text():
    path = INPUTS / "trafilatura_export.jsonl"
    articles, problems = read_input(path, (INPUTS,))
    assert [a.name for a in articles] == ["trafilatura_export.jsonl#1", "trafilatura_export.jsonl#3"]
    assert len(problems) == 1 and problems[0].startswith("trafilatura_export.jsonl#2 ")
    assert "no article text" in problems[0]
    first, third = articles
    assert first.meta["outlet"] == "عين الفرات"  # source-hostname; "source" is trafilatura's URL
    assert first.meta["url"] == "https://ain-alfurat.example/2022/01/24/sabha-checkpoint/"
    assert first.meta["headline"] == "مقتل عنصرين من قسد بهجوم على حاجز في ريف دير الزور"
    assert first.meta["date"] == "2022-01-24"
    assert third.meta["byline"] == "هيفاء العلي، سليمان داود"
    assert len(body_paragraphs(first)) == 2 and len(body_paragraphs(third)) == 2
    assert len({a.id for a in articles}) == 2
    assert all(a.id.startswith("trafilatura_export-") and len(a.id) == len("trafilatura_export-") + 10
               for a in articles)


def test_record_ids_survive_reordering(tmp_path):
    lines = (INPUTS / "trafilatura_export.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "trafilatura_export.jsonl"
    path.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    original, _ = read_input(INPUTS / "trafilatura_export.jsonl", (INPUTS,))
    reordered, _ = read_input(path, (tmp_path,))
    assert {a.meta["url"]: a.id for a in original} == {a.meta["url"]: a.id for a in reordered}
    assert [a.name for a in reordered] == ["trafilatura_export.jsonl#1", "trafilatura_export.jsonl#3"]


def record(**fields: object) -> dict[str, object]:
    return {"title": "عنوان الخبر", "text": "قال مصدر محلي إن الاشتباكات توقفت صباح اليوم.", **fields}


def write_json(tmp_path: Path, name: str, value: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_list_ids_unique_and_from_title_and_date(tmp_path):
    path = write_json(tmp_path, "Export 2022.json", [
        record(url="https://a.example/1"), record(url="https://a.example/1"),
        record(date="2022-01-25"), record(date="2022-01-26"), "not a record"])
    articles, problems = read_input(path, (tmp_path,))
    ids = [a.id for a in articles]
    assert len(set(ids)) == 4 and ids[1] == ids[0] + "-2"
    assert ids[2] != ids[3]  # same title, other date
    assert problems == ["Export 2022.json#5: not a JSON object but str; skipped"]
    assert all(a.id.startswith("export-2022-") for a in articles)


def test_record_over_one_articles_cap_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(records, "SEED_LIMIT", 600)
    path = write_json(tmp_path, "big.json", [record(), record(text="خبر " * 400)])
    articles, problems = read_input(path, (tmp_path,))
    assert len(articles) == 1
    assert len(problems) == 1 and problems[0].startswith("big.json#2: a record of")


def test_key_variants_and_latin_text(tmp_path):
    path = write_json(tmp_path, "mixed.json", [
        {"headline": "عنوان", "content": "", "body": "فقرة أولى.\n\nفقرة ثانية.", "link": "https://b.example/x",
         "datePublished": "2022-01-26T09:30:00Z", "site_name": "b.example", "outlet": "وكالة الأنباء"},
        record(text="The coalition said the attack failed.", url="https://c.example/")])
    articles, problems = read_input(path, (tmp_path,))
    assert articles[0].meta == {"headline": "عنوان", "url": "https://b.example/x", "date": "2022-01-26T09:30",
                                "outlet": "وكالة الأنباء"}
    assert articles[0].text == "عنوان\n\nفقرة أولى.\n\nفقرة ثانية."
    assert len(problems) == 1 and "mixed.json#2" in problems[0] and "not Arabic" in problems[0]


def test_record_text_in_html_is_read_as_its_lines(tmp_path):
    path = write_json(tmp_path, "wp.json", record(content="<p>فقرة <b>أولى</b>.</p><p>فقرة&nbsp;ثانية.</p>",
                                                   text=None, url="https://wp.example/?p=1"))
    article = read_one(path)
    assert article.text == "عنوان الخبر\n\nفقرة أولى.\n\nفقرة ثانية."
    assert any("HTML" in note for note in article.notes)


def test_broken_json_names_file_and_line():
    with pytest.raises(SeedError, match=r"^broken\.json:5:\d+: not valid JSON"):
        read_input(INPUTS / "broken.json", (INPUTS,))


def test_bad_jsonl_line_is_one_problem(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps(record(url="https://a.example/1"), ensure_ascii=False)
    path.write_text(f"{good}\n\n{{\"title\": \"مقطوع\n{good.replace('/1', '/2')}\n", encoding="utf-8")
    articles, problems = read_input(path, (tmp_path,))
    assert [a.name for a in articles] == ["feed.jsonl#1", "feed.jsonl#3"]
    assert len(problems) == 1 and problems[0].startswith("feed.jsonl#2 (line 3): not valid JSON")


def test_json_file_holding_json_lines_is_read_as_lines(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text((INPUTS / "trafilatura_export.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    articles, problems = read_input(path, (tmp_path,))
    assert len(articles) == 2 and len(problems) == 1


@pytest.mark.parametrize("content, message", [
    (b"", "no records|not valid JSON"), (b"42", "expected a JSON object"),
    ('{"title": "خبر"}\n'.encode("cp1256"), "not valid UTF-8"),
])
def test_unusable_records_files(tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(SeedError, match=f"^x.json.*({message})"):
        read_input(path, (tmp_path,))


@pytest.mark.parametrize("value, expected", [
    ("2020-12-25T01:59:50+02:00", "2020-12-25T01:59"), ("2024-03-03T13:52:13.299Z", "2024-03-03T13:52"),
    ("2022-01-23 21:15:00", "2022-01-23T21:15"), ("2022-01-23 00:00:00", "2022-01-23"),
    ("2022-01-23", "2022-01-23"), ("2022/1/3", "2022-01-03"), ("2022-02-30", ""), ("yesterday", ""),
    (None, ""),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


# --- Markdown ------------------------------------------------------------------------------------------


def test_markdown_with_front_matter():
    article = read_one(INPUTS / "hand_entered.md")
    assert article.id == "hand_entered"
    assert article.meta == {"outlet": "إذاعة صوت الجزيرة", "headline": "نقل عشرات المحتجزين من سجن الصناعة إلى سجون أخرى",
                            "date": "2022-01-27", "url": "https://radio-jazira.example/ar/news/4512",
                            "byline": "نور الدين الخطيب"}
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.meta["headline"] and paragraphs.count(article.meta["headline"]) == 1
    assert paragraphs[1].startswith("قالت مصادر في الإدارة الذاتية لـإذاعة صوت الجزيرة إن")
    assert "نُقلوا ليل الأربعاء" in paragraphs[1]  # a soft line break is a space
    assert "ما الذي نعرفه حتى الآن" in paragraphs  # a heading is its own line
    assert "نُقل المحتجزون على دفعات في حافلات مصفحة برفقة دوريات عسكرية." in paragraphs
    assert not any(mark in article.text for mark in ("**", "](", "#", "*", "![", "<!--"))
    assert [(r.line, r.reason) for r in article.removed] == [(21, "HTML in the Markdown (not article text)")]


def write_md(tmp_path: Path, front: str, body: str = "قال شهود عيان إن الاشتباكات توقفت.\n") -> Path:
    path = tmp_path / "note.md"
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize("front, message", [
    ("outlet: وكالة\nsource: أخرى\n", r"^note\.md:3: unknown key 'source'"),
    ("date: أمس\n", r"^note\.md:2: date 'أمس' is not a date"),
    ("headline: [a, b]\n", r"^note\.md:2: 'headline' must be text"),
    ("outlet: 'مفتوح\n", r"^note\.md:\d+: the front matter is not valid YAML"),
])
def test_bad_front_matter(tmp_path, front, message):
    with pytest.raises(SeedError, match=message):
        read_input(write_md(tmp_path, front), (tmp_path,))


def test_front_matter_never_closed(tmp_path):
    path = tmp_path / "open.md"
    path.write_text("---\noutlet: وكالة\n\nقال شهود عيان.\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"^open\.md:1: the front matter .* never closed"):
        read_input(path, (tmp_path,))


@pytest.mark.parametrize("date, expected", [("2022-01-27", "2022-01-27"), ("'2022-01-27'", "2022-01-27"),
                                            ("2022-01-27 14:05", "2022-01-27T14:05")])
def test_front_matter_dates_quoted_or_not(tmp_path, date, expected):
    article = read_one(write_md(tmp_path, f"date: {date}\n"))
    assert article.meta == {"date": expected}


def test_markdown_without_front_matter_takes_its_h1_as_headline(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# عنوان الخبر\n\nقال شهود عيان إن _الاشتباكات_ توقفت.\n", encoding="utf-8")
    article = read_one(path)
    assert article.meta == {"headline": "عنوان الخبر"}
    assert article.text == "عنوان الخبر\n\nقال شهود عيان إن الاشتباكات توقفت."


# --- dispatch ------------------------------------------------------------------------------------------


def test_readers_by_extension():
    assert set(READERS) == {".html", ".htm", ".json", ".jsonl", ".md"}
    assert SUFFIXES[0] == ".txt" and set(SUFFIXES[1:]) == set(READERS)


def test_unknown_extension_is_named_and_skipped(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(SeedError, match=r"^scan\.pdf: not read: '\.pdf' files are not articles"):
        read_input(path, (tmp_path,))
    assert skipped(Path("README")).startswith("README: not read: files without an extension")
