"""The cleaner on the five seeds (hand-labelled) and on kinds of noise from other outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.dates import parse_date
from generator.ingest.clean import clean

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = yaml.safe_load((Path(__file__).parent / "fixtures" / "seeds_expected.yml").read_text(encoding="utf-8"))
SEEDS = sorted(k for k in EXPECTED if k.endswith(".txt"))


def seed_lines(name: str) -> list[str]:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("name", SEEDS)
def test_every_line_is_kept_or_removed_as_labelled(name):
    result = clean((ROOT / "seeds" / name).read_text(encoding="utf-8"))
    kept = {kind: sorted(n for b in result.blocks if b.kind == kind for n in b.lines)
            for kind in ("body", "caption", "heading")}
    expected = EXPECTED[name]
    assert kept == {k: expected[k] for k in ("body", "caption", "heading")}
    removed = {r.line: r.reason for r in result.removed}
    assert set(removed) == set(expected["removed"])
    for line, word in expected["removed"].items():
        assert word in removed[line], (line, removed[line])


@pytest.mark.parametrize("name", SEEDS)
def test_nothing_is_dropped_silently(name):
    lines = seed_lines(name)
    result = clean("\n".join(lines))
    accounted = {n for b in result.blocks for n in b.lines} | {r.line for r in result.removed}
    assert accounted == {i for i, t in enumerate(lines, 1) if t.strip()}


@pytest.mark.parametrize("name", SEEDS)
def test_metadata_detected(name):
    meta = clean((ROOT / "seeds" / name).read_text(encoding="utf-8")).meta
    want = EXPECTED[name]["meta"]
    outlet = meta.get("masthead") or meta.get("dateline_outlet") or meta.get("prefix_outlet") or meta.get("site_label")
    if "outlet" in want:
        assert outlet == want["outlet"]
    if "headline" in want:
        assert meta["headline"] == want["headline"]
    if "dateline" in want:
        assert meta.get("dateline") == want["dateline"]
    if "date" in want:  # (the fixture's date was never checked: a test audit)
        assert parse_date(meta.get("date_text", "")) == want["date"], meta


def test_wrapped_sentence_is_joined():
    result = clean((ROOT / "seeds" / "002_e05e2947b1f63712.txt").read_text(encoding="utf-8"))
    block = next(b for b in result.blocks if b.lines == (2, 3))
    assert "المشورة والمساعدة والتمكين للقوات الشريكة." in block.text


def test_outlet_prefix_is_taken_out_of_the_body():
    result = clean((ROOT / "seeds" / "002_e05e2947b1f63712.txt").read_text(encoding="utf-8"))
    assert result.blocks[0].text.startswith("اعلن التحالف الدولي")


# Other outlets, other instances of the same kinds of noise.
OTHER_OUTLET = """\
موقع الخبر اليوم | سياسة
الرئيسية
أخبار عربية
مقتل 12 في اشتباكات قرب مخيم الهول
نشر في: الاثنين 24 يناير 2022 - 10:15 ص
دمشق - سانا
قال مصدر محلي إن 12 شخصاً قتلوا في اشتباكات عنيفة قرب مخيم الهول شرقي سوريا.
تابعونا على قناتنا في تيليجرام لمتابعة آخر الأخبار
وأضاف المصدر أن قوات الأمن فرضت طوقاً أمنياً حول المخيم بعد الاشتباكات.
الصورة: عناصر من قوات الأمن قرب المخيم (أ ف ب)
حمل تطبيق الخبر اليوم من Google Play
https://example.com/news/12345?utm_source=fb
👍 1.2K
شارك
اقرأ أيضاً:
اشتباكات جديدة في دير الزور
قتلى في هجوم على حاجز
أضف تعليقاً
Comments (3)
"""


def test_other_outlet_noise_is_removed_by_kind():
    result = clean(OTHER_OUTLET)
    body = " ".join(b.text for b in result.blocks if b.kind == "body")
    assert "12 شخصاً قتلوا" in body and "طوقاً أمنياً" in body
    for fragment in ("الرئيسية", "تيليجرام", "Google Play", "https://", "1.2K", "اقرأ أيضاً", "دير الزور",
                     "أضف تعليقاً", "Comments", "سانا", "24 يناير"):
        assert fragment not in body, fragment
    captions = [b.text for b in result.blocks if b.kind == "caption"]
    assert captions == ["الصورة: عناصر من قوات الأمن قرب المخيم (أ ف ب)"]
    assert result.meta["headline"] == "مقتل 12 في اشتباكات قرب مخيم الهول"
    assert result.meta["masthead"] == "موقع الخبر اليوم"
    assert result.meta["dateline"] == "دمشق"


def test_body_sentence_with_url_or_brand_keeps_its_text():
    text = ("قال المتحدث إن البيان نشر على الموقع الرسمي www.example.org وعلى قناة الجزيرة مساء أمس بعد الاجتماع.\n"
            "وأضاف أن التحقيق مستمر في الحادث وأن النتائج ستعلن قريباً للرأي العام.")
    result = clean(text)
    assert [b.kind for b in result.blocks] == ["body", "body"]
    assert not result.removed


def test_english_comment_widget_and_teaser():
    text = ("قتل خمسة أشخاص في الهجوم على القاعدة العسكرية صباح اليوم بحسب مصادر محلية.\n\n"
            "وأكدت المصادر أن الهجوم نفذه مسلحون مجهولون قبل أن يفروا من المكان.\n\n"
            "قتل خمسة أشخاص في الهجوم على القاعدة العسكرية صباح اليوم بحسب مصادر محلية. وأكدت المصادر أن…\n\n"
            "Leave a comment\nName *\nEmail *\nSave my name, email, and website in this browser.\n")
    result = clean(text)
    assert len([b for b in result.blocks if b.kind == "body"]) == 2
    reasons = [r.reason for r in result.removed]
    assert "teaser repeating the body" in reasons and reasons.count("comment form") == 4


@pytest.mark.parametrize("line", ["الرئيسية > أخبار > سوريا", "Home / Middle East / Gulf", "الرئيسية » سياسة » عربي"])
def test_breadcrumbs_anywhere_are_removed(line):
    text = (f"قال المرصد إن الاشتباكات استمرت حتى ساعة متأخرة من الليل في محيط السجن.\n{line}\n"
            "وأضاف أن قوات الأمن فرضت حظراً للتجوال في الأحياء المجاورة للسجن حتى إشعار آخر.")
    result = clean(text)
    assert [r.reason for r in result.removed] == ["breadcrumb or section menu"]


def test_a_poem_is_the_body_and_chrome_lines_stay_chrome():
    """A scrape with no sentence at all, only short lines of a few words (verse), keeps them as body
    paragraphs, one per line, instead of taking them all for page chrome; the chrome around it still goes."""
    poem = ["على ضفاف النهر القديم", "مشت خطانا في المساء الطويل", "وكان الصمت يحكي عن غياب",
            "وفي العيون حكاية لا تنتهي", "وقلت للريح خذي ما تبقى", "فما بقي في القلب غير الحنين"]
    text = "\n\n".join(["قصيدة", *poem, "شارك", "تابعونا على تويتر"]) + "\n"
    result = clean(text)
    assert [b.text for b in result.blocks if b.kind == "body"] == poem
    assert {r.text for r in result.removed} >= {"شارك", "تابعونا على تويتر"}
    # three short lines are not a poem: still no body
    assert not any(b.kind == "body" for b in clean("\n\n".join(poem[:3]) + "\n").blocks)


def test_a_rhymed_poem_after_the_prose_is_the_articles_and_a_block_of_headlines_is_not():
    """A report that quotes a poem after its prose: the verses end alike (a rhyme) and are the article's, kept as
    body paragraphs; a block of related headlines after it does not rhyme and is still chrome."""
    prose = ("أطلق الفنان المعروف عملا وطنيا جديدا بالتعاون مع شاعر شاب وملحن معروف، وقد لاقى العمل صدى واسعا "
             "بين الجمهور منذ طرحه على المنصات الرقمية يوم الخميس، وتقول كلمات الأغنية:")
    poem = ["نادى الفؤاد وفي المحبة عنوان", "يسري بنا الشوق في بحور المعاني", "ياموطنا في القلب أرسى له بنيان",
            "ويا نشيدا لا يغيب عن لساني", "سيفك يصون الأرض من كل خوان", "وعزك الباقي على مر الزمان",
            "يا راية خفاقة في كل ميدان", "تبقى لنا فخرا ونبض الأماني"]
    headlines = ["ارتفاع أسعار النفط في الأسواق العالمية", "المنتخب يستعد لمباراة الجولة المقبلة",
                 "افتتاح معرض الكتاب بمشاركة دولية", "الأرصاد تتوقع أمطارا على المرتفعات",
                 "وزير التعليم يعلن مواعيد الاختبارات", "تدشين مشروع جديد للإسكان في المدينة"]
    text = "\n\n".join(["عمل وطني جديد لفنان العرب", prose, *poem, "اقرأ أيضا", *headlines]) + "\n"
    result = clean(text)
    body = [b.text for b in result.blocks if b.kind == "body"]
    assert body[1:] == poem, body
    assert {r.text for r in result.removed} >= set(headlines)


def test_a_pointer_to_a_video_or_link_in_the_page_is_chrome_but_a_sentence_that_starts_alike_is_not():
    prose = ("أطلقت الشركة صاروخها الجديد من قاعدة الإطلاق في ولاية فلوريدا مساء الثلاثاء، وحمل الصاروخ سيارة "
             "كهربائية إلى مدار حول الشمس في تجربة هي الأولى من نوعها.")
    seen = "شاهد المتظاهرون قوات الأمن تطلق النار على الحشود في الساحة الرئيسية للمدينة مساء الجمعة."
    pointers = ["ولمشاهدة لحظة إقلاع الصاروخ، يمكنك الضغط على الدقيقة (29:43) بالفيديو التالي:",
                "لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...", "شاهد الفيديو أعلاه."]
    result = clean("\n\n".join(["إطلاق صاروخ جديد", prose, pointers[0], seen, *pointers[1:]]) + "\n")
    assert [b.text for b in result.blocks if b.kind == "body"] == [prose, seen]
    assert {r.text: r.reason for r in result.removed if r.text in pointers} == dict.fromkeys(
        pointers, "pointer to a video or link in the page")


INTERVIEW = """\
"المدرب" لـ"الصحيفة": الفريق الأفضل حالياً.. ولن أتحدث عن المنافس

