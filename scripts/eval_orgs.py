"""Score the organisations of the graph kg builds against the gold orgs, the way
/work/shared/eval/score.py does.

Each dev file is built with kg's own pipeline (read, extract, resolve, RDF: what ``kg build``
writes) and its org:Organization nodes are read back: a node's forms are its labels
(skos:prefLabel/altLabel/hiddenLabel, rdfs:label), its canonical name the skos:prefLabel a user
sees. A gold org is found when a node's forms meet the gold's canonical+surface forms. Prints
per-file and overall P/R/F1, splits (one gold org on several nodes), merges (one node on several
gold orgs), canonical accuracy. ``--direct`` scores the finder + identify per mention instead,
bypassing the Resolver (how this script measured before it read the graph).
Usage: python scripts/eval_orgs.py [-v | -vv] [--direct]
  -v: missed, spurious, splits; -vv: and wrong canonical names
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "tests" / "data" / "gold"
TEXTS = [ROOT / "samples", ROOT / "tests" / "data" / "corpus-more"]
INPUT_EXTS = (".txt", ".html", ".docx", ".pdf")  # the first that exists for a stem is built, as score.py
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ORGANIZATION = "http://www.w3.org/ns/org#Organization"
PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
LABELS = {
    PREF,
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
}


def norm(s: str) -> str:
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))
    for a, b in (("〔", "("), ("〕", ")"), ("（", "("), ("）", ")"), ("“", '"'), ("”", '"')):
        s = s.replace(a, b)
    return re.sub("[《》〈〉«»]", "", s)


def graph_orgs(path: Path) -> tuple[dict, dict]:
    """node -> label forms, node -> canonical name (its prefLabel), from the graph kg builds of one file."""
    from kg.graph import to_rdf
    from kg.mapstep import extract_all

    result = extract_all([path])
    if result.errors:
        raise SystemExit(f"cannot build {path}: {result.errors}")
    triples = list(to_rdf(result.corpus).values())
    orgs = {s for s, p, o in triples if p == RDF_TYPE and o == ORGANIZATION}
    forms, canon = defaultdict(set), {}
    for s, p, o in triples:
        if s in orgs and p in LABELS:
            forms[s].add(norm(o))
            if p == PREF:
                canon[s] = o
    for s in orgs:
        forms.setdefault(s, set())
        canon.setdefault(s, "")
    return forms, canon


def direct_orgs(path: Path) -> tuple[dict, dict]:
    """key -> forms, key -> canonical, from find_orgs + identify per mention (no Resolver)."""
    from kg.clean import clean
    from kg.divisions import jurisdiction_of
    from kg.extract.org_mentions import find_orgs
    from kg.models import Text
    from kg.resolve.org_identity import identify

    text = clean(Text.from_raw("x", path.read_text(encoding="utf-8"))).text
    where = jurisdiction_of(text)
    forms, canon = defaultdict(set), {}
    for m in find_orgs(text):
        ident = identify(m.name, where)
        if ident is None:
            continue
        forms[ident.key] |= {norm(m.surface), norm(m.name), norm(ident.canonical)}
        canon[ident.key] = ident.canonical
    return forms, canon


def score(gold: dict, forms: dict, canon: dict) -> dict:
    gforms = {
        o["key"]: {norm(f) for f in [*o.get("surface", []), o.get("canonical", "")] if f}
        for o in gold["orgs"]
    }
    key_sys, sys_gold = defaultdict(set), defaultdict(set)
    for sk, fs in forms.items():
        for gk, gf in gforms.items():
            if fs & gf:
                key_sys[gk].add(sk)
                sys_gold[sk].add(gk)
    found = sum(1 for k in gforms if key_sys.get(k))
    fp = sum(1 for k in forms if not sys_gold.get(k))
    canon_ok = sum(
        1
        for o in gold["orgs"]
        if any(norm(canon[s]) == norm(o["canonical"]) for s in key_sys.get(o["key"], ()))
    )
    return {
        "tp": found,
        "fp": fp,
        "fn": len(gforms) - found,
        "canon_ok": canon_ok,
        "n": len(gforms),
        "split": sum(1 for v in key_sys.values() if len(v) > 1),
        "merge": sum(1 for v in sys_gold.values() if len(v) > 1),
        "missed": [k for k in gforms if not key_sys.get(k)],
        "spurious": sorted(canon[k] or k for k in forms if not sys_gold.get(k)),
        "splits": {k: sorted(canon[s] or s for s in v) for k, v in key_sys.items() if len(v) > 1},
        "wrong_canon": [
            (o["canonical"], sorted(canon[s] for s in key_sys[o["key"]]))
            for o in gold["orgs"]
            if key_sys.get(o["key"])
            and not any(norm(canon[s]) == norm(o["canonical"]) for s in key_sys[o["key"]])
        ],
    }


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    verbose = "-v" in argv or "-vv" in argv
    total = defaultdict(int)
    print(f"{'file':<44}{'P':>7}{'R':>7}{'F1':>7}{'canon':>7}{'split':>6}{'merge':>6}")
    for gpath in sorted(GOLD.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        src = next(
            d / f"{gpath.stem}{ext}"
            for d in TEXTS
            for ext in INPUT_EXTS
            if (d / f"{gpath.stem}{ext}").exists()
        )
        forms, canon = direct_orgs(src) if "--direct" in argv else graph_orgs(src)
        r = score(gold, forms, canon)
        for k in ("tp", "fp", "fn", "canon_ok", "n", "split", "merge"):
            total[k] += r[k]
        p, rc, f = prf(r["tp"], r["fp"], r["fn"])
        print(
            f"{gpath.stem:<44}{p:>7.3f}{rc:>7.3f}{f:>7.3f}{r['canon_ok'] / r['n']:>7.3f}{r['split']:>6}{r['merge']:>6}"
        )
        if verbose:
            print("   missed:", r["missed"])
            print("   spurious:", r["spurious"])
            print("   splits:", r["splits"])
            if "-vv" in argv:
                print("   canonical (gold, ours):", r["wrong_canon"])
    p, rc, f = prf(total["tp"], total["fp"], total["fn"])
    print(
        f"{'overall':<44}{p:>7.3f}{rc:>7.3f}{f:>7.3f}{total['canon_ok'] / total['n']:>7.3f}"
        f"{total['split']:>6}{total['merge']:>6}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
