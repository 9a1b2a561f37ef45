"""The regex scans that choose where find_orgs looks (openings) miss no mention: the same mentions as
testing every position, on real sample text; and name_ends' skip over plain characters."""

from pathlib import Path

import pytest

from kg.extract import org_mentions as orgs
from kg.extract.org_mentions import openings, scan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _every_position(text: str, taken: list[int]):
    i = taken[0]
    while i < len(text):
        yield i
        i = max(i + 1, taken[0])


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_openings_lose_no_mention(path, monkeypatch):
    text = path.read_text(encoding="utf-8")[:6000]
    fast = orgs.find_orgs(text)
    assert fast
    monkeypatch.setattr(scan, "openings", _every_position)
    assert orgs.find_orgs(text) == fast


def test_openings_on_short_texts():
    assert list(openings.openings("财政局负责", [0])) == [0]  # a bare unit at the very start
    assert {3, 7} <= set(openings.openings("根据、建设局和财政局", [0]))
    assert 2 in list(openings.openings("会同区财政局", [0]))  # after a boundary word


def test_plain_characters_have_no_role_in_ends():
    plain, run = scan._plain()
    assert "政" in plain and "局" not in plain and "的" not in plain and "和" not in plain
    assert run.match("自然资源局").end() == 4
    assert scan.name_ends("区住房和城乡建设局负责", 0, 1) == [6, 9]  # 区住房和城乡 ends in 乡
