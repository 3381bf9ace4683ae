from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.analysis.crossref import THRESHOLD, similarity

ROOT = Path(__file__).resolve().parent.parent
PAIRS = yaml.safe_load((Path(__file__).parent / "fixtures" / "crossref_pairs.yml").read_text(encoding="utf-8"))
LINES = {p.name[:3]: p.read_text(encoding="utf-8").split("\n") for p in (ROOT / "seeds").glob("*.txt")}


def paragraph(seed: int, line: int) -> str:
    key = f"{seed:03d}"
    text = LINES[key][line - 1]
    if key == "002" and line in (2, 15):  # wrapped onto the next line
        text += " " + LINES[key][line]
    return text


@pytest.mark.parametrize("a, i, b, j", PAIRS["same"])
def test_same_statement_pairs_are_linked(a, i, b, j):
    assert similarity(paragraph(a, i), paragraph(b, j)) >= THRESHOLD


@pytest.mark.parametrize("a, i, b, j", PAIRS["different"])
def test_different_statements_are_not_linked(a, i, b, j):
    assert similarity(paragraph(a, i), paragraph(b, j)) < THRESHOLD


def test_normalisation_makes_spelling_variants_match():
    a = "أكّد التحالفُ الدولي أنّ محاولة الهروب الأخيرة لن تشكل تهديداً كبيراً للعراق أو المنطقة."
    b = "واكد التحالف الدولى ان محاوله الهروب الاخيره لن تشكل تهديدا كبيرا للعراق او المنطقه"
    assert similarity(a, b) == 1.0


def test_short_paragraphs_are_never_linked():
    assert similarity("قتل خمسة.", "قتل خمسة.") == 0.0


def _seed_sources():
    from generator.build import prepare
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.translation.pair import pair_article

    config = load_config(ROOT)
    seeds, _ = read_seeds(config.seeds_path)
    return [pair_article(prepare(s, config), {}) for s in seeds]


def _one_statement(wa: frozenset[str], wb: frozenset[str], near: bool) -> bool:
    """The linking rule written out pair by pair (crossref does it in arrays, on candidates only)."""
    from generator.analysis.crossref import APART, LONGER, NEAR, score

    fair = len(wa & wb) / max(min(len(wa), len(wb)), max(len(wa), len(wb)) / LONGER)
    return score(wa, wb) >= THRESHOLD and fair >= (NEAR if near else APART) - 1e-9


def test_the_index_finds_exactly_the_pairs_all_against_all_finds():
    from generator.analysis.crossref import counts, disagree, match, paragraph_words, quantities, score

    sources = _seed_sources()
    found = match(sources)
    indexed = {tuple(sorted([(s.meta.id, p.id), o])) for s in sources for p in s.pairs
               for o in found.also(s.meta.id, p.id, 10_000)[0]}
    pairs = {(s.meta.id, p.id): p for s in sources for p in s.pairs}
    paragraphs = [(s.meta.id, pid, words) for s in sources for pid, words in paragraph_words(s)]

    def agree(a: tuple[str, str], b: tuple[str, str]) -> bool:  # (what they state and who says it: link())
        qa, qb = quantities(pairs[a]), quantities(pairs[b])
        return not (qa and qb and qa.isdisjoint(qb)) and not disagree(counts(pairs[a]), counts(pairs[b]))

    brute = {tuple(sorted([(a, pa), (b, pb)])) for i, (a, pa, wa) in enumerate(paragraphs)
             for b, pb, wb in paragraphs[i + 1:]
             if a != b and _one_statement(wa, wb, near=True) and agree((a, pa), (b, pb))}  # (undated)
    assert indexed == brute and len(brute) == 31  # (32 by words; SOHR's and a coalition source's differ)
    assert len({tuple(sorted([(a, pa), (b, pb)])) for i, (a, pa, wa) in enumerate(paragraphs)
                for b, pb, wb in paragraphs[i + 1:] if a != b and score(wa, wb) >= THRESHOLD}) == 40


def test_a_statement_reprinted_many_times_is_stored_once():
    from dataclasses import replace

    from generator.analysis.crossref import match

    sources = _seed_sources()
    copies = [replace(s, meta=replace(s.meta, id=f"{s.meta.id}-{n}")) for n in range(40) for s in sources]
    found = match(copies)
    assert len(found.members) == len(match(sources).members)  # the same distinct texts, more members
    shown, total = found.also(copies[0].meta.id, copies[0].pairs[3].id)
    assert len(shown) == 3 and total >= 39


