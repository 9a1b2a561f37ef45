#!/usr/bin/env python3
"""Write kg/data/word_freq.tsv, the dictionary of kg/word_bounds.py, from jieba's dict.txt (a dev dependency).

    .venv/bin/python scripts/make_word_freq.py [MIN_FREQ]

Keeps every single character and the words of two to five characters with frequency >= MIN_FREQ
(default 50): enough to tell whether a few characters around a candidate name split a word, and
small enough to load in a fraction of a second (the full dictionary takes seconds).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "word_freq.tsv"


def main(argv: list[str]) -> int:
    min_freq = int(argv[1]) if len(argv) > 1 else 50
    src = Path(jieba.__file__).parent / "dict.txt"
    rows = []
    for line in src.read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        if len(word) == 1 or (len(word) <= 5 and int(freq) >= min_freq):
            rows.append(f"{word}\t{freq}")
    head = [
        f"# source: jieba {jieba.__version__} dict.txt (MIT licence, github.com/fxsjy/jieba), written by"
        f" scripts/make_word_freq.py: every single character and the words of 2-5 characters with frequency >= {min_freq}",
        "# columns: word\tfrequency",
    ]
    OUT.write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
