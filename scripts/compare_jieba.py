"""Recall of jieba's POS tagger (words tagged nt) on the gold orgs' surface forms, vs find_orgs.

A gold surface counts as recalled when some nt word (or some find_orgs surface/name) equals it.
Usage: python scripts/compare_jieba.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_orgs import GOLD, TEXTS, clean, norm  # noqa: E402

from kg.extract.org_mentions import find_orgs  # noqa: E402


def main() -> int:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    tot = hit_j = hit_o = 0
    for gpath in sorted(GOLD.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        src = next(d / gold["source"] for d in TEXTS if (d / gold["source"]).exists())
        text = clean(src.read_text(encoding="utf-8"))
        nt = {norm(w.word) for w in pseg.cut(text) if w.flag == "nt"}
        ours = {norm(f) for m in find_orgs(text) for f in (m.surface, m.name)}
        surf = {norm(s) for o in gold["orgs"] for s in o.get("surface", [])}
        j, o = len(surf & nt), len(surf & ours)
        tot, hit_j, hit_o = tot + len(surf), hit_j + j, hit_o + o
        print(
            f"{gpath.stem:<44} surfaces {len(surf):>4}  jieba nt {j / len(surf):.3f}  find_orgs {o / len(surf):.3f}"
        )
    print(f"{'overall':<44} surfaces {tot:>4}  jieba nt {hit_j / tot:.3f}  find_orgs {hit_o / tot:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
