#!/usr/bin/env python3
"""Write kg/data/traditional_chars.tsv, the character map of kg/simplify.py, from OpenCC's t2s.

    pip install opencc && python scripts/make_traditional_chars.py

OpenCC is needed only here, not by kg: every CJK character (basic block, extension A, compatibility
ideographs) is converted on its own with OpenCC's t2s configuration; a character that becomes one
other character of the Basic Multilingual Plane is a row. One character for one keeps every offset.
"""

from __future__ import annotations

from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "traditional_chars.tsv"
RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def main() -> int:
    t2s = opencc.OpenCC("t2s")
    rows = []
    for a, b in RANGES:
        for cp in range(a, b):
            ch = chr(cp)
            s = t2s.convert(ch)
            if s != ch and len(s) == 1 and ord(s) < 0x10000:
                rows.append(f"{ch}\t{s}")
    head = [
        f"# source: OpenCC {getattr(opencc, '__version__', '')} t2s (Apache License 2.0, github.com/BYVoid/OpenCC:"
        " TSCharacters), each character converted on its own by scripts/make_traditional_chars.py",
        "# columns: traditional	simplified",
    ]
    OUT.write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