def test_a_texts_id_in_the_data_does_not_move_when_a_report_is_added_before_it():
    """Text ids were positions: one report added early renumbered every later text, and so every source's data
    file and page (346 of 1,001 pages rebuilt for one new article of the benchmark)."""
    from generator.analysis.crossref import match

    sources = sorted(_seed_sources(), key=lambda s: s.meta.id)
    without, whole = match(sources[1:]), match(sources)
    first = sources[0].meta.id

    def ids(found):
        return {(s.meta.id, p.id): found.shown_id(n) for s in sources[1:] for p in s.pairs
                if (n := found.text_of.get((s.meta.id, p.id))) is not None
                and all(m[0] != first for m in found.members[n])}  # (texts the first report does not carry)

    before, after = ids(without), ids(whole)
    shown = [k for k in before.keys() & after.keys() if before[k] and after[k]]  # (listed in both piles: a text the
    #                                          new report links to is listed only once it is there, an id of its own)
    assert len(shown) >= 3 and all(before[k] == after[k] for k in shown)
    assert [n for n in range(len(whole.members)) if whole.shown_id(n) is None] == [
        n for n, members in enumerate(whole.members) if len(members) < 2 and not whole.linked.of(n)]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_blocks_worked_in_threads_come_back_in_order_and_are_never_all_taken_at_once(monkeypatch, threads):
    """in_threads: each block's result in the blocks' order, whatever order the threads finish in; an error
    in one block is raised to the reader; the blocks are taken from their source a few at a time (each holds
    a block's arrays), not all at once."""
    import threading
    import time

    from generator.analysis import crossref

    monkeypatch.setattr(crossref, "THREADS", threads)
    taken: list[int] = []
    names: set[str] = set()

    def blocks(n):
        for k in range(n):
            taken.append(k)
            yield k, (n - k) % 3  # later blocks are quicker: threads finish out of order

    def work(k, pause):
        names.add(threading.current_thread().name)
        time.sleep(pause / 200)
        return k * k

    for n in (0, 1, 2, 3, 40):
        taken.clear()
        out = crossref.in_threads(work, blocks(n))
        assert [next(out) for _ in range(min(n, 1))] == [0][:n]
        assert len(taken) <= min(n, 2 * threads + 1)  # after the first result: a few blocks ahead, not all
        assert list(out) == [k * k for k in range(1, n)]
    assert any(name.startswith("crossref") for name in names) == (threads > 1)

    def failing(k, pause):
        if k == 7:
            raise ValueError("block 7")
        return k

    with pytest.raises(ValueError, match="block 7"):
        list(crossref.in_threads(failing, blocks(20)))


def test_candidates_are_exactly_the_pairs_the_definition_gives_in_any_block_size(monkeypatch):
    """candidate_pairs (arrays, a block of texts at a time) against its definition written out: pairs sharing
    MIN_SHARED indexed words that could reach the threshold counting every common word as shared; all pairs,
    and the pairs of some rows with any text (each pair once), in whole-text blocks of any size."""
    import random

    from generator.analysis import crossref

    rng = random.Random(11)
    hot, rare = [f"hot{k}" for k in range(8)], [f"w{k}" for k in range(150)]
    texts = list(dict.fromkeys(frozenset(rng.sample(hot, rng.randint(0, 6)) + rng.sample(rare, rng.randint(3, 10)))
                               for _ in range(400)))
    common = crossref.common_words(texts)
    assert common == set(hot)  # some words are too common to index: the threshold test is exercised

    def defined(rows=None):
        out = set()
        for i, a in enumerate(texts):
            for j, b in enumerate(texts):
                if i == j or (rows is None and j < i) or (rows is not None and i not in rows and j not in rows):
                    continue
                shared = len((a & b) - common)
                if shared >= crossref.MIN_SHARED and shared + min(len(a & common), len(b & common)) >= \
                        crossref.THRESHOLD * min(len(a), len(b)):
                    out.add((min(i, j), max(i, j)))
        return out

    rows = set(rng.sample(range(len(texts)), 60))
    expected_all, expected_rows = defined(), defined(rows)
    assert len(expected_all) > 1000 and len(expected_rows) > 100
    for block in (1, 5, 97, crossref.BLOCK):
        monkeypatch.setattr(crossref, "BLOCK", block)
        found = list(crossref.candidate_pairs(texts))
        assert len(found) == len(set(found)) and set(found) == expected_all, block
        found = list(crossref.candidate_pairs(texts, rows=rows))
        assert len(found) == len(set(found)) and set(found) == expected_rows, block
    assert list(crossref.candidate_pairs([])) == [] and list(crossref.candidate_pairs(texts[:1])) == []


