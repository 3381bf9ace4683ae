"""Warm builds against cold builds, over random sequences of changes to a project.

Usage (from the repository root):

  python bench/warmcold.py SEED STEPS             # e.g. 43 40: a pile of the seeds and three fixture events
  BASE=small python bench/warmcold.py SEED STEPS  # the five seeds alone (one story)
  python bench/warmcold.py SEED TAG LOG.json      # replay the changes an earlier run logged (TAG: a name)

After every change (seeds added, removed, renamed or edited; translations edited; editor files, figures.yml,
stories.yml, glossary, about/summary, template overrides and site.yml changed) the project is built from its
cache, a copy without .cache and site is built cold, and the two sites are compared byte for byte (search off).
Every difference is printed with the files that differ; the exit status is 1 when any was found. Builds use the
tests' stub engine (no model). Work goes to $WARMCOLD_WORK or a new temporary folder. Seeded: the same SEED
gives the same changes. Written to look for stale cache entries; it found one (a source page kept the old menu), now fixed.
"""
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import yaml  # noqa: E402

import tests.conftest as conftest  # noqa: E402,F401  (sets the tests' environment)
from generator.build import BuildOptions, build  # noqa: E402
from tests.conftest import ROOT, make_project  # noqa: E402
from tests.stub import StubEngine  # noqa: E402

W = Path(os.environ.get("WARMCOLD_WORK") or Path(tempfile.gettempdir()) / f"warmcold-{os.getpid()}")  # made in main
EVENTS = [ROOT / "tests" / "fixtures" / n / "seeds" for n in ("event2", "event3", "event4")]
ARWORDS = ["الحسكة", "التحالف", "قسد", "السجن", "الهجوم", "درنة", "الجيش", "المدنيين", "غويران", "داعش"]
DATES = ["2022-01-21", "2022-01-23", "2023-08-16", "2023-09-12", "2023-10-06", "2021-05-01"]


