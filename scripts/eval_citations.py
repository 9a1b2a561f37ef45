"""Compare find_citations over whole files with the gold ``citations`` (recall/precision per file).

Matching: a gold citation is found when a predicted one has the same normalised number, or shares a
title key (law aliases included). Predictions and gold are deduplicated per file (the gold counts a
document once per citing document; a whole-file run cannot tell citing documents apart).
Relation accuracy is counted on matched pairs from printed documents (yearbook entries are all
``mentions`` in the gold; the pipeline sets that for entries).

Usage: .venv/bin/python scripts/eval_citations.py [-v] [--raw]   (--raw: skip kg.clean)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.citations import find_citations  # noqa: E402
from kg.models import Text  # noqa: E402
from kg.titles import law_aliases  # noqa: E402

SOURCES = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests/data/corpus-more").glob("*.txt"))
GOLD = ROOT / "tests/data/gold"


def _clean(name: str, raw: str) -> str:
    if "--raw" in sys.argv:
        return raw
    try:
        from kg.clean import clean
    except ImportError:
        return raw
    return clean(Text.from_raw(name, raw)).text


def _keys(title: str | None, number: str | None) -> set[str]:
    keys = {"#" + number} if number else set()
    if title:
        keys |= law_aliases(title)
    return keys


def _dedupe(items: list[tuple[set[str], object]]) -> list[tuple[set[str], object]]:
    out: list[tuple[set[str], object]] = []
    for keys, extra in items:
        if not any(keys & k for k, _ in out):
            out.append((keys, extra))
    return out


def evaluate(path: Path, verbose: bool = False) -> tuple[int, int, int, int, int, int]:
    """(gold, predicted, gold found, predicted correct, relation pairs, relation right) for one file."""
    gold_doc = json.loads((GOLD / (path.stem + ".json")).read_text(encoding="utf-8"))
    gold = _dedupe([(_keys(c["to_title"], c["to_number"]), c) for c in gold_doc["citations"]])
    found = find_citations(_clean(path.name, path.read_text(encoding="utf-8")))
    pred = _dedupe([(_keys(c.title, c.number), c) for c in found])
    hit_gold = [g for g in gold if any(g[0] & p[0] for p in pred)]
    hit_pred = [p for p in pred if any(g[0] & p[0] for g in gold)]
    rel_n = rel_ok = 0
    for keys, g in hit_gold:
        if g["from"] is None:
            continue
        p = next(p for k, p in pred if k & keys)
        rel_n += 1
        want = "basis" if g["relation"] == "implements" else g["relation"]
        rel_ok += p.relation == want
        if verbose and p.relation != want:
            print(f"   REL {p.relation} != {g['relation']}: {p.title}")
    if verbose:
        for keys, g in gold:
            if not any(keys & p[0] for p in pred):
                print(f"   MISS {g['to_title']} {g['to_number']}")
        for keys, p in pred:
            if not any(keys & g[0] for g in gold):
                print(f"   EXTRA {p.title} {p.number} | {p.quote}")
    return len(gold), len(pred), len(hit_gold), len(hit_pred), rel_n, rel_ok


def main() -> None:
    verbose = "-v" in sys.argv
    tot = [0] * 6
    print(f"{'file':45} {'gold':>4} {'pred':>4} {'recall':>7} {'prec':>6} {'rel':>7}")
    for path in SOURCES:
        if not (GOLD / (path.stem + ".json")).exists():
            continue
        r = evaluate(path, verbose)
        tot = [a + b for a, b in zip(tot, r, strict=True)]
        g, p, hg, hp, rn, ro = r
        rec = f"{hg / g:.2f}" if g else "-"
        prec = f"{hp / p:.2f}" if p else "-"
        print(f"{path.name:45} {g:4} {p:4} {rec:>7} {prec:>6} {ro:3}/{rn:<3}")
    g, p, hg, hp, rn, ro = tot
    print(f"{'TOTAL':45} {g:4} {p:4} {hg / g:7.2f} {hp / p:6.2f} {ro:3}/{rn:<3}")


if __name__ == "__main__":
    main()