def test_links_and_their_scores_are_those_of_score_on_every_pair():
    """link() scores candidates in arrays (indexed words from the index, common words as bits): its links must
    be exactly the pairs score() puts at or over the threshold among those sharing MIN_SHARED indexed words
    (the candidates), with score()'s very value."""
    import random

    from generator.analysis.crossref import MIN_SHARED, THRESHOLD, common_words, link, score

    rng = random.Random(5)
    hot, rare = [f"hot{k}" for k in range(20)], [f"w{k}" for k in range(120)]
    texts = list(dict.fromkeys(frozenset(rng.sample(hot, rng.randint(0, 12)) + rng.sample(rare, rng.randint(2, 9)))
                               for _ in range(600)))
    common = common_words(texts)
    assert len(common) > 8  # more than one byte of bits
    found, _ = link(texts)
    linked = {(i, int(j)): v for i in range(len(texts)) for j, v in zip(found.of(i), found.values[
        found.starts[i]:found.starts[i + 1]], strict=True)}
    expected = {(i, j): score(a, b) for i, a in enumerate(texts) for j, b in enumerate(texts)
                if i != j and score(a, b) >= THRESHOLD and len((a & b) - common) >= MIN_SHARED}
    assert len(expected) > 500 and linked == expected


def _linked_sets(found):
    """Each text's linked texts with their scores, from a crossref.Linked."""
    return [list(zip(found.of(i), found.values[found.starts[i]:found.starts[i + 1]], strict=True))
            for i in range(len(found.starts) - 1)]


def test_links_kept_from_the_last_build_are_those_of_comparing_all_again():
    """A rebuild reuses the last build's links (crossref.Links): after texts come and go, and after words
    become too common to index or stop being so, it must find exactly what comparing all texts finds."""
    import random

    from generator.analysis.crossref import common_words, link

    rng = random.Random(7)
    stories = [[f"w{s}_{k}" for k in range(30)] for s in range(12)]
    clique = ("a", "b", "c", "d")  # each in 50 texts: indexed while 50 hold it (at most 1,000 texts), 51 → common

    def text(n: int) -> frozenset[str]:
        return frozenset(set(rng.sample(stories[n % 12], 8)) | {f"rare{n}_{k}" for k in range(rng.randrange(3))})

    def member(n: int) -> frozenset[str]:  # links to the other members through the clique words alone
        return frozenset({*clique, f"rare{n}_0", f"rare{n}_1"})

    texts = [*(text(n) for n in range(250)), *(member(n) for n in range(250, 300))]
    commoner = frozenset({"a", "b", "c", "x", "y", "z"})  # makes a, b and c common: the members lose their links
    assert not common_words(texts) and common_words([*texts, commoner]) == {"a", "b", "c"}
    changes = {
        "texts removed": texts[10:],
        "texts added": [*texts, *(text(n) for n in range(300, 320))],
        "words become common": [*texts, commoner],
        "texts in another order": random.Random(3).sample(texts, len(texts)),
    }
    _, before = link(texts)
    for name, now in changes.items():
        reused, _ = link(now, previous=before)
        again, _ = link(now)
        assert _linked_sets(reused) == _linked_sets(again), name
        assert len(again.targets) > 300, name  # the texts do link: the check is not vacuous
    grown = [*texts, commoner]
    assert list(link(grown)[0].of(260)) == []  # a member with no indexed word in common with the others
    _, after = link(grown)
    reused, _ = link(texts, previous=after)  # and the words stop being common
    assert _linked_sets(reused) == _linked_sets(link(texts)[0]) and len(reused.of(260)) == 49