def site_bytes(site):
    return {str(p.relative_to(site)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def do_build(p):
    try:
        r = build(p, BuildOptions(engine_loader=StubEngine().loader))
        return ("ok", r.exit_code if hasattr(r, "exit_code") else None)
    except Exception as exc:
        return ("exc", f"{type(exc).__name__}: {exc}")


def base(path, held_out=True):
    if path.exists():
        shutil.rmtree(path)
    p = make_project(path)
    for folder in EVENTS:
        for f in folder.glob("*.txt"):
            shutil.copy(f, p / "seeds" / f"{folder.parent.name}-{f.name}")
    (p / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    if held_out:
        (p / "seeds" / "event3-02_mutawassit24.txt").unlink()
    return p


def pool():
    out = {"event3-02_mutawassit24.txt": (EVENTS[1] / "02_mutawassit24.txt")}
    return out


# ---------- actions: choose(p, rng) -> dict (serialisable); apply(p, action) ----------
def seeds(p):
    return sorted(x.name for x in (p / "seeds").glob("*.txt"))


def all_seeds(p):
    return sorted(x.name for x in (p / "seeds").iterdir() if x.is_file())


def choose(p, rng, kind):
    s = seeds(p)
    if kind == "add_seed":
        cands = [(f"{fo.parent.name}-{f.name}", str(f)) for fo in EVENTS for f in fo.glob("*.txt")]
        cands += [(x.name, str(x)) for x in (ROOT / "seeds").glob("*.txt")]
        name, src = rng.choice(cands)
        if name in s:
            name = f"copy{rng.randint(0, 99)}-{name}"
        return {"k": kind, "name": name, "src": src}
    if kind == "remove_seed":
        return {"k": kind, "name": rng.choice(all_seeds(p))} if len(s) > 3 else None
    if kind == "rename_seed":
        old = rng.choice(s)
        return {"k": kind, "old": old, "new": f"r{rng.randint(0, 999)}-{old}"}
    if kind == "replace_word":
        name = rng.choice(s)
        text = (p / "seeds" / name).read_text(encoding="utf-8", errors="replace")
        words = [w for w in re.findall(r"[\u0621-\u064a]{4,}", text)]
        if not words:
            return None
        return {"k": kind, "name": name, "old": rng.choice(words), "new": rng.choice(ARWORDS)}
    if kind == "add_para":
        name = rng.choice(s)
        n = rng.randint(2, 300)
        para = rng.choice([f"وقال مصدر محلي إنه قتل {n} شخصا في الهجوم على الحسكة.",
                           f"وأصيب {n} مدنيا بجروح بينهم {rng.randint(2, 9)} أطفال وفق التحالف.",
                           f"وأعلنت قسد اعتقال {n} من عناصر داعش الفارين من سجن غويران."])
        return {"k": kind, "name": name, "para": para, "pos": rng.random()}
    if kind == "date_line":
        name = rng.choice(s)
        return {"k": kind, "name": name, "date": rng.choice(DATES), "pos": rng.choice([0, 1, 2])}
    if kind == "edit_translation":
        files = sorted((p / "content" / "translations").glob("*.yml"))
        if not files:
            return None
        f = rng.choice(files)
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        entries = data.get("entries") or []
        if not entries:
            return None
        i = rng.randrange(len(entries))
        return {"k": kind, "file": f.name, "i": i,
                "text": rng.choice([None, f"Edited text {rng.randint(0, 999)}.", "Killed 12 people in Hasakah."])}
    if kind == "source_fields":
        name = rng.choice(s)[:-4]
        fields = {}
        for fld, vals in (("outlet", ["وكالة الاختبار", "Test Outlet", None]), ("outlet_en", ["Fuzz News", None]),
                          ("date", DATES + [None]), ("headline", ["عنوان جديد عن الحسكة", None]),
                          ("dateline", ["الحسكة", None]), ("byline", ["فلان", None]), ("note", ["a note", None])):
            if rng.random() < 0.35:
                fields[fld] = rng.choice(vals)
        return {"k": kind, "id": name, "fields": {k: v for k, v in fields.items() if v is not None},
                "delete": rng.random() < 0.2}
    if kind == "figures":
        fj = p / "site" / "data" / "figures.json"
        try:
            figs = json.loads(fj.read_text())
            figs = figs.get("figures", figs) if isinstance(figs, dict) else figs
            ids = sorted({f["id"] for f in figs})
        except Exception:
            return None
        if not ids:
            return None
        fid = rng.choice(ids)
        dec = rng.choice([{"status": "checked", "note": "ok"}, {"status": "rejected"}, {"value": rng.randint(1, 500)},
                          {"value": 17, "category": "killed"}, {"category": "wounded"}, {"group": "civilians"}, {"low": 10, "high": 20}, {"type": "people"}, None])
        return {"k": kind, "id": fid, "dec": dec}
    if kind == "stories":
        lock = yaml.safe_load((p / "content" / "stories.lock.yml").read_text(encoding="utf-8")) or {}
        st = sorted((lock.get("stories") or {}).keys())
        ids = [x[:-4] for x in s]
        op = rng.choice(["names", "pin", "split", "merge", "exclude", "clear"])
        if op == "names" and st:
            return {"k": kind, "op": op, "story": rng.choice(st), "title_en": f"Title {rng.randint(0, 99)}",
                    "title_ar": rng.choice(["هجوم", None])}
        if op == "pin" and st:
            return {"k": kind, "op": op, "src": rng.choice(ids), "story": rng.choice(st)}
        if op == "split":
            return {"k": kind, "op": op, "members": rng.sample(ids, rng.randint(1, 2))}
        if op == "merge" and len(st) >= 2:
            return {"k": kind, "op": op, "stories": rng.sample(st, 2)}
        if op == "exclude":
            return {"k": kind, "op": op, "src": rng.choice(ids)}
        return {"k": kind, "op": "clear"}
    if kind == "glossary":
        return {"k": kind, "term": rng.choice(ARWORDS), "en": rng.choice(["Hasakah", "SDF", "the coalition", None])}
    if kind == "about":
        return {"k": kind, "file": rng.choice(["about.md", "summary.md"]),
                "text": rng.choice([None, f"# Hello {rng.randint(0, 99)}\n\nSome *text*.\n"])}
    if kind == "template":
        return {"k": kind, "name": rng.choice(["source.html", "story.html", "base.html", "index.html", "about.html"]),
                "marker": rng.choice([None, f"<!-- marker {rng.randint(0, 99)} -->"])}
    if kind == "site":
        key = rng.choice(["title", "description", "base_url", "build_date"])
        val = {"title": ["Fuzz title", "Another"], "description": ["Desc A", "Desc B"],
               "base_url": ["https://example.org/x/", "https://u.github.io/r/"],
               "build_date": ["2022-02-01", "2023-01-01"]}[key]
        return {"k": kind, "key": key, "val": rng.choice(val + [None])}
    if kind == "add_md":
        src = rng.choice(s)
        return {"k": kind, "name": f"md{rng.randint(0, 99)}.md", "src": src,
                "outlet": rng.choice(["منصة", "Hand Outlet"]), "date": rng.choice(DATES + [None]),
                "headline": rng.choice(["هجوم على سجن الحسكة", "فيضانات درنة"])}
    if kind == "json_records":
        picks = rng.sample(s, min(2, len(s)))
        return {"k": kind, "name": "records.json", "srcs": picks, "reverse": rng.random() < 0.5,
                "date": rng.choice(DATES)}
    raise KeyError(kind)


KINDS = ["add_seed", "remove_seed", "rename_seed", "replace_word", "add_para", "date_line", "edit_translation",
         "source_fields", "figures", "stories", "glossary", "about", "template", "site", "add_md", "json_records"]


def ryaml(path):
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def wyaml(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def set_key(path, key, value):
    """Set a key of a YAML mapping file, or remove it when value is None."""
    data = ryaml(path)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    wyaml(path, data)


def apply(p, a):
    k = a["k"]
    sd = p / "seeds"
    if k == "add_md":
        if (sd / a["src"]).exists():
            body = (sd / a["src"]).read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[-1]
            fm = {"outlet": a["outlet"], "headline": a["headline"]}
            if a["date"]:
                fm["date"] = a["date"]
            (sd / a["name"]).write_text("---\n" + yaml.safe_dump(fm, allow_unicode=True) + "---\n\n" + body, encoding="utf-8")
    elif k == "json_records":
        recs = []
        for i, src in enumerate(a["srcs"]):
            if (sd / src).exists():
                t = (sd / src).read_text(encoding="utf-8", errors="replace").split("\n\n")
                recs.append({"title": t[0].strip()[:80] or "عنوان", "text": "\n\n".join(t[1:]), "url": f"https://ex.org/{src}",
                             "date_publish": a["date"], "source_domain": f"site{i}.example"})
        if a["reverse"]:
            recs.reverse()
        (sd / a["name"]).write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    elif k == "add_seed":
        shutil.copy(a["src"], sd / a["name"])
    elif k == "remove_seed":
        (sd / a["name"]).unlink(missing_ok=True)
    elif k == "rename_seed":
        if (sd / a["old"]).exists():
            (sd / a["old"]).rename(sd / a["new"])
    elif k == "replace_word":
        f = sd / a["name"]
        if f.exists():
            f.write_text(f.read_text(encoding="utf-8", errors="replace").replace(a["old"], a["new"], 1), encoding="utf-8")
    elif k == "add_para":
        f = sd / a["name"]
        if f.exists():
            paras = f.read_text(encoding="utf-8", errors="replace").split("\n\n")
            i = max(1, int(a["pos"] * len(paras)))
            paras.insert(i, a["para"])
            f.write_text("\n\n".join(paras), encoding="utf-8")
    elif k == "date_line":
        f = sd / a["name"]
        if f.exists():
            lines = f.read_text(encoding="utf-8", errors="replace").split("\n")
            hit = next((i for i, ln in enumerate(lines[:8]) if re.search(r"\d{4}[-./]\d{2}[-./]\d{2}|\d{2}/\d{2}/\d{4}|20\d\d", ln)), None)
            if hit is not None:
                lines[hit] = a["date"]
            else:
                lines.insert(min(a["pos"], len(lines)), a["date"])
            f.write_text("\n".join(lines), encoding="utf-8")
    elif k == "edit_translation":
        f = p / "content" / "translations" / a["file"]
        if f.exists():
            data = ryaml(f)
            e = data.get("entries") or []
            if a["i"] < len(e):
                if a["text"] is None:
                    e[a["i"]].pop("edited", None)
                else:
                    e[a["i"]]["edited"] = a["text"]
                wyaml(f, data)
    elif k == "source_fields":
        f = p / "content" / "sources" / f"{a['id']}.yml"
        if a["delete"]:
            f.unlink(missing_ok=True)
        else:
            data = ryaml(f)
            data.update(a["fields"])
            wyaml(f, data)
    elif k == "figures":
        set_key(p / "content" / "figures.yml", a["id"], a["dec"])
    elif k == "stories":
        f = p / "content" / "stories.yml"
        data = ryaml(f)
        op = a["op"]
        if op == "clear":
            data = {}
        elif op == "names":
            names = {"title_en": a["title_en"]}
            if a.get("title_ar"):
                names["title_ar"] = a["title_ar"]
            data.setdefault("names", {})[a["story"]] = names
        elif op == "pin":
            data.setdefault("pin", {})[a["src"]] = a["story"]
        elif op == "split":
            data.setdefault("split", []).append(a["members"])
        elif op == "merge":
            data.setdefault("merge", []).append(a["stories"])
        elif op == "exclude":
            data.setdefault("exclude", [])
            if a["src"] not in data["exclude"]:
                data["exclude"].append(a["src"])
        wyaml(f, data)
    elif k == "glossary":
        set_key(p / "content" / "glossary.yml", a["term"], a["en"])
    elif k == "about":
        f = p / "content" / a["file"]
        if a["text"] is None:
            f.unlink(missing_ok=True)
        else:
            f.write_text(a["text"], encoding="utf-8")
    elif k == "template":
        f = p / "templates" / a["name"]
        if a["marker"] is None:
            f.unlink(missing_ok=True)
        else:
            src = (ROOT / "generator" / "templates" / a["name"]).read_text(encoding="utf-8")
            src = src.replace("{% endblock %}", a["marker"] + "{% endblock %}", 1) if "{% endblock %}" in src else src + a["marker"]
            f.write_text(src, encoding="utf-8")
    elif k == "site":
        f = p / "content" / "site.yml"
        data = ryaml(f)
        data["search"] = False
        if a["val"] is None:
            data.pop(a["key"], None)
        else:
            data[a["key"]] = a["val"]
        wyaml(f, data)


def diff_sites(a, b):
    x, y = site_bytes(a), site_bytes(b)
    return sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))


def step_check(p, n, tag):
    cold = W / f"{tag}-cold"
    if cold.exists():
        shutil.rmtree(cold)
    shutil.copytree(p, cold, ignore=shutil.ignore_patterns(".cache", "site"))
    rw = do_build(p)
    rc = do_build(cold)
    if rw[0] != "ok" or rc[0] != "ok":
        if str(rw).replace(str(cold), str(p)) != str(rc).replace(str(cold), str(p)):
            return {"crash_mismatch": [rw, rc]}, cold
        return {"both_fail": rw}, cold
    d = diff_sites(p / "site", cold / "site")
    return ({"diff": d} if d else None), cold


def run(seed, steps, actions=None, tag=None):
    tag = tag or f"s{seed}"
    rng = random.Random(seed)
    p = W / tag
    small = os.environ.get("BASE") == "small"
    snap = W / ("base-small" if small else "base-built")
    if not snap.exists():
        b = base(W / "base-tmp")
        if small:
            for f in (b / "seeds").glob("event*"):
                f.unlink()
        print("base build", do_build(b), do_build(b), flush=True)
        shutil.copytree(b, snap, symlinks=True)
        shutil.rmtree(b)
    if p.exists():
        shutil.rmtree(p)
    shutil.copytree(snap, p, symlinks=True)
    # site files are reused by inode/mtime in a manifest: copying the site changes inodes -> first build re-renders
    do_build(p)
    log, found = [], []
    seq = actions if actions is not None else [None] * steps
    for n, a in enumerate(seq):
        if a is None:
            a = None
            while a is None:
                a = choose(p, rng, rng.choice(KINDS + ["stories"] * int(os.environ.get("STORY_W", "0"))))
        bk = W / f"{tag}-bk"
        if bk.exists():
            shutil.rmtree(bk)
        shutil.copytree(p, bk, ignore=shutil.ignore_patterns(".cache", "site"))
        apply(p, a)
        log.append(a)
        res, cold = step_check(p, n, tag)
        if res is not None and "both_fail" in res:
            print(n, "rejected (rolled back):", json.dumps(a, ensure_ascii=False)[:120], res["both_fail"][1][:150], flush=True)
            log.pop()
            for sub in ("seeds", "content", "templates"):
                shutil.rmtree(p / sub)
                shutil.copytree(bk / sub, p / sub)
            do_build(p)
            continue
        print(n, json.dumps(a, ensure_ascii=False)[:160], "->", "OK" if res is None else json.dumps(res)[:400], flush=True)
        if res is not None:
            found.append({"step": n, "actions": list(log), "res": res})
            if "diff" in res:  # continue from the cold state
                shutil.rmtree(p)
                shutil.move(str(cold), str(p))
                do_build(p)
    json.dump({"log": log, "found": found}, open(W / f"{tag}.json", "w"), ensure_ascii=False, indent=1)
    return found


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or not all(a.isdigit() for a in sys.argv[1:2]) \
            or (len(sys.argv) == 3 and not sys.argv[2].isdigit()):
        print(__doc__)
        sys.exit(0 if any(a in ("-h", "--help") for a in sys.argv[1:]) else 2)
    W.mkdir(parents=True, exist_ok=True)
    print("working in", W, flush=True)
    if len(sys.argv) > 3:
        logged = json.load(open(sys.argv[3], encoding="utf-8"))
        found = run(int(sys.argv[1]), 0, logged["log"] if isinstance(logged, dict) else logged, tag=sys.argv[2])
    else:
        found = run(int(sys.argv[1]), int(sys.argv[2]))
    print("FOUND", len(found))
    sys.exit(1 if found else 0)
