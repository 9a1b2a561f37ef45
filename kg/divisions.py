"""China's administrative divisions (kg/data/divisions.tsv): look up a place, find a publication's
own government, and recognise the place-name prefix of an organisation name."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import data
from kg.models import Jurisdiction
from kg.org_tables import abbreviations, organs

NATIONAL = ("中华人民共和国", "国务院", "中共中央", "党中央", "全国人大", "中国", "国家", "全国")
LEVEL_SUFFIX = (
    ("特别行政区", "provincial"),
    ("自治区", "provincial"),
    ("省", "provincial"),
    ("自治州", "prefecture"),
    ("地区", "prefecture"),
    ("盟", "prefecture"),
    ("市", "prefecture"),
    ("州", "prefecture"),
    ("自治县", "county"),
    ("自治旗", "county"),
    ("县", "county"),
    ("区", "county"),
    ("旗", "county"),
    ("镇", "township"),
    ("乡", "township"),
    ("街道", "township"),
)
AUTONOMOUS = ("自治州", "自治县", "自治旗")  # printed short as <short>州/县/旗
# zones that govern, printed after a place name (平潭综合实验区, 合肥高新技术产业开发区): jurisdictions
# of their own, at this level (a zone under a city is the city's)
GOVERNING_ZONES = (
    ("综合实验区", "prefecture"),
    ("新区", "prefecture"),
    ("经济技术开发区", "county"),
    ("高新技术产业开发区", "county"),
)
NOT_PLACE_START = ("各", "全", "本", "该", "有关", "相关", "所在", "地方", "省直", "市直", "县直", "区直")
GOV_WORDS = r"(?:人民政府|政府|委员会|人民代表大会|人大常委会|党委|政协)"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # provincial | prefecture | county
    parent: str
    aliases: tuple[str, ...]
    common: frozenset[str]  # forms that are also common words (公安县 -> 公安)


@cache
def table() -> dict[str, Division]:
    """adcode -> Division, read once from kg/data/divisions.tsv."""
    out = {}
    for row in data.rows("divisions.tsv"):
        f = (list(row) + [""] * 7)[:7]
        out[f[0]] = Division(
            f[0],
            f[1],
            f[2],
            f[3],
            f[4],
            tuple(filter(None, f[5].split(";"))),
            frozenset(filter(None, f[6].split(";"))),
        )
    return out


@cache
def _names() -> dict[str, list[Division]]:
    """Every full and short name -> the divisions so called (full-name holders first)."""
    full, short = defaultdict(list), defaultdict(list)
    for d in table().values():
        full[d.name].append(d)
        if d.short != d.name:
            short[d.short].append(d)
    for form, name in _short_names():  # 达茂旗 = 达尔罕茂明安联合旗
        full[form].extend(full.get(name, []))
    for d in table().values():  # 阿坝州 = 阿坝藏族羌族自治州, 长阳县 = 长阳土家族自治县
        form = _autonomous_form(d)
        if form and form not in full:
            full[form].append(d)
    out = dict(short)
    out.update({k: v + short.get(k, []) for k, v in full.items() if v})
    return out


@cache
def _short_names() -> tuple[tuple[str, str], ...]:
    """(short form, full name) rows of kg/data/division_short_names.tsv."""
    return tuple((r[0], r[1]) for r in data.rows("division_short_names.tsv"))


@cache
def _lengths() -> dict[str, tuple[int, ...]]:
    """First two characters -> the lengths of the names starting with them, longest first."""
    out: dict[str, set[int]] = defaultdict(set)
    for k in _names():
        out[k[:2]].add(len(k))
    return {c: tuple(sorted(v, reverse=True)) for c, v in out.items()}


@cache
def _start_re() -> re.Pattern:
    """The first characters of every place name, as one character class."""
    return re.compile("[" + "".join(sorted({re.escape(k[0]) for k in _lengths()})) + "]")


def ancestors(d: Division) -> list[Division]:
    """The division and its ancestors, top-down."""
    out = [d]
    while out[0].parent and out[0].parent in table():
        out.insert(0, table()[out[0].parent])
    return out


def display_name(d: Division) -> str:
    """The name a jurisdiction chain uses: a city district carries its city (绍兴市柯桥区)."""
    if d.level == "county" and d.name.endswith("区") and d.parent in table():
        return table()[d.parent].name + d.name
    return d.name


def to_jurisdiction(d: Division) -> Jurisdiction:
    return Jurisdiction(tuple(display_name(a) for a in ancestors(d)), d.level)


def _usable(form: str, d: Division, shorts: str) -> bool:
    """Whether ``form`` may stand for ``d`` as a prefix: full names always (unless a common word),
    short names for provinces/prefectures (shorts='upper') or for all levels (shorts='all')."""
    if form in d.common:
        return False
    if form == d.name or (form, d.name) in _short_names() or form == _autonomous_form(d):
        return True  # a full name, a banner's usual short form (达茂旗), 阿坝州
    return shorts == "all" or (shorts == "upper" and d.level != "county")


def _autonomous_form(d: Division) -> str:
    """The usual printed form of an autonomous division: <short>州/县/旗 (阿坝州); '' for others."""
    return d.short + d.name[-1] if d.name.endswith(AUTONOMOUS) and d.short != d.name else ""


def _within(d: Division, above: Division | None) -> bool:
    return above is None or any(a.code == above.code for a in ancestors(d)[:-1])


def parse_places(s: str, start: int = 0, shorts: str = "upper") -> tuple[list[Division], int]:
    """The longest chain of place names at ``s[start:]`` (绍兴市柯桥区 -> [绍兴市, 柯桥区]), each one
    inside the previous; returns the divisions and the end index."""
    found: list[Division] = []
    i = start
    names, lengths = _names(), _lengths()
    while i < len(s):
        best = None
        for n in lengths.get(s[i : i + 2], ()):
            if n > len(s) - i:
                continue
            form = s[i : i + n]
            cands = [d for d in names.get(form, ()) if _usable(form, d, shorts)]
            cands = [d for d in cands if _within(d, found[-1] if found else None)]
            nxt = s[i + n : i + n + 1]
            if cands and form not in (d.name for d in cands) and nxt and nxt in "省市区县旗州盟":
                cands = []  # 青山市 is not 青山区: a short name right before another level suffix
            if cands:
                best = (cands[0], n)
                break
        if not best:
            break
        found.append(best[0])
        i += best[1]
    return found, i


def place_starts() -> dict[str, tuple[int, ...]]:
    """The first two characters of every place name (keys; may_start_place tests ``s[:2] in`` it)."""
    return _lengths()


def may_start_place(s: str) -> bool:
    """Whether a place name may open ``s``: its first two characters open one (a quick test)."""
    return s[:2] in _lengths()


@lru_cache(maxsize=1 << 16)  # called on the same windows of text again and again
def place_prefix(s: str) -> str:
    """The place-name prefix of an organisation name: ``柯桥区住建局`` -> ``柯桥区``, ``安徽银保监局`` ->
    ``安徽``; '' when none. County short names count only after their parent (绍兴柯桥).
    """
    if not may_start_place(s) or s.startswith(NOT_PLACE_START):
        return ""
    found, end = parse_places(s)
    if found and found[-1].level != "county":
        more, end2 = parse_places(s, end, shorts="all")
        if more and _within(more[0], found[-1]):
            end = end2
    return s[:end]


@lru_cache(maxsize=1 << 14)  # the same names are looked up again and again (Jurisdiction is frozen)
def lookup(name: str) -> Jurisdiction | None:
    """The jurisdiction a place name denotes (柯桥区, 绍兴市柯桥区, 柯桥, 国家), or None."""
    name = re.sub(r"\s+", "", name)
    if name in NATIONAL:
        return Jurisdiction((), "national")
    found, end = parse_places(name, shorts="all")
    if found and end == len(name):
        return to_jurisdiction(found[-1])
    return None


def _division(name: str) -> Division | None:
    """The division a full chain name denotes (贵州省贵阳市, 绍兴市柯桥区), or None."""
    found, end = parse_places(name, shorts="all")
    return found[-1] if found and end == len(name) else None


@lru_cache(maxsize=1 << 12)  # pure; Jurisdiction is frozen
def place_in(place: str, where: Jurisdiction) -> Division | None:
    """The division a printed place (白云区, 贵阳市白云区) names in a publication of ``where``: a name
    several divisions share is the one inside the publication's own jurisdiction (or the nearest
    level above it: a sibling district), never another province's; None when no division of that
    name lies in the publication's province. A national text keeps the table's first."""
    found, end = parse_places(place, shorts="all")
    if not found or end != len(place):
        return None
    if len(found) > 1 or not where.chain:
        return found[-1]
    cands = [d for d in _names().get(place, ()) if _usable(place, d, "all")]
    if len({d.code for d in cands}) < 2:
        return found[-1]
    for name in reversed(where.chain):  # deepest first: 白云区 in 贵阳 (or 乌当区's) text
        above = _division(name)
        inside = {d.code: d for d in cands if above and (d.code == above.code or _within(d, above))}
        if len(inside) == 1:
            return next(iter(inside.values()))
        if inside:  # still several at this level (南昌 = 南昌市, 南昌县): the table's reading if one
            return found[-1] if found[-1].code in inside else None
    return None


def _unknown_place(s: str) -> Jurisdiction | None:
    """A place no table lists (青山市人民政府): keep the printed name, level from its suffix."""
    m = re.match(
        r"([\u4e00-\u9fff]{2,4}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗))" + GOV_WORDS, s
    )
    if not m or m.group(1).startswith(NOT_PLACE_START):
        return None
    place = m.group(1)
    level = next(lv for suf, lv in LEVEL_SUFFIX if place.endswith(suf))
    return Jurisdiction((place,), level)


MARKUP = re.compile(r"[#*>_`\s]|^(?:标题|题名|发文机关|发布机构|来源)[:：]")  # markdown, metadata labels


@cache
def _national_organs() -> tuple[str, ...]:
    """The printed forms of national organs that open an issuer line (中国人民银行, 国家发展改革委,
    金融监管总局): kg/data/national_orgs.tsv and the national rows of kg/data/abbreviations.tsv."""
    forms = set(data.words("national_orgs.tsv")) | set(organs())
    forms |= {f for f, rows in abbreviations().items() if any(r.scope == "national" for r in rows)}
    return tuple(sorted((f for f in forms if len(f) >= 3), key=len, reverse=True))


def _national_issuer(s: str) -> Jurisdiction | None:
    """A line opening with a national issuer (中共中央, 国务院, 人民银行 …): national, unless a place
    follows the organ (中国人民银行江西省分行: the branch's province)."""
    if s.startswith(("国务院", "中华人民共和国", "中共中央", "全国人民代表大会")):
        return Jurisdiction((), "national")
    organs = _national_organs()
    organ = next((f for f in organs if s.startswith(f)), "")
    if not organ:
        return None
    found, _ = parse_places(s, len(organ))
    if found:
        return to_jurisdiction(found[-1])
    rest = s[len(organ) :]
    if rest and not rest.startswith(ISSUER_NEXT) and not rest.startswith(organs):
        return None  # 财政部门要…, 人民银行要…: words, no issuer
    return Jurisdiction((), "national")


# what follows an issuer at the head of a line (the joint issuers are run together once spaces go)
ISSUER_NEXT = ("、", "，", ",", "等", "关于", "联合", "印发", "令", "公告", "通知", "文件", "办公厅")


def _zone_after(s: str, end: int, d: Division, form: str) -> Jurisdiction | None:
    """A governing zone printed after the place ``form`` ending at ``end`` (平潭综合实验区): its own
    jurisdiction, under the province (综合实验区, 新区) or the city (开发区) of the place."""
    for word, level in GOVERNING_ZONES:
        if s.startswith(word, end):
            above = [
                a
                for a in ancestors(d)
                if a.level == "provincial" or level == "county" and a.level != "county"
            ]
            name = form + word
            return Jurisdiction(tuple(display_name(a) for a in above) + (name,), level)
    return None


def _from_string(s: str, line_start_unknown: bool = True) -> Jurisdiction | None:
    """The government named in one header line (markdown and metadata labels set aside): a national
    issuer, a known place followed by 人民政府/政府/委员会 … (or opening the line), a governing zone
    (平潭综合实验区), else an unknown place opening a short line (青山市人民政府)."""
    s = MARKUP.sub("", s)
    national = _national_issuer(s)
    if national:
        return national
    lengths = _lengths()
    for m in _start_re().finditer(s):  # the CJK characters a place name may start with
        i = m.start()
        if (
            not "\u4e00" <= s[i] <= "\u9fff"
            or s[i : i + 2] not in lengths
            or s.startswith(NOT_PLACE_START, i)
        ):
            continue  # no place name starts here
        found, end = parse_places(s, i, shorts="all" if i == 0 else "upper")
        zone = _zone_after(s, end, found[-1], _last_form(s, i, end, found)) if found else None
        if zone and (i == 0 or s.startswith("关于") or re.match(ZONE_ORGAN, s[end:])):
            return zone
        if found and (i == 0 or re.match(GOV_WORDS, s[end:])):
            if i == 0 and not re.match(GOV_WORDS, s[end:]) and not _named_here(s, i, end, found[-1]):
                continue  # 和政… opening a line: a short name inside words
            if found[-1].level != "county":
                more, _ = parse_places(s, end, shorts="all")
                found += [d for d in more[:1] if _within(d, found[-1])]
            return to_jurisdiction(found[-1])
    if line_start_unknown and len(s) <= 40:
        return _unknown_place(s)
    return None


ZONE_ORGAN = r"[\u4e00-\u9fff]{2,9}?(?:管理委员会|管委会|工作委员会|党工委)"


def _last_form(s: str, i: int, end: int, found: list[Division]) -> str:
    """The printed form of the last place of a parsed chain (平潭 in 福建平潭)."""
    d = found[-1]
    for form in (d.name, _autonomous_form(d), d.short):
        if form and s.startswith(form, end - len(form)):
            return form
    return s[i:end]


def _named_here(text: str, i: int, end: int, d: Division, whole: str = "") -> bool:
    """``text[i:end]`` names the division ``d`` where it stands: its full name (or 阿坝州), or a short
    name (固安, 惠农, 富民) followed by a level word, an organ word (人民政府, 党委 …) or whose full
    name is printed elsewhere in the text (or ``whole``, the publication), at word boundaries (固安全 splits 安全: no name)."""
    form = _last_form(text, i, end, [d])
    if form in (d.name, _autonomous_form(d)) or (form, d.name) in _short_names():
        return True
    after = text[end : end + 1]
    if not (
        after
        and after in "省市区县旗州盟"
        or re.match(GOV_WORDS, text[end:])
        or d.name in text
        or d.name in whole
    ):
        return False
    from kg.word_bounds import at_word_bounds

    return at_word_bounds(text, end - len(form), end)


@lru_cache(maxsize=1)
def _join_verbs() -> tuple[str, ...]:
    """Verbs that join a unit to the one named before it (X会同Y): kg/data/task_cues.tsv."""
    from kg.data import rows

    return tuple(r[0] for r in rows("task_cues.tsv") if len(r) > 1 and r[1] == "verb")


def _joining_verb(text: str, i: int) -> bool:
    """A join verb right after a name (a CJK character before it) starts at ``i``."""
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and text.startswith(_join_verbs(), i)


def most_mentioned(text: str, whole: str = "") -> Jurisdiction | None:
    """The place a text names most often (a yearbook with no header naming its government): names
    where they stand as names (_named_here), a governing zone as its own place; ties go to the
    deeper level."""
    counts: dict[Jurisdiction, int] = defaultdict(int)
    starts, lengths = _start_re(), _lengths()
    i = 0
    while (m := starts.search(text, i)) is not None:  # skip to where a place name may start
        i = m.start()
        found, end = parse_places(text, i, shorts="all") if text[i : i + 2] in lengths else ([], i)
        if found and _joining_verb(text, i):
            found = []  # 县应急管理局会同县消防救援大队: the verb 会同 after a name, not 会同县
        if found:
            zone = _zone_after(text, end, found[-1], _last_form(text, i, end, found))
            if zone:
                counts[zone] += 1
            elif _named_here(text, i, end, found[-1], whole):
                counts[to_jurisdiction(found[-1])] += 1
            i = end
        else:
            i += 1
    if not counts:
        return None
    rank = {"county": 2, "prefecture": 1, "provincial": 0}
    return max(counts, key=lambda j: (counts[j], rank.get(j.level, 0)))


def jurisdiction_of(
    head: str, issuers: list[str] | tuple[str, ...] = (), whole: str = ""
) -> Jurisdiction | None:
    """The government a publication belongs to, from its issuers, else its title / first lines,
    else the place its text names most often outside the titles it cites, else in them (``whole``: the
    publication ``head`` opens, where a short place name's full name may be printed): ``绍兴市柯桥区人民政府公报`` -> (浙江省, 绍兴市,
    绍兴市柯桥区); ``国务院`` -> national; ``青山市人民政府`` -> (青山市,)."""
    for s in issuers:
        j = _from_string(s)
        if j:
            return j
    for s in head.splitlines()[:40]:
        j = _from_string(_uncited(s), line_start_unknown=True)
        if j:
            return j
    # a place the cited titles name is the text's only when it names none outside them (a yearbook
    # of 临泉县 citing 《临泉县人民政府工作规则》 and naming no place else)
    own = most_mentioned(_CITED_RE.sub(lambda m: " " * len(m[0]), head), whole)
    return own or most_mentioned(head, whole)


_CITED_RE = re.compile(r"《[^《》\n]*》")


def _uncited(line: str) -> str:
    """A line without the titles it cites (根据《昆明市人民政府关于…》, 结合官渡区实际: the issuer of a
    cited document is not the publication's); a line that is one title in 《》 is that title."""
    t = line.strip()
    if t.startswith("《") and t.endswith("》") and _CITED_RE.fullmatch(t):
        return t[1:-1]
    return _CITED_RE.sub("", line)