def test_a_rebuild_links_the_seeds_as_a_cold_build_does():
    from generator.analysis.crossref import match, match_and_links

    sources = _seed_sources()
    _, links = match_and_links(sources[1:])
    again, _ = match_and_links(sources, previous=links)
    assert again == match(sources)


def test_a_rebuild_compares_only_the_new_texts_and_never_trusts_damaged_links(monkeypatch):
    """With the last build's links, adding 5 texts to 200 scores only pairs that hold a new text; a kept
    Links whose arrays disagree is ignored (all compared again), never used."""
    import random
    from array import array
    from dataclasses import replace

    from generator.analysis import crossref

    rng = random.Random(11)
    vocabulary = [f"w{n}" for n in range(60)]
    texts = list(dict.fromkeys(frozenset(rng.sample(vocabulary, 10)) for _ in range(205)))
    _, before = crossref.link(texts[:200])
    scored = []
    real = crossref.candidate_blocks

    def candidates(word_sets, *args):  # the pairs link() scores, as texts
        for low, high, shared in real(word_sets, *args):
            scored.extend((word_sets[i], word_sets[j]) for i, j in zip(low.tolist(), high.tolist(), strict=True))
            yield low, high, shared

    monkeypatch.setattr(crossref, "candidate_blocks", candidates)
    reused, _ = crossref.link(texts, previous=before)
    new = set(texts[200:])
    assert scored and all(a in new or b in new for a, b in scored)
    scored.clear()
    again, _ = crossref.link(texts)
    assert len(scored) > 10 * len(new) and _linked_sets(reused) == _linked_sets(again)
    broken = replace(before, values=array("d", before.values[:-1]))  # one score short
    scored.clear()
    assert _linked_sets(crossref.link(texts, previous=broken)[0]) == _linked_sets(again) and len(scored) > 10 * len(new)


def test_appended_leads_stop_at_a_reports_own_background_or_next_point():
    """The leads a page appends are found from its end up; a paragraph that starts as the report's own
    background or next point ("يذكر أن …", "إن …", "أضافت …") ends the run, even when it is about something else."""
    from types import SimpleNamespace

    from generator.analysis.crossref import appended_leads

    own = ["قالت الشرطة في سياتل إن ميكانيكيا سرق طائرة ركاب فارغة من المطار وأقلع بها دون إذن قبل أن تتحطم.",
           "وأوضحت الشرطة أن الطائرة من طراز كيو 400 ولم يكن على متنها أي ركاب أو أفراد طاقم عند إقلاعها."]
    leads = ["أعلنت وزارة الصحة الفلسطينية، الجمعة، مقتل اثنين فلسطينيين برصاص القوات الإسرائيلية شرق غزة.",
             "أعلنت السلطات الكندية، الجمعة، مقتل 4 أشخاص على الأقل في حادث إطلاق نار في مدينة فريدريكتون."]
    for background in ("يذكر أن أوكرانيا، الجمعة، في حالة حرب مع الانفصاليين الموالين لروسيا في شرق البلاد منذ سنوات.",
                       "أضافت الوزارة، الجمعة، أن مستشفيات العاصمة استقبلت عشرات المصابين خلال ساعات الليل الماضية."):
        pairs = [SimpleNamespace(ar=text, id=str(n), notes=()) for n, text in enumerate([*own, *leads, background])]
        assert appended_leads(pairs, "سرقة طائرة من مطار سياتل") == []  # the report's own last paragraph
        pairs = [SimpleNamespace(ar=text, id=str(n), notes=()) for n, text in enumerate([*own, background, *leads])]
        assert [p.ar for p in appended_leads(pairs, "سرقة طائرة من مطار سياتل")] == leads


@pytest.fixture(scope="module")
def seed_matches():
    from generator.analysis.crossref import match

    sources = _seed_sources()
    return sources, match(sources)


def _paragraph_id(sources, seed: int, line: int) -> tuple[str, str]:
    """The body paragraph of the seed that holds the labelled line (its words, best matched)."""
    from generator.analysis.crossref import content_words, score

    words = content_words(paragraph(seed, line))
    source = next(s for s in sources if s.meta.id.startswith(f"{seed:03d}"))
    best = max((score(words, content_words(p.ar)), p.id) for p in source.pairs if p.kind == "body")
    assert best[0] >= 0.9
    return source.meta.id, best[1]


