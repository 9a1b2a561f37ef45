"""The words of the task rules, read from kg/data (task_cues.tsv, task_words.tsv, task_not_after.tsv).

Every regex and set here is built once from a table; no rule module names a cue word of its own.
"""

from __future__ import annotations

import re
from functools import cache

from kg import data

ROLES = ("lead", "responsible", "supporting")


@cache
def cues() -> dict[str, list[tuple[str, str]]]:
    """type -> [(cue, role)] from kg/data/task_cues.tsv, longest cue first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in data.rows("task_cues.tsv"):
        cols = list(row) + ["", ""]
        out.setdefault(cols[1], []).append((cols[0], cols[2]))
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[0]))
    return out


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words of list NAME of kg/data/task_words.tsv, longest first (so that an alternation
    of them prefers ``并由`` to ``并``)."""
    got = [r[0] for r in data.rows("task_words.tsv") if len(r) > 1 and r[1] == name]
    if not got:
        raise KeyError(f"task_words.tsv has no list {name!r}")
    return tuple(sorted(got, key=lambda w: -len(w)))


def alternation(name: str) -> str:
    """``(?:w1|w2…)`` over list NAME, longest word first."""
    return "(?:" + "|".join(re.escape(w) for w in word_list(name)) + ")"


def verb_cue(role: str) -> str:
    """The prose verb of ROLE in kg/data/task_cues.tsv (``lead`` -> ``牵头``), escaped for a regex; the
    first, where a role has several (``responsible``: ``负责`` before ``会同``, as the table lists them)."""
    for row in data.rows("task_cues.tsv"):
        if len(row) > 2 and row[1] == "verb" and row[2] == role:
            return re.escape(row[0])
    raise KeyError(f"task_cues.tsv has no verb of role {role!r}")


@cache
def word_chars(name: str) -> frozenset[str]:
    """Every character of the words of list NAME."""
    return frozenset("".join(word_list(name)))


@cache
def not_after() -> dict[str, tuple[str, str]]:
    """verb -> (characters after it that make no verb reading, a continuation that still does)
    from kg/data/task_not_after.tsv (``modal``: any modal word)."""
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in data.rows("task_not_after.tsv")}


def no_verb_at(s: str, end: int, verb: str) -> bool:
    """The cue ``verb`` ending at ``end`` of ``s`` is part of another word (负责人, 牵头单位, 要求)."""
    chars, keep = not_after().get(verb, ("", ""))
    if keep and s.startswith(keep, end):
        return False
    return s[end : end + 1] in chars and s[end : end + 1] != ""


def _spread(word: str) -> str:
    """A regex for ``word`` that tolerates line breaks between its characters."""
    return "\n*".join(re.escape(ch) for ch in word)


@cache
def verb_roles() -> dict[str, str]:
    """Cue verb -> the role of the unit list written with it (task_cues.tsv ``verb`` rows:
    负责/会同 responsible, 牵头 lead, 配合 supporting)."""
    return {w: r for w, r in cues()["verb"]}


def verb_role(verb: str) -> str:
    return verb_roles()[verb]


@cache
def verb_re(verb: str) -> re.Pattern:
    """The cue verb ``verb`` (a ``verb`` row of task_cues.tsv), a line break allowed inside it."""
    if verb not in verb_roles():
        raise KeyError(f"task_cues.tsv has no verb {verb!r}")
    return re.compile(_spread(verb))


@cache
def duty_verbs() -> tuple[str, ...]:
    """The cue verbs that give their subject a duty of its own (not the supporting ones)."""
    return tuple(w for w, r in cues()["verb"] if r != "supporting")


@cache
def marker_re() -> re.Pattern:
    """Any marker label word followed by a colon, e.g. ``牵头单位：``."""
    words = [w for w, _ in cues()["marker"]]
    return re.compile("(" + "|".join(_spread(w) for w in words) + r")\n*[：:]")


@cache
def marker_role() -> dict[str, str]:
    return {w: r for w, r in cues()["marker"]}


@cache
def rule_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues()["rule"]))


@cache
def deadline_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues()["deadline"]))


@cache
def nonorg_words() -> tuple[str, ...]:
    return tuple(w for w, _ in cues()["nonorg"])


@cache
def collective_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues().get("collective", [])) or "(?!)")


@cache
def task_columns(role: str = "task") -> tuple[str, ...]:
    """Header words of a table's task column (``role`` task) or deadline column (deadline)."""
    return tuple(w for w, r in cues().get("column", []) if r == role)


@cache
def modal_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w, _ in cues()["modal"]))


@cache
def predicate_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w, _ in cues()["predicate"]))


@cache
def split_verbs() -> frozenset[str]:
    """Two-character verbs that begin with an organ suffix character (办理, 委托, 部署):
    a unit name never ends inside one (kg/data/task_cues.tsv split_verb)."""
    return frozenset(w for w, _ in cues().get("split_verb", []))


@cache
def subject_prefixes() -> tuple[str, ...]:
    return tuple(w for w, _ in cues()["subject_prefix"])


WORD_LIST = re.compile(r"\(\?:([^()\\\[\].*+?{}^$]+)\)(?:\(\?!.*\))?")


def first_chars(patterns: list[str]) -> str | None:
    """The characters a match of any of ``patterns`` can begin with, when each is a plain word
    list ``(?:w1|w2…)`` (a trailing negative lookahead allowed); else None."""
    out: set[str] = set()
    for p in patterns:
        m = WORD_LIST.fullmatch(p)
        if m is None:
            return None
        words = m.group(1).split("|")
        if "" in words:
            return None
        out.update(w[0] for w in words)
    return "".join(sorted(out))
