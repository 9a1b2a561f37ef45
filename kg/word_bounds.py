"""Word boundaries by dictionary segmentation: whether a candidate's start or end splits a word (固安 in
在发展中固安全 ends inside 安全). The dictionary is kg/data/word_freq.tsv (jieba's, cut to the common
words by scripts/make_word_freq.py); a window of a few characters around the candidate is cut the way
jieba cuts without its HMM guesser: the most probable sequence of dictionary words, characters no
word covers standing alone. Used only around candidates."""

from __future__ import annotations

import math
from functools import cache, lru_cache

from kg import data

WINDOW = 6  # characters of context on each side


@cache
def _dictionary() -> tuple[dict[str, int], float, int]:
    """word -> frequency, the log of the total frequency, the longest word's length."""
    freq = {w: int(f) for w, f in data.rows("word_freq.tsv")}
    return freq, math.log(sum(freq.values())), max(map(len, freq))


@lru_cache(maxsize=1 << 14)
def _cuts(window: str) -> frozenset[int]:
    """The token boundaries of ``window`` (offsets, 0 and len included)."""
    freq, log_total, longest = _dictionary()
    n = len(window)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, min(n, i + longest) + 1):
            f = freq.get(window[i:j])
            if f or j == i + 1:  # a dictionary word, or one character alone
                options.append((math.log(f or 1) - log_total + best[j][0], j))
        best[i] = max(options)  # ties: the longer word, as jieba does
    cuts, i = {0}, 0
    while i < n:
        i = best[i][1]
        cuts.add(i)
    return frozenset(cuts)


def is_word(s: str, min_freq: int = 1000) -> bool:
    """``s`` is a common word of the dictionary (frequency at least ``min_freq``)."""
    return _dictionary()[0].get(s, 0) >= min_freq


def splits_word(text: str, i: int) -> bool:
    """A dictionary word of ``text`` runs across position ``i`` (between text[i-1] and text[i])."""
    if i <= 0 or i >= len(text):
        return False
    a = max(0, i - WINDOW)
    return i - a not in _cuts(text[a : i + WINDOW])


def token_at(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the token that covers ``text[i]``."""
    a = max(0, i - WINDOW)
    cuts = sorted(_cuts(text[a : i + 1 + WINDOW]))
    start = max(c for c in cuts if c <= i - a)
    return a + start, a + min(c for c in cuts if c > i - a)


def at_word_bounds(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` starts and ends at word boundaries."""
    return not splits_word(text, start) and not splits_word(text, end)