@pytest.mark.parametrize("label", ["same", "different"])
def test_labelled_pairs_link_in_the_built_matches_exactly_when_they_carry_one_statement(seed_matches, label):
    """The stricter rule (NEAR and LONGER on the undated seeds) drops no labelled pair of one statement: each is
    still shown as "also reported by", and no labelled pair of different statements is."""
    sources, found = seed_matches
    for a, i, b, j in PAIRS[label]:
        first, second = _paragraph_id(sources, a, i), _paragraph_id(sources, b, j)
        linked = second in found.also(*first, limit=10_000)[0]
        assert linked == (label == "same"), (label, a, i, b, j)


def test_how_far_apart_two_reports_are_and_how_much_longer_one_paragraph_is_decide_a_link():
    """On a pile of many stories most pairs over THRESHOLD share a topic's words, not a statement: a short
    sentence's words turn up in a long paragraph by chance, and a formula or a market report's words recur for
    months. Linked: half of a 10-word paragraph in a 12-word one the same day, or a day later; not linked: the
    same a month later (APART), or half of it inside a 40-word paragraph (LONGER); undated: as if near."""
    import numpy as np

    from generator.analysis.crossref import Days, link

    a = frozenset(f"a{k}" for k in range(10))
    same = frozenset([*(f"a{k}" for k in range(5)), *(f"c{k}" for k in range(7))])
    inside = frozenset([*(f"a{k}" for k in range(5, 10)), *(f"b{k}" for k in range(35))])
    texts = [a, same, inside]

    def linked(first_days, last_days=None):
        found, kept = link(texts, days=Days(np.array(first_days, float), np.array(
            first_days if last_days is None else last_days, float)))
        assert len(kept.firsts) == 2  # the kept Links hold both pairs over THRESHOLD, whatever their days
        return {(i, int(j)) for i in range(len(texts)) for j in found.of(i) if i < j}

    assert linked([0, 0, 0]) == linked([0, 1, 1]) == {(0, 1)}
    assert linked([0, 30, 0]) == set()
    assert linked([0, 30, 0], [31, 30, 0]) == {(0, 1)}  # a text reprinted over days: its last day is near
    assert linked([np.nan, 30, np.nan]) == {(0, 1)}
    assert link(texts)[0].of(0).tolist() == [1, 2]  # (without days: THRESHOLD alone)


def test_the_arrays_link_exactly_the_pairs_the_rule_links_one_by_one():
    import random

    import numpy as np

    from generator.analysis.crossref import MIN_SHARED, THRESHOLD, Days, common_words, link, score

    rng = random.Random(11)
    hot, rare = [f"hot{k}" for k in range(20)], [f"w{k}" for k in range(120)]
    texts = list(dict.fromkeys(frozenset(rng.sample(hot, rng.randint(0, 12)) + rng.sample(rare, rng.randint(2, 9) if rng.random() < 0.8 else rng.randint(20, 40)))
                               for _ in range(600)))
    first = np.array([rng.choice([np.nan, *range(6)]) for _ in texts])
    last = np.where(np.isnan(first), np.nan, first + np.array([rng.choice([0, 0, 3]) for _ in texts]))
    common = common_words(texts)
    found, _ = link(texts, days=Days(first, last))
    linked = {(i, int(j)) for i in range(len(texts)) for j in found.of(i)}

    def near(i, j):
        if np.isnan(first[i]) or np.isnan(first[j]):
            return True
        return max(first[i], first[j]) - min(last[i], last[j]) <= 1

    expected = {(i, j) for i, a in enumerate(texts) for j, b in enumerate(texts) if i != j
                and len((a & b) - common) >= MIN_SHARED and _one_statement(a, b, near(i, j))}
    over = {(i, j) for i, a in enumerate(texts) for j, b in enumerate(texts) if i != j
            and len((a & b) - common) >= MIN_SHARED and score(a, b) >= THRESHOLD}
    assert len(expected) > 500 and len(over - expected) > 1000 and linked == expected
    # a rebuild that keeps the links of a build whose reports had other days (reprints came on other days, a
    # date was corrected) links exactly as this cold build: the kept Links do not depend on days
    _, kept = link(texts[:400], days=Days(first[:400][::-1].copy(), last[:400][::-1].copy()))
    again, _ = link(texts, previous=kept, days=Days(first, last))
    assert {(i, int(j)) for i in range(len(texts)) for j in again.of(i)} == expected