حاوره: أحمد علي تحدث المدير الفني السابق للنادي في حوار خاص عن سعادته بتولي مهمته الجديدة في الخليج، والعودة من جديد إلى الدوريات العربية برفقة أحد أكبر الأندية، وكان هذا الحوار:

- في البداية، نرحب بك ونهنئك على مهمتك الجديدة. شكراً لك، وأنا سعيد جداً بهذه الخطوة.

- ما مهمتك بالضبط في الفريق؟ سأكون مشرفاً فنياً على قطاع الكرة هناك.
"""


def test_a_long_intro_after_the_title_is_body_not_the_headline():
    """A paragraph of LEAD_WORDS words that ends in ":" (an interview's intro) is the start of the body: the
    title before it stays the headline, not "navigation or promo"."""
    result = clean(INTERVIEW)
    assert result.meta["headline"].startswith('"المدرب" لـ"الصحيفة"')
    assert result.blocks[0].text.startswith("حاوره: أحمد علي") and result.blocks[0].kind == "body"
    assert [r.reason for r in result.removed] == ["headline (shown as the page title)"]


def test_a_statement_introduced_by_a_colon_line_keeps_its_title():
    text = ("القيادة تعلن بدء هدنة إنسانية اعتباراً من مساء اليوم لمدة خمسة أيام\n\n"
            "صدر عن القيادة بيان بشأن الالتزام بالهدنة الإنسانية فيما يلي نصه:\n\n"
            "استجابة للطلب الموجه إلى القيادة فقد تقرر بدء الهدنة الإنسانية لمدة خمسة أيام قابلة للتجديد.\n")
    result = clean(text)
    assert result.meta["headline"].startswith("القيادة تعلن بدء هدنة")
    assert result.blocks[0].text.startswith("صدر عن القيادة بيان")


def test_a_long_first_line_is_still_the_title():
    """A news agency's title of thirty words, first in the scrape, is not taken for the body."""
    title = ("سياسي / الوزير يؤكد في مؤتمر صحفي مع نظيره الزائر حرص البلاد على تطوير علاقاتها بشكل جيد مع "
             "جيرانها شرط أن تتوقف سياسة التدخل في شؤون الدول المجاورة وأن يحترم الجميع الاتفاقات الموقعة")
    assert len(title.split()) >= 30
    text = f"{title}\n\nقال الوزير في المؤتمر الصحفي إن بلاده حريصة على علاقات جيدة مع جيرانها كافة.\n"
    result = clean(text)
    assert result.meta["headline"] == title.removeprefix("سياسي / ")  # the agency's section label taken off
    assert [b.text[:8] for b in result.blocks] == ["قال الوز"]


def test_pager_labels_before_a_byline_are_not_the_headline():
    text = ("وزارة الصحة تطلق حملة للتطعيم في المدارس\n\nNext Previous سارة أحمد – جدة\n\n"
            "أطلقت وزارة الصحة حملة واسعة للتطعيم في المدارس تشمل جميع المراحل الدراسية هذا الشهر.\n\n"
            "Next Previous\n")
    result = clean(text)
    assert result.meta["headline"] == "وزارة الصحة تطلق حملة للتطعيم في المدارس"
    removed = [(r.line, r.text, r.reason) for r in result.removed]
    assert (3, "Next Previous", "pager or slide show labels") in removed  # nothing dropped silently
    assert any(line == 3 and text == "سارة أحمد – جدة" for line, text, _ in removed)
    assert (7, "Next Previous", "pager or slide show labels") in removed
    assert [b.kind for b in result.blocks] == ["body"]


def test_html_character_references_in_a_text_scrape_are_read():
    text = ("&quot;الخطوط&quot; توفر 60 ألف مقعد إضافي لموسم العمرة\n\n"
            "أعلنت الشركة أنها ستوفر مقاعد إضافية على رحلاتها إلى &#8220;جدة&#8221; و&quot;المدينة&quot; هذا الموسم.\n")
    result = clean(text)
    assert result.meta["headline"] == '"الخطوط" توفر 60 ألف مقعد إضافي لموسم العمرة'
    assert "“جدة”" in result.blocks[0].text and '"المدينة"' in result.blocks[0].text and "&" not in result.blocks[0].text


@pytest.mark.parametrize("title", ["هل يمكن للقمر أن يؤثر على نوم الإنسان؟", "فيديو: لاعب يسجل هدفاً من منتصف الملعب",
                                   "مرحلة الحسم", "تحرير المدينة.."])
def test_a_question_a_media_label_or_a_short_column_title_is_the_headline(title):
    """A scrape that starts with its title and nothing else before the body: a title ending in "؟" or "!" is
    sentence-like, one starting "فيديو:" looks like a caption, a column title is short; each is the headline."""
    body = ("على مدار سنوات طويلة نسبت إلى القمر تأثيرات كثيرة على صحة الإنسان ونومه، "
            "وتقول دراسة جديدة إن بعض هذه التأثيرات حقيقي.\n\nوأضاف الباحثون أن النتائج تحتاج إلى دراسات أخرى.\n")
    result = clean(f"{title}\n\n{body}")
    assert result.meta["headline"] == title
    assert [b.kind for b in result.blocks] == ["body", "body"]


def test_a_news_agency_dateline_with_the_date_is_not_the_headline():
    text = ("عام / بلدية المدينة تعقد دورة تعريفية عن الانتخابات البلدية غداً\n\n"
            "المدينة المنورة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n\n"
            "تعقد بلدية المدينة غداً دورة تعريفية عن الانتخابات البلدية بمشاركة عدد من المختصين.\n")
    result = clean(text)
    assert result.meta["headline"] == "بلدية المدينة تعقد دورة تعريفية عن الانتخابات البلدية غداً"
    assert result.meta["dateline"] == "المدينة المنورة" and "أغسطس 2015" in result.meta["date_text"]
    assert [r.reason for r in result.removed] == ["headline (shown as the page title)",
                                                   "dateline with the date (kept as metadata)"]


@pytest.mark.parametrize(("line", "dateline", "outlet", "byline"), [
    ("دمشق - سانا", "دمشق", "سانا", None),  # a place, then the outlet
    ("ناصر الطميحي ـ جدة", None, None, "ناصر الطميحي ـ جدة"),  # an author and a city: kept whole, no field guessed
    ("سلوى المدني- عين اليوم", None, None, "سلوى المدني- عين اليوم"),
    ("عين اليوم – الرياض", None, None, "عين اليوم – الرياض"),
])
def test_a_byline_or_dateline_is_not_the_headline_and_names_an_outlet_only_when_clear(line, dateline, outlet, byline):
    text = ("ملتقى الأعمال يواجه التحديات بتعزيز الاستثمارات المشتركة\n\n" + line + "\n\n"
            "طالب ملتقى أصحاب الأعمال بمواجهة التحديات الاقتصادية وتعزيز الاستثمارات المشتركة بين البلدين.\n")
    result = clean(text)
    assert result.meta["headline"] == "ملتقى الأعمال يواجه التحديات بتعزيز الاستثمارات المشتركة"
    assert (result.meta.get("dateline"), result.meta.get("dateline_outlet"), result.meta.get("byline")) == (
        dateline, outlet, byline)


@pytest.mark.parametrize(("title", "headline", "site"), [
    ("بوابة الأخبار - النيجر: حداد وطني بعد هجوم تيلابيري", "النيجر: حداد وطني بعد هجوم تيلابيري", "بوابة الأخبار"),
    ("وكالة الأنباء الوطنية - الحكومة تعلن حدادا وطنيا لثلاثة أيام", "الحكومة تعلن حدادا وطنيا لثلاثة أيام",
     "وكالة الأنباء الوطنية"),
    ("بغداد - الحكومة تعلن حدادا وطنيا لثلاثة أيام بعد الهجوم", "بغداد - الحكومة تعلن حدادا وطنيا لثلاثة أيام بعد الهجوم",
     None),  # a place first: no outlet guessed
])
def test_a_mediums_name_before_a_dash_in_the_title_is_its_site_not_the_headline(title, headline, site):
    """An analyst found "بوابة الأخبار - النيجر: …" kept whole as the headline while the page said no outlet is named."""
    text = (title + "\n\nالخميس 17 أغسطس 2023\n\n"
            "أعلنت الحكومة في النيجر حداداً وطنياً لمدة ثلاثة أيام بعد الهجوم الذي قتل فيه 17 جندياً في منطقة تيلابيري.\n")
    result = clean(text)
    assert (result.meta["headline"], result.meta.get("site_label")) == (headline, site)


def test_a_section_word_in_a_dateline_is_no_outlet():
    from generator.ingest.sources import _detected
    assert "outlet" not in _detected({"dateline": "القاهرة", "dateline_outlet": "متابعات"})
    assert _detected({"dateline": "بغداد", "dateline_outlet": "ناس"})["outlet"] == "ناس"


@pytest.mark.parametrize("line", ["للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (29) ثم مسافة ثم نص الرسالة إلى 88591",
                                  "writer-7@example.comللتواصل مع الكاتب ارسل رسالة قصيرة",
                                  "لمراسلة الكاتب: writer@example.net"])
def test_a_contact_line_for_the_writer_is_chrome(line):
    text = ("قال المرصد إن الاشتباكات استمرت حتى ساعة متأخرة من الليل في محيط السجن.\n"
            "وأضاف أن قوات الأمن فرضت حظراً للتجوال في الأحياء المجاورة للسجن حتى إشعار آخر.\n" + line + "\n")
    result = clean(text)
    assert [r.reason for r in result.removed] == ["contact line for the writer or the outlet"]


def test_a_sentence_ending_in_a_hyphenated_address_is_body_not_a_caption():
    text = ("قال المرصد إن الاشتباكات استمرت حتى ساعة متأخرة من الليل في محيط السجن.\n"
            'وأضاف أنه "يمكن للراغبين معرفة المزيد عن المعرض من خلال الموقع الإلكتروني www.expo-sa.com\n')
    assert [b.kind for b in clean(text).blocks] == ["body", "body"]


@pytest.mark.parametrize(("opening", "meta"), [
    ("دبي، الإمارات العربية المتحدة (CNN) -- ", {"prefix_outlet": "CNN", "dateline": "دبي، الإمارات العربية المتحدة"}),
    ("(CNN)-- ", {"prefix_outlet": "CNN"}),
    ("عيسى الحربي- سبق- الرياض: ", {"byline": "عيسى الحربي- سبق- الرياض"}),  # which part is what: not guessed
    ("واس - ابها: ", {"byline": "واس - ابها"}),
])
def test_a_credit_before_the_first_paragraph_is_metadata(opening, meta):
    text = ("جامعة الملك خالد تعلن فترة التحويل الخارجي للطلاب\n\n" + opening +
            "أعلنت عمادة القبول والتسجيل بالجامعة عن فتح باب التحويل الخارجي للطلاب والطالبات.\n")
    result = clean(text)
    assert result.blocks[0].text.startswith("أعلنت عمادة القبول")
    assert {k: result.meta.get(k) for k in meta} == meta
    assert [r.reason for r in result.removed][-1] == "credit before the first paragraph (kept as metadata)"


def test_a_numbered_list_item_is_no_credit():
    text = ("خطة جديدة للأمن\n\nوأوضح البيان أن الخطة تقوم على عدة محاور رئيسية تشمل عدة جوانب مختلفة.\n\n"
            "١- الأمن: تعزيز الحماية في جميع المنافذ والمطارات والموانئ الرئيسية.\n")
    assert "١- الأمن:" in clean(text).blocks[1].text


def test_a_short_sentence_is_body_and_a_label_a_heading():
    text = ("قال المرصد إن الاشتباكات استمرت حتى ساعة متأخرة من الليل في محيط السجن.\n\n"
            "صدر اليوم عن الديوان البيان التالي :-\n\nالخلفية:\n\n"
            "وعلى دروب الخير نلتقي.\n\n"
            "وأضاف أن قوات الأمن فرضت حظراً للتجوال في الأحياء المجاورة للسجن حتى إشعار آخر.\n")
    assert [b.kind for b in clean(text).blocks] == ["body", "body", "heading", "body", "body"]


def test_an_agency_transmission_marker_is_not_in_the_headline():
    text = ("عام / رئيس المدينة يلتقي وفداً من الجامعة / إضافة أولى واخيرة\n\n"
            "التقى رئيس المدينة اليوم وفداً من الجامعة لبحث سبل التعاون في مجالات البحث العلمي.\n")
    assert clean(text).meta["headline"] == "رئيس المدينة يلتقي وفداً من الجامعة"


def test_an_outlets_closing_app_promo_is_chrome_and_the_list_before_it_stays():
    text = ("قائمة المرشحات للجائزة\n\n"
            "أعلن الاتحاد الدولي أسماء المرشحات لجائزة أفضل لاعبة في العالم لهذا العام.\n\n"
            "قائمة اللاعبات\n\nأدا هيغربيرغ - ليون/النرويج.\n\nمارتا - أورلاندو برايد/ البرازيل.\n\n"
            "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق الشبكة على هاتفكم المحمول.\n\n"
            "شارك\n")
    result = clean(text)
    kept = [b.text for b in result.blocks]
    assert kept[-2:] == ["أدا هيغربيرغ - ليون/النرويج.", "مارتا - أورلاندو برايد/ البرازيل."]
    assert "app or alerts promotion" in [r.reason for r in result.removed]
    assert not any("تطبيق" in t for t in kept)


def test_a_tag_list_or_link_line_glued_after_the_text_is_chrome():
    text = ("ارتفاع أسعار النفط\n\nارتفعت أسعار النفط اليوم في الأسواق العالمية بعد قرار خفض الإنتاج الذي أعلنته أوبك. "
            "سمات أسعار النفط هبوط\n\nوقال محللون إن الأسعار قد تواصل الارتفاع حتى نهاية الشهر الجاري. "
            "رابط الخبر بصحيفة الوئام: إصابة 4 مواطنين جراء سقوط مقذوفات\n\n"
            "رابط الخبر بصحيفة الوئام: أوقاف تدعم رواتب المعلمين في 12 جمعية\n")
    result = clean(text)
    assert [b.text for b in result.blocks] == [
        "ارتفعت أسعار النفط اليوم في الأسواق العالمية بعد قرار خفض الإنتاج الذي أعلنته أوبك.",
        "وقال محللون إن الأسعار قد تواصل الارتفاع حتى نهاية الشهر الجاري."]
    reasons = [(r.text[:4], r.reason) for r in result.removed]
    assert ("سمات", "tag list or link glued after the text") in reasons
    assert ("رابط", "tag list or link glued after the text") in reasons
    assert ("رابط", "link line to the article on the outlet's site") in reasons


def test_a_tag_list_after_a_bracket_and_a_writers_other_articles_glued_after_the_text_are_chrome():
    """An analyst found a tag list after a closing bracket kept as text, and a writer's other articles run together
    after the last sentence read as a statement with a key figure ("مقالات أخرى للكاتببعد الـ(431) داعشياً")."""
    text = ("شركة بريطانية تصنع مكنسة من الذهب الخالص\n\n"
            "كشفت صحيفة بريطانية أن شركة محلية صنعت مكنسة من الذهب الخالص لعرضها في معرض للمقتنيات الفاخرة في لندن.\n\n"
            "وحسب الصحيفة، فإن الشركة المنتجة صنعت فقط مائة مكنسة منها بسعر مرتفع جدا "
            "(مليون ومائتي ألف دولار) سمات ذهب مكنسة\n\nوأضافت أن الطلب عليها كبير في الأسواق الخليجية والأوروبية. "
            "مقالات أخرى للكاتببعد الـ(431) داعشياً.. ماذا فعلنا لتحصين الشباب؟التاريخ سيذكر مواجهة الحزم\n")
    result = clean(text)
    assert [b.text for b in result.blocks][1:] == [
        "وحسب الصحيفة، فإن الشركة المنتجة صنعت فقط مائة مكنسة منها بسعر مرتفع جدا (مليون ومائتي ألف دولار)",
        "وأضافت أن الطلب عليها كبير في الأسواق الخليجية والأوروبية."]
    removed = [r.text for r in result.removed if r.reason == "tag list or link glued after the text"]
    assert removed == ["سمات ذهب مكنسة", "مقالات أخرى للكاتببعد الـ(431) داعشياً.. ماذا فعلنا لتحصين الشباب؟التاريخ سيذكر مواجهة الحزم"]


def test_a_sentence_that_starts_with_the_word_for_traits_is_body():
    text = ("القيادة\n\nتحدث الكاتب عن القيادة في المؤسسات الحديثة. سمات القائد الناجح كثيرة ومتنوعة.\n")
    assert clean(text).blocks[0].text.endswith("كثيرة ومتنوعة.")


@pytest.mark.parametrize("link", ["للمزيد: ترامب يوقع قرار الرسوم الجمركية على الصلب والألمنيوم",
                                  "قد يهمك أيضا: ترامب يوقع قرار الرسوم الجمركية على الصلب والألمنيوم",
                                  "قد يهمك| ترامب يوقع قرار الرسوم الجمركية على الصلب والألمنيوم"])
def test_a_read_more_link_line_is_chrome_and_the_heading_after_it_stays(link):
    text = ("قال المرصد إن الاشتباكات استمرت حتى ساعة متأخرة من الليل في محيط السجن.\n\n"
            f"{link}\n\nالحلفاء غير سعداء\n\n"
            "وأضاف أن قوات الأمن فرضت حظراً للتجوال في الأحياء المجاورة للسجن حتى إشعار آخر.\n")
    result = clean(text)
    assert [r.reason for r in result.removed] == ["'read more' link"]
    assert [b.kind for b in result.blocks] == ["body", "heading", "body"]


BODY = ("الملتقى الأول للأمن السياحي في الطائف يبحث سلامة الآثار والمنشآت السياحية في الحادي والعشرين من الشهر "
        "الجاري، بمشاركة المنظمة العربية للسياحة وجامعة نايف العربية للعلوم الأمنية.\n\n"
        "وأوضح رئيس المنظمة العربية للسياحة أن الملتقى يعد من أهم الملتقيات التي تشهدها المنطقة، لافتا إلى "
        "أهمية أمن السائح وسلامته.\n")


def test_a_title_above_its_date_line_wins_over_the_articles_own_first_lines_below_it():
    """Title, date line, then a headline-like line before the body: when the title's words are the article's,
    it is the headline, and the line below the date (the lead cut off by the scrape, a sub-title) stays the
    article's; a line above the date that is not about the article stays a promo, the line below the headline."""
    cut = "وافق أمير منطقة مكة المكرمة الأمير خالد الفيصل على إطلاق فعاليات"
    page = (f"المدينة | أخبار\n\nالفيصل يوافق على إطلاق الملتقى الأول للأمن السياحي بالطائف\n\n"
            f"آخر تحديث: 24 يوليو 2015 - 08:45\n\n{cut}\n\n{BODY}")
    result = clean(page)
    assert result.meta["headline"] == "الفيصل يوافق على إطلاق الملتقى الأول للأمن السياحي بالطائف"
    assert [b.text for b in result.blocks][0] == cut  # kept, not dropped as a promo
    promo = (f"المدينة | أخبار\n\nارتفاع أسعار الذهب في الأسواق العالمية مع تراجع الدولار الأمريكي\n\n"
             f"آخر تحديث: 24 يوليو 2015 - 08:45\n\nانطلاق الملتقى الأول للأمن السياحي بالطائف\n\n{BODY}")
    result = clean(promo)
    assert result.meta["headline"] == "انطلاق الملتقى الأول للأمن السياحي بالطائف"
    assert any(r.reason == "navigation or promo before the article" and "الذهب" in r.text for r in result.removed)


def test_the_items_of_a_list_the_body_ends_in_stay_the_articles():
    """A list item after the last full sentence, marked as the item before it, carries the list on; a short
    marked line or an unmarked one after the body is still chrome."""
    page = ("شبكة الأخبار العربية | أخبار\n\nمسابقة للشباب في المدينة\n\n"
            "أعلنت الجمعية عن مسابقة جديدة للشباب تقوم على ثلاثة محاور رئيسية يتنافس فيها المشاركون خلال الصيف.\n\n"
            "- العمل الجماعي: من خلال آلية توزيع المهام والعمل المشترك بين أعضاء الفرق المشاركة.\n\n"
            "- المشروع: وقد يتضمن هذا المحور عدة أفكار تقدمها الفرق المشاركة\n\n"
            "- الرئيسية\n\nاقرأ أيضا\n")
    result = clean(page)
    kept = " ".join(b.text for b in result.blocks)
    assert "- المشروع: وقد يتضمن هذا المحور" in kept
    assert {r.text for r in result.removed} >= {"- الرئيسية", "اقرأ أيضا"}


def test_a_list_laid_out_as_fields_after_the_body_is_the_articles():
    """A festival's films after the report ("title – director – country", with their headings) stay the
    article's; a single line of spaced dashes after the body (a footer menu) is still chrome."""
    films = ["في حرب – ستيفان بريزيه – فرنسا", "شجرة الكمثرى البرية – نوري بلجي جيلان – تركيا",
             "أيكا – سيرغي دفورتسيفوي – روسيا", "كفر ناحوم – نادين لبكي – لبنان"]
    page = ("شبكة الأخبار العربية | ثقافة\n\nانطلاق مهرجان كان السينمائي\n\n"
            "تنطلق اليوم فعاليات مهرجان كان السينمائي في دورته الحادية والسبعين بمشاركة واسعة من السينمائيين.\n\n"
            "وتتنافس على السعفة الذهبية أفلام من عدة دول بينها فيلمان عربيان للمرة الأولى منذ سنوات.\n\n"
            "المسابقة الرسمية\n\n" + "\n\n".join(films) + "\n\nعن الموقع – اتصل بنا – سياسة الخصوصية\n")
    result = clean(page)
    kept = "\n".join(b.text for b in result.blocks)
    assert all(film in kept for film in films) and "المسابقة الرسمية" in kept
    assert any(r.text.startswith("عن الموقع") for r in result.removed)


def test_a_hashtag_title_is_the_headline_when_nothing_else_is():
    """A column titled with a hashtag ("#عزام_يتخبط..!!"): its words are joined by underscores, and it is the
    title, not a promo."""
    page = ("سبق | أخبار\n\n#عزام_يتخبط..!!\n\n6 أغسطس 2015\n\n"
            "منذ أن أصدر وزير التعليم قراره بفتح حلقات التحفيظ في المدارس لم تهدأ وسائل التواصل بين معارض ومؤيد.\n\n"
            "ومن البديهي أن نجد من يؤيد القرار لأنه يعود الناشئة على الحفظ بعدما امتلأ الجدول بالحصص.\n")
    result = clean(page)
    assert result.meta.get("headline") == "#عزام_يتخبط..!!"
    assert not any("promo" in r.reason for r in result.removed)


def test_a_title_ending_in_an_exclamation_over_a_byline_is_the_headline():
    """ "شاهد.. مكنسة ذهب بمليون دولار لتنظيف اليخت والليموزين!" over "عين اليوم – متابعات": the title read as a
    sentence, and the byline stood in the body as a heading. Both are the header."""
    page = ("شاهد.. مكنسة ذهب بمليون دولار لتنظيف اليخت والليموزين!\n\nعين اليوم – متابعات\n\n"
            "بثت صحيفة بريطانية شريط فيديو مدته 12 ثانية فقط تظهر فيه مكنسة كهربائية مصنوعة بالكامل من الذهب.\n\n"
            "وقالت الصحيفة إن المكنسة صنعت لأحد الأثرياء الذي يستخدمها في تنظيف يخته وسيارته الفارهة.\n")
    result = clean(page)
    assert result.meta.get("headline") == "شاهد.. مكنسة ذهب بمليون دولار لتنظيف اليخت والليموزين!"
    assert result.meta.get("byline") == "عين اليوم – متابعات"
    assert result.blocks[0].text.startswith("بثت صحيفة") and all(b.kind == "body" for b in result.blocks)


def test_a_list_the_article_announces_is_the_articles_at_its_end():
    """An article that ends "here is the list:" and then lists (winners, a ranking) keeps the list: its lead-in
    and items were dropped as "page chrome after the article" (a site review found a winners list and a ranking
    removed), and the ranked items with a bracket were taken for photo credits. A "read more" block and labels
    whose items the scrape lost stay out."""
    prose = ("فاز فيلم شكل الماء بجائزة أفضل فيلم في حفل توزيع جوائز الأوسكار الذي أقيم مساء الأحد في هوليوود، في "
             "ليلة شهدت حضورا لافتا لقضايا التحرش والتنوع.")
    winners = ["أفضل فيلم: شكل الماء", "أفضل مخرج: غييرمو ديل تورو", "أفضل ممثل: غاري أولدمان",
               "أفضل ممثلة: فرانسيس مكدورماند"]
    text = "\n\n".join(["الأوسكار لشكل الماء", prose, "وفي ما يلي قائمة الفائزين بأبرز الجوائز:", *winners]) + "\n"
    result = clean(text)
    assert [b.text for b in result.blocks][1:] == ["وفي ما يلي قائمة الفائزين بأبرز الجوائز:", *winners]
    assert all(b.kind == "body" for b in result.blocks)  # (items, not sub-headings)

    ranking = ["1- تونس (14 عالميا)", "2- مصر (45)", "3- المغرب (48)"]
    text = "\n\n".join(["تونس تتصدر عربيا", prose, "وفي ما يأتي التصنيف الدولي لأبرز المنتخبات العربية:", *ranking,
                        "اقرأ أيضا:", "الأهلي يتعاقد مع مدرب جديد", "الهلال يخسر أمام النصر"]) + "\n"
    result = clean(text)
    assert [(b.kind, b.text) for b in result.blocks][2:] == [("body", item) for item in ranking]
    assert {"اقرأ أيضا:", "الأهلي يتعاقد مع مدرب جديد"} <= {r.text for r in result.removed}

    labels = ["ومزاياه:", "المزايا:", "مزاياه:"]  # (a scrape that lost each list's items)
    text = "\n\n".join(["هواتف جديدة", prose, "وأعلنت الشركة عن هواتفها الجديدة بالمزايا التالية:", *labels]) + "\n"
    assert set(labels) <= {r.text for r in clean(text).removed}


@pytest.mark.parametrize("lead, items", [
    ("أبرز الأخبار على موقعنا اليوم:", ["مقتل 12 شخصا في انفجار بالعاصمة بغداد مساء اليوم",
                                         "إصابة 30 شخصا في حادث سير مروع على الطريق الدولي"]),
    ("إليكم أبرز المواضيع ذات الصلة:", ["الهلال يفوز على النصر في ديربي الرياض", "الأهلي يتعاقد مع مدرب برتغالي"]),
    ("تابعونا على مواقع التواصل الاجتماعي التالية:", ["فيسبوك", "تويتر", "يوتيوب"]),
    ("وإليكم أبرز ما جاء في الصحف:", ["مقتل 12 شخصا في انفجار بالعاصمة بغداد مساء اليوم",
                                       "إصابة 30 شخصا في حادث سير مروع على الطريق الدولي"]),
])
def test_a_sites_announced_block_after_the_article_stays_chrome(lead, items):
    """A code review of the announced-list rule: a site's own lead-in (its news, related topics, its accounts) or
    items that are other reports' headlines are no list of the article: a headline's toll kept as text became
    a key figure (12 killed in a football report)."""
    prose = ("فاز فيلم شكل الماء بجائزة أفضل فيلم في حفل توزيع جوائز الأوسكار الذي أقيم مساء الأحد في هوليوود، في "
             "ليلة شهدت حضورا لافتا لقضايا التحرش والتنوع.")
    result = clean("\n\n".join(["الأوسكار", prose, lead, *items]) + "\n")
    assert [b.text for b in result.blocks] == [prose]


def test_announced_items_on_consecutive_lines_stay_apart():
    """Items one line after another (no blank line between) are each a paragraph, not glued to the lead-in or
    to each other by the rule that joins a sentence wrapped over two lines."""
    prose = ("فاز فيلم شكل الماء بجائزة أفضل فيلم في حفل توزيع جوائز الأوسكار الذي أقيم مساء الأحد في هوليوود، في "
             "ليلة شهدت حضورا لافتا لقضايا التحرش والتنوع.")
    items = ["أفضل فيلم: شكل الماء", "أفضل مخرج: غييرمو ديل تورو", "أفضل ممثل مساعد في فيلم درامي طويل: سام روكويل"]
    text = "الأوسكار\n\n" + prose + "\n\nوفي ما يلي قائمة الفائزين بأبرز الجوائز:\n" + "\n".join(items) + "\n"
    assert [(b.kind, b.text) for b in clean(text).blocks][1:] == [
        ("body", "وفي ما يلي قائمة الفائزين بأبرز الجوائز:"), *(("body", item) for item in items)]
