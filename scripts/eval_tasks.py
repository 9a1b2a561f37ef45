#!/usr/bin/env python3
"""Score kg.extract.tasks.find_tasks against the gold tasks of tests/data/gold/*.json.

For every gold file the whole text (cleaned by kg.clean when it exists) goes through find_tasks.
A gold task is found when a system label is similar (score.py's ``similar``) or the gold label
occurs in the system task's text; then (role, unit) assignments are compared, a unit matching by
``name`` or ``surface`` against the gold unit's forms. Supporting units count as responsible.

    .venv/bin/python scripts/eval_tasks.py [--only STEM] [--show]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.tasks import find_tasks  # noqa: E402
from kg.models import Text  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
CORPORA = [ROOT / "samples", ROOT / "tests" / "data" / "corpus-more"]
SCORE = Path("/work/shared/eval/score.py")


def load_score():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def clean_text(name: str, raw: str) -> str:
    try:
        from kg.clean import clean
    except ImportError:
        return raw
    return clean(Text.from_raw(name, raw)).text


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def match_tasks(sc, gold_tasks: list[dict], tasks) -> list[tuple[int, int]]:
    pairs = []
    for i, gt in enumerate(gold_tasks):
        want = sc.norm_text(gt.get("label", ""))
        for j, t in enumerate(tasks):
            s = sc.similar(gt.get("label", ""), t.label)
            if not s and len(want) >= 4 and want in sc.norm_text(t.text):
                s = 0.85
            if s:
                pairs.append((s, i, j))
    return sc.match_greedy(pairs)


def score_file(sc, gold: dict, tasks, show: bool = False) -> dict:
    form_to_key, key_forms = sc.org_key_index(gold)
    gts = gold.get("tasks", [])
    m = match_tasks(sc, gts, tasks)
    sys_of = dict(m)
    matched_sys = {j for _, j in m}
    res = defaultdict(lambda: defaultdict(int))  # kind -> counters
    for i, gt in enumerate(gts):
        kind = gt.get("source", "marker")
        j = sys_of.get(i)
        res[kind]["gold_tasks"] += 1
        res[kind]["found_tasks"] += j is not None
        t = tasks[j] if j is not None else None
        for role in ("lead", "responsible"):
            got = []
            if t is not None:
                got = t.lead if role == "lead" else t.responsible + t.supporting
            free = list(got)
            for u in gt.get(role, []):
                nu = sc.norm_text(u)
                key = form_to_key.get(nu)
                forms = key_forms.get(key, {nu}) | {nu}
                hit = next((x for x in free if {sc.norm_text(x.name), sc.norm_text(x.surface)} & forms), None)
                if hit is not None:
                    free.remove(hit)
                    res[kind]["tp"] += 1
                else:
                    res[kind]["fn"] += 1
                    if show:
                        print(f"  MISS {role} {u!r} in {gt['label']!r} -> {t.label if t else None!r}")
            res[kind]["fp"] += len(free)
            if show and free:
                print(f"  EXTRA {role} {[x.name for x in free]} in {gt['label']!r}")
        if show and t is None:
            print(f"  NOTASK [{kind}] {gt['label']!r}")
    for j, t in enumerate(tasks):
        if j not in matched_sys:
            res[t.kind]["sys_extra"] += 1
            res[t.kind]["fp"] += len(t.lead) + len(t.responsible) + len(t.supporting)
            if show:
                print(
                    f"  SPURIOUS [{t.kind}] {t.label!r} {[u.name for u in t.lead + t.responsible + t.supporting]}"
                )
    for t in tasks:
        res[t.kind]["sys_tasks"] += 1
    return res


def summarise(res: dict) -> dict:
    out = {}
    for kind, r in res.items():
        found, g, s = r["found_tasks"], r["gold_tasks"], r["sys_tasks"]
        out[kind] = {
            "tasks": prf(found, s - found if s >= found else r["sys_extra"], g - found),
            "assign": prf(r["tp"], r["fp"], r["fn"]),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only")
    ap.add_argument("--show", action="store_true", help="print misses and spurious tasks")
    args = ap.parse_args(argv)
    sc = load_score()
    total = defaultdict(lambda: defaultdict(int))
    for gpath in sorted(GOLD.glob("*.json")):
        stem = gpath.stem
        if args.only and args.only not in stem:
            continue
        src = next((d / f"{stem}.txt" for d in CORPORA if (d / f"{stem}.txt").exists()), None)
        if src is None:
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        tasks = find_tasks(clean_text(src.name, src.read_text(encoding="utf-8")))
        if args.show:
            print(f"== {stem}")
        res = score_file(sc, gold, tasks, args.show)
        for kind, r in res.items():
            for k, v in r.items():
                total[kind][k] += v
        line = "  ".join(
            f"{k}: T f1={v['tasks']['f1']:.2f} A p={v['assign']['p']:.2f} r={v['assign']['r']:.2f} "
            f"f1={v['assign']['f1']:.2f}"
            for k, v in sorted(summarise(res).items())
        )
        print(f"{stem[:28]:28} {line}")
    print("-- all")
    for kind, v in sorted(summarise(total).items()):
        print(f"{kind:7} tasks {v['tasks']}\n{'':7} assign {v['assign']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