def test_a_paragraph_reprinted_on_two_days_far_apart_is_not_near_the_days_between():
    """Days 0 and 30 carry a paragraph word for word (a formula, reprinted): a report of day 15 sharing half of
    its words (7 of 13) is a month from both, so it needs APART, not NEAR; one of day 29 is near the reprint of
    day 30."""
    from dataclasses import replace

    from generator.analysis.crossref import match

    sources = _seed_sources()[:2]
    formula = "وافق مجلس إدارة الشركة الوطنية للنقل البحري على خطة التوسع في موانئ المنطقة الشرقية هذا العام"
    other = "وافق مجلس إدارة الشركة الوطنية للنقل البري على مشروع تطوير المحطات في المدينة المنورة هذا العام"

    def report(source, name, day, text):
        pair = next(p for p in source.pairs if p.kind == "body")
        sentence = replace(pair.sentences[0], ar=text)
        body = replace(pair, id="p-x", sentences=(sentence,), notes=())
        return replace(source, meta=replace(source.meta, id=name, outlet=name, date=day), pairs=(body,))

    def linked(third_day):
        found = match([report(sources[0], "a", "2020-01-01", formula), report(sources[1], "b", "2020-01-31", formula),
                       report(sources[0], "c", third_day, other)])
        return [s for s, _ in found.also("c", "p-x", 10)[0]]

    assert linked("2020-01-16") == []
    assert linked("2020-01-30") == ["a", "b"]


def test_a_rulers_titles_are_no_statement():
    """Two paragraphs that share a ruler's titles and nothing of their news (a decree; congratulations on a
    prize) carry no common statement: the honorifics are not content words (arabic.HONORIFICS); "الملكية
    الفكرية" (intellectual property) keeps its words, and the same news with the titles still links."""
    from generator.analysis.crossref import similarity
    from generator.arabic import content_words

    decree = "أصدر خادم الحرمين الشريفين صاحب السمو الملكي أمرا بتعيين قاض جديد في المحكمة العليا"
    prize = "هنأ خادم الحرمين الشريفين صاحب السمو الملكي الفائزين بجائزة الملك فيصل العالمية"
    assert similarity(decree, prize) < THRESHOLD  # (0.6 when the titles counted)
    assert not {"خادم", "حرمين", "شريفين", "سمو", "سموه", "معاليه", "جلاله"} & content_words(
        decree + " والسمو للحرمين وسموه ومعاليه وجلالة")
    assert {"ملكي", "ديوان", "سموم"} <= content_words("الديوان الملكي سموم")  # (the royal court; poisons: kept)
    assert {"ملكيه", "فكريه"} <= content_words("حماية الملكية الفكرية")  # (not a title: kept)
    same = "وافق خادم الحرمين الشريفين على إطلاق الملتقى الأول للأمن السياحي في الطائف الشهر المقبل"
    again = "وافق خادم الحرمين على إطلاق الملتقى الأول للأمن السياحي بمحافظة الطائف في الشهر المقبل"
    assert similarity(same, again) >= THRESHOLD


def test_texts_that_each_state_quantities_and_share_none_do_not_link():
    """Alike in words, unlike in what they count: "34 مليار" against "200 مليار", a fee of 36.9 million against 34
    million are two statements (bench/links.py: 7 of the 8 pairs this takes out were labelled different). A text
    that states no quantity, or one shared quantity, still links."""
    from generator.analysis.crossref import link

    a = frozenset(f"a{k}" for k in range(10))
    b = frozenset([*(f"a{k}" for k in range(8)), "b0", "b1"])

    def linked(first, second):
        return link([a, b], stated=[frozenset(first), frozenset(second)])[0].of(0).tolist() == [1]

    assert linked([], []) and linked([5.0], []) and linked([5.0, 7.0], [7.0])
    assert not linked([34e9], [200e9]) and not linked([5.0], [4.0])


