"""Word boundaries by a dictionary segmenter (jieba, with the dictionary it ships): whether a
candidate's start or end splits a word (固安 in 在发展中固安全 ends inside 安全). Used only around
candidates, on a few characters of context; jieba's dictionary is loaded on the first call."""

from __future__ import annotations

import logging
from functools import cache, lru_cache

WINDOW = 6  # characters of context on each side


@cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@lru_cache(maxsize=1 << 14)
def _cuts(window: str) -> frozenset[int]:
    """The token boundaries of ``window`` (offsets, 0 and len included), without the HMM guesser:
    characters no dictionary word covers stay single tokens."""
    out, pos = {0}, 0
    for tok in _tokenizer().cut(window, HMM=False):
        pos += len(tok)
        out.add(pos)
    return frozenset(out)


def is_word(s: str, min_freq: int = 1000) -> bool:
    """``s`` is a common word of the dictionary (frequency at least ``min_freq``)."""
    return _tokenizer().FREQ.get(s, 0) >= min_freq


def splits_word(text: str, i: int) -> bool:
    """A dictionary word of ``text`` runs across position ``i`` (between text[i-1] and text[i])."""
    if i <= 0 or i >= len(text):
        return False
    a = max(0, i - WINDOW)
    return i - a not in _cuts(text[a : i + WINDOW])


def one_token(text: str, start: int, end: int) -> bool:
    """The segmenter reads ``text[start:end]`` as one token."""
    a = max(0, start - WINDOW)
    cuts = _cuts(text[a : end + WINDOW])
    return start - a in cuts and end - a in cuts and all(k - a not in cuts for k in range(start + 1, end))


def at_word_bounds(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` starts and ends at word boundaries."""
    return not splits_word(text, start) and not splits_word(text, end)