def _also_reported(tmp_path, section: str, headline: str, day: str, texts: dict[str, str]) -> dict[str, set[str]]:
    """Each one-paragraph report of `texts` (seed name → its paragraph) built as the build prepares it, and the
    other reports its paragraph is "also reported by"."""
    from generator.analysis.crossref import match
    from generator.cache import Cache
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.pipeline import ingest_all
    from generator.translation.pair import pair_article

    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    for n, (name, text) in enumerate(texts.items()):
        (tmp_path / "seeds" / f"{name}.txt").write_text(f"وكالة {n + 1} | {section}\n{headline}\n{day}\n\n{text}\n",
                                                       encoding="utf-8")
    config = load_config(tmp_path)
    seeds, errors = read_seeds(config.seeds_path, config.roots)
    sources = {p.meta.id: pair_article(p.article, {}) for p in ingest_all(seeds, config, Cache(None), errors)[0]}
    found = match(list(sources.values()))
    return {sid: {other for other, _ in found.also(sid, s.pairs[0].id, limit=10)[0]} for sid, s in sources.items()}


def test_a_fee_reported_differently_is_not_also_reported(tmp_path):
    """End to end, from the typed numbers of the analysis stage: the same transfer told in other words with another
    fee is no corroboration; with the same fee it is."""
    fee = ("وأعلن نادي ليفربول الإنجليزي رسميا التعاقد مع المهاجم المصري محمد صلاح قادما من روما الإيطالي مقابل {} "
           "مليون يورو بعقد يمتد لخمسة مواسم بعد موافقة اللاعب على شروط العقد الشخصية")
    also = _also_reported(tmp_path, "رياضة", "ليفربول يضم صلاح", "2017-06-22", {
        "a": fee.format("36.9"), "b": fee.format("34") + " بحسب صحيفة ماركا",
        "c": fee.format("36.9") + " كما ذكرت وسائل الإعلام", "d": fee.format("36.9")})
    assert also == {"a": {"c", "d"}, "b": set(), "c": {"a", "d"}, "d": {"a", "c"}}


def test_copies_that_differ_only_in_a_small_number_are_two_statements(tmp_path):
    """Wire copy whose toll was updated ("إلى 12" in one copy, "إلى 15" in another): the words are the same (a number
    under three digits is no content word), the statements are not. Copies with the same toll stay one text."""
    toll = ("وقالت مصادر طبية في المدينة إن حصيلة القتلى في القصف الذي استهدف السوق الشعبي صباح اليوم ارتفعت إلى {} "
            "قتيلا بينهم نساء وأطفال، وسط تحذيرات من ارتفاع الحصيلة مع استمرار عمليات البحث تحت الأنقاض")
    also = _also_reported(tmp_path, "أخبار", "قصف السوق", "2024-03-02",
                          {"a": toll.format("12"), "b": toll.format("15"), "c": toll.format("12")})
    assert also == {"a": {"c"}, "b": set(), "c": {"a"}}


def test_a_teaser_of_a_report_whose_toll_was_updated_is_still_a_teaser(tmp_path):
    """A page that appends the opening of another report of its outlet, as it read before its toll was updated (52,
    then 55): the two openings are two texts now (their quantities differ), but the teaser is still the other
    report's news, not the page's."""
    from generator.analysis.crossref import match, teasers
    from generator.cache import Cache
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.pipeline import ingest_all
    from generator.translation.pair import pair_article

    sinai = ("أعلن الجيش في بيان اليوم مقتل {} مسلحا في عمليات عسكرية واسعة شمال سيناء خلال الأيام الماضية "
             "وتدمير عدد من الأوكار والعربات.")
    seeds = {
        "host": ("السفير يغادر العاصمة بعد أزمة دبلوماسية بين البلدين", "2023-03-02", [
            "غادر السفير العاصمة مساء أمس بعد أزمة دبلوماسية حادة بين البلدين بسبب تصريحات الوزير.",
            "وقالت الخارجية إن السفير سيعود عندما تتراجع الحكومة عن التصريحات التي أدلى بها الوزير.",
            sinai.format(52)]),
        "army": ("الجيش يعلن نتائج عملياته في سيناء", "2023-03-01", [
            sinai.format(55), "وأضاف البيان أن القوات ضبطت كميات من الأسلحة والذخائر والمتفجرات في المنطقة.",
            "وأكد المتحدث العسكري أن العمليات مستمرة حتى تطهير المنطقة بالكامل من العناصر المسلحة."])}
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    for name, (title, day, paragraphs) in seeds.items():
        (tmp_path / "seeds" / f"{name}.txt").write_text(
            f"شبكة الأخبار العربية | أخبار\n\n{title}\n\n{day}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    config = load_config(tmp_path)
    found, errors = read_seeds(config.seeds_path, config.roots)
    sources = [pair_article(p.article, {}) for p in ingest_all(found, config, Cache(None), errors)[0]]
    host = next(s for s in sources if s.meta.id == "host")
    aside = teasers(sources, match(sources))
    assert aside.get(("host", host.pairs[2].id)) == "army"


def test_texts_that_count_one_category_of_people_differently_do_not_link():
    """Counts of what befell people are read by category: 17 killed and 20 wounded against 20 killed share the value
    20 but no count of the killed, so they disagree; a count left "other people" decides nothing."""
    from generator.analysis.crossref import disagree, link

    a = frozenset(f"a{k}" for k in range(10))
    b = frozenset([*(f"a{k}" for k in range(8)), "b0", "b1"])

    def linked(first, second):
        return link([a, b], counted=[frozenset(first), frozenset(second)])[0].of(0).tolist() == [1]

    ministry, witnesses = {("killed", 17.0, ""), ("wounded", 20.0, "")}, {("killed", 20.0, "at least")}
    assert not disagree(frozenset(ministry), frozenset()) and disagree(frozenset(ministry), frozenset(witnesses))
    assert not linked(ministry, witnesses)
    assert linked(ministry, ministry) and linked(ministry, {("killed", 17.0, "")})
    assert linked({("killed", 17.0, ""), ("killed", 3.0, "")}, {("killed", 17.0, "")})  # one shared count
    assert linked({("killed", 20.0, "")}, {("wounded", 20.0, ""), ("detained", 5.0, "")})  # no category in both
    assert linked({("wounded", 50e3, "more than")}, {("wounded", 53e3, "")})  # "أكثر من 50 ألفا", "53 ألفا"
    assert linked({("killed", 17.0, "")}, {("killed", 15.0, "at least")})
    assert not linked({("killed", 12.0, "")}, {("killed", 15.0, "at least")})
    assert linked({("killed", 200.0, "about")}, {("killed", 190.0, "")})
    assert not linked({("killed", 20.0, "up to")}, {("killed", 25.0, "more than")})


def test_witnesses_count_against_the_ministrys_is_not_also_reported(tmp_path):
    """End to end (tests/fixtures/event2 told it so): witnesses say at least 20 soldiers were killed, the ministry 17
    killed and 20 wounded. The same words, the value 20 in both: a contradiction shown as corroboration before.
    The ministry's statement carried by two reports is still one."""
    ministry = ("وقالت وزارة الدفاع في النيجر إن 17 جندياً قتلوا وأصيب 20 آخرون في هجوم شنه مسلحون على قاعدة عسكرية "
                "قرب بلدة كوتوغو في منطقة تيلابيري غربي البلاد")
    witnesses = ("وقال شهود عيان إن 20 جندياً على الأقل قتلوا في هجوم شنه مسلحون على قاعدة عسكرية قرب بلدة كوتوغو "
                 "في منطقة تيلابيري غربي البلاد، وهو عدد يفوق الحصيلة الرسمية")
    also = _also_reported(tmp_path, "أخبار", "هجوم على قاعدة في النيجر", "2024-03-02",
                          {"a": ministry, "b": witnesses, "c": ministry + " يوم الثلاثاء"})
    assert also == {"a": {"c"}, "b": set(), "c": {"a"}}


def test_paragraphs_that_quote_different_bodies_are_not_one_statement():
    """The same statement has one speaker: a coalition source's toll in words like SOHR's account of the fighting
    was shown as corroborating it (an analyst, s11). Bodies and offices of the rules only: a relaying medium, unnamed
    sources or witnesses, and speakers named in words as written decide nothing."""
    from generator.analysis.crossref import SPEAKER, disagree

    def said(*who):
        return frozenset((SPEAKER, 0.0, w) for w in who)

    assert disagree(said("SOHR"), said("US-led coalition"))
    assert not disagree(said("SOHR"), said("SOHR")) and not disagree(said("SOHR"), frozenset())
    assert not disagree(said("SOHR", "the army"), said("the army"))
    assert not disagree(said("the army") | {("killed", 5.0, "")}, said("the army") | {("killed", 5.0, "")})
