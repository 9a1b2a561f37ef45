"""clean(): each rule on real snippets, the offset map back to raw, linear time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.clean import clean, wrap_width
from kg.models import Text
from kg.read import read

ROOT = Path(__file__).parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests/data/corpus-more").glob("*.txt"))
GAZETTE = ROOT / "samples" / "000_d74bb4acde02e188.txt"
GAZETTE_NATURAL = ROOT / "samples" / "001_baa82a02c22cd2c2.txt"
YEARBOOK = ROOT / "samples" / "004_a7506ae82e06fd0a.txt"
GUIZHOU = ROOT / "tests/data/corpus-more/11_guizhou_shichangzhuti_xingdongfangan.txt"


def c(s: str) -> str:
    return clean(Text.from_raw("t", s)).text


def test_fold_fullwidth_ascii_keeps_chinese_punctuation():
    assert c("黔府发〔２０２２〕８号，ＡＢｃ１") == "黔府发〔2022〕8号，ABc1"
    assert c("　　组　长：王清宪（省长）、《方案》；“一”。") == "  组 长：王清宪（省长）、《方案》；“一”。"


@pytest.mark.parametrize(
    "raw,want",
    [
        ("绍柯政发〔2022〕2 号", "绍柯政发〔2022〕2号"),
        ("黔府发〔２０２２〕８号", "黔府发〔2022〕8号"),
        ("绍市建设[2021] 1号", "绍市建设〔2021〕1号"),
        ("浙政办发（2021）59号", "浙政办发〔2021〕59号"),
        ("国发〔 2018 〕39 号", "国发〔2018〕39号"),
        ("黔府发\n〔2022〕8号", "黔府发〔2022〕8号"),
        ("               黔府发 〔\n                   ２０２２〕８ 号", "               黔府发〔2022〕8号"),
        ("（绍市委办发〔2020〕1 号）有关规定", "（绍市委办发〔2020〕1号）有关规定"),
    ],
)
def test_docnumbers(raw, want):
    assert c(raw) == want


def test_docnumber_does_not_swallow_preceding_words():
    # 001 table of contents: title, a space, the number, a tab, the page
    s = "关于公布 2021 年度武装工作先进单位和个人的通知 绍柯政发〔2022〕8 号\t(1)"
    assert c(s) == "关于公布2021年度武装工作先进单位和个人的通知 绍柯政发〔2022〕8号\t(1)"


def test_dates_and_digit_spaces():
    assert c("2022 年 5 月 29 日") == "2022年5月29日"
    assert c("暂停期限一般不超过 2 年，确需延长的") == "暂停期限一般不超过2年，确需延长的"
    assert c("到 ２０２５ 年,全省市场主体总量突破") == "到2025年,全省市场主体总量突破"


def test_wide_layout_gaps_kept():
    # a signature line: issuer and date far apart stay apart; names spaced by two spaces stay
    s = "绍兴市柯桥区人民政府          2022年2月18日\n袁  建\n王清宪 省长"
    assert c(s) == s


def test_letter_spacing_removed():
    s = "  现 将 «贵 州 省 培 育 壮 大 市 场 主 体 行 动 方 案»印发给你们"
    assert c(s) == "  现将《贵州省培育壮大市场主体行动方案》印发给你们"
    assert c("目 录") == "目 录"  # two characters: could be a real gap


def test_title_broken_across_lines_and_blank_line():
    s = "现将《柯桥区征收集体所有土地房屋\n\n补偿实施办法》印发给你们，请认真贯彻\n\n执行。"
    assert c(s) == "现将《柯桥区征收集体所有土地房屋补偿实施办法》印发给你们，请认真贯彻\n\n执行。"


def test_page_numbers_dropped():
    s = "规模以上服务业企业 1400 户;\n — ２ —\n规模以上工业企业\n第 3 页\n下一页\n- 12 -\n结束"
    assert c(s) == "规模以上服务业企业1400户;\n规模以上工业企业\n下一页\n结束"


def test_bare_item_numbers_kept_when_pages_are_marked():
    # Guizhou: "１" on its own line is an item number; its pages are numbered "— N —"
    text = clean(read(GUIZHOU)).text
    assert "— 1 —" not in text and "— 2 —" not in text
    assert "\n1\n" in text.replace(" ", "")


def test_form_feed_and_running_header_dropped():
    # pages of the 000 gazette's sentences, each with the gazette's name on top and a page number
    lines = [ln for ln in GAZETTE.read_text(encoding="utf-8").split("\n") if ln.endswith("。")][:15]
    pages = [
        f"柯桥区人民政府公报 2022年第{n}期\n" + "\n".join(lines[3 * n : 3 * n + 3]) + f"\n{n}"
        for n in range(5)
    ]
    text = c("\n\f\n".join(pages))
    assert "公报" not in text and "\f" not in text
    assert text.rstrip("\n").split("\n") == [c(ln) for ln in lines]


def test_repeated_signature_is_not_a_running_header():
    # no page structure in 000: its issuer lines (printed 4 times) must stay
    assert clean(read(GAZETTE)).text.count("绍兴市柯桥区人民政府\n") >= 2


def test_hard_wrapped_gazette_joined():
    text = clean(read(GAZETTE)).text
    assert "《中华人民共和国土地管理法》" in text
    assert "绍柯政发〔2022〕2号" in text
    assert "《柯桥区征收集体所有土地房屋补偿实施办法》" in text
    # a new item after a full-width line is not joined, a sentence end is not joined
    assert (
        "\n（二）自集体所有土地征收预公告发布之日起，属地镇（街道）应书面通知区自然资源分局、建设局" in text
    )
    assert "\n1．办理户口迁入、分户等手续；\n2．" in text


def test_wrap_width_detects_layout():
    assert wrap_width(GAZETTE.read_text(encoding="utf-8")) == 22
    assert wrap_width(GAZETTE_NATURAL.read_text(encoding="utf-8")) is None
    assert wrap_width(YEARBOOK.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("path", [GAZETTE_NATURAL, YEARBOOK], ids=lambda p: p.name[:3])
def test_natural_lines_unchanged(path):
    raw = path.read_text(encoding="utf-8")
    text = clean(read(path)).text
    # the lines stay the lines; only 《》 titles broken across a line are rejoined
    broken_titles = sum(1 for line in raw.split("\n") if line.count("《") > line.count("》"))
    assert raw.count("\n") - text.count("\n") <= 2 * broken_titles
    assert "".join(text.split()) == "".join(raw.split())


# characters a rule may replace: full-width forms, wide spaces, «», 文号 year brackets
REPLACEABLE = set("０１２３４５６７８９«»\u3000\u00a0\u2002\u2003\u2009[]【】(（)）［］")
REPLACEABLE |= {chr(c) for c in range(0xFF21, 0xFF3B)} | {chr(c) for c in range(0xFF41, 0xFF5B)}


def _check_offsets(t: Text, n: int = 300) -> int:
    assert len(t.offsets) == len(t.text) + 1
    assert list(t.offsets) == sorted(t.offsets)
    rng = random.Random(1)
    replaced = 0
    for _ in range(n):
        a = rng.randrange(len(t.text))
        b = min(len(t.text), a + rng.randrange(1, 40))
        for i in range(a, b):
            if t.raw[t.offsets[i]] != t.text[i]:
                replaced += 1
                # or a paragraph break put back (kg.reflow: for spaces, or before the next character)
                assert t.raw[t.offsets[i]] in REPLACEABLE or t.text[i] == "\n"
    return replaced


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_offsets_map_back_to_raw(path):
    _check_offsets(clean(read(path)))


def test_offsets_of_replaced_characters():
    t = clean(Text.from_raw("t", "黔府发 〔\n  ２０２２〕８ 号"))
    assert t.text == "黔府发〔2022〕8号"
    assert [t.raw[o] for o in t.offsets[:-1]] == list("黔府发〔２０２２〕８号")
    assert t.offsets[-1] == len(t.raw)
    assert t.evidence(0, len(t.text)).quote == t.raw


def test_long_single_line():
    # ~2.7 M characters on one line (a quadratic rule would not finish); an unclosed 《 each time
    s = "为规范征收集体所有土地房屋补偿工作，暂停期限一般不超过 2 年《中华人民共和国" * 70_000
    out = clean(Text.from_raw("t", s))
    assert out.text == s.replace(" ", "")
    assert len(out.offsets) == len(out.text) + 1


def test_number_line_dropped_into_a_title_is_removed():
    """11_guizhou: the item number ``１８`` landed on its own line inside 《贵州省优化营商环境条例》."""
    raw = "深入实施 «贵州省优化营商环\n  １８\n境条例»,持续深化"
    t = clean(Text.from_raw("x.txt", raw))
    assert "《贵州省优化营商环境条例》" in t.text
    i = t.text.index("境条例")
    assert t.raw[t.offsets[i]] == "境"


@pytest.mark.parametrize(
    "raw, want",
    [
        ("现 将 贵 州 省 通知。", "现将贵州省通知。"),
        ("绍柯政发 〔 2022 〕 2 号，浙政发[2021]1号", "绍柯政发〔2022〕2号，浙政发〔2021〕1号"),
        ("2022 年 5 月，共 12  项", "2022年5月，共12项"),
    ],
)
def test_inline_rules(raw, want):
    assert clean(Text.from_raw("t", raw)).text == want


def test_a_padded_two_character_name_is_no_letter_spacing():
    """A 河南-style 表彰 list and a 领导小组 member list: two-character names are padded to the width of
    three (``李 娜``), the unit or post follows after a space. The name stays apart from its unit."""
    raw = "先进个人名单\n王建国 城关镇人民政府\n李 娜 县财政局\n  副组长：张 伟 县人力资源和社会保障局局长"
    assert c(raw) == raw
    # letter-spacing still joins: three or more characters alone, also before a word (省 通知)
    assert c("  关 于 表 彰 先 进 的 通 知") == "  关于表彰先进的通知"
    assert c("现 将 河 南 省 通知如下") == "现将河南省通知如下"


def test_a_padded_name_after_an_entry_run_on_by_a_crawl_stays_apart():
    """A 湖南-style 表彰 list a crawl ran onto one line: the padded name ``刘 洋`` is glued to the unit of
    the entry before it, which is no word of the name. It stays apart from its unit; a spaced run glued
    to an ordinary word before it still joins."""
    assert c("王志刚 县财政局刘 洋 县教育局") == "王志刚 县财政局刘 洋 县教育局"
    assert c("为做好工作现 将 有 关 事项通知如下") == "为做好工作现将有关事项通知如下"


def test_a_word_glued_only_by_a_wrapped_line_joins_the_spacing():
    """A 广东-style plan whose PDF text is spaced in places: the spaced run ``加 强 与`` ends a hard-wrapped
    line and its word goes on in the next one (``港澳…``). Joined by the line-wrap rule, the run is
    letter-spacing, not a padded name."""
    body = (
        "深入推进粤港澳大湾区建设，围绕先进制造业和现代服务业开展全产业链招商，"
        "加快引进一批产业链标杆企业和标志性项目，积极开展央企和大型民营企业招商，"
        "鼓励其在省内设立地区总部、功能总部、分支机构和制造基地，突出园区产业首位度，"
        "以先进制造业和生产性服务业项目为重点，引进一批补链强链延链项目，"
        "建立产业招商优惠政策刚性兑付机制，"
    ) * 2
    lines = [body[i : i + 20] for i in range(0, 200, 20)]
    raw = "\n".join(
        [*lines[:5], lines[5][:14] + "，加 强 与", "港澳地区的产业合作，引导外资投向新能源和新材", *lines[6:]]
    )
    assert "，加强与港澳地区" in c(raw)
    assert "，加 强 与港澳" in c(raw.replace("加 强 与\n港澳", "加 强 与港澳\n"))  # glued in the source


def test_a_double_spaced_copy_of_wrapped_lines_is_joined_like_the_single_spaced():
    body = [
        "为推进全省农村公路建设，进一步改善农村群众出行条",
        "件，提升农村公路服务水平，经省政府同意，现就有关",
        "事项通知如下。",
        "湘交发〔2023〕6号",
        "一、加强规划引领。各市州要结合实际编制农村公路",
        "发展规划，明确建设目标和重点任务，统筹推进项目",
        "建设。",
        "张明华",
    ] * 3
    single = clean(Text.from_raw("a.txt", "\n".join(body) + "\n")).text
    double = clean(Text.from_raw("b.txt", "\n\n".join(body) + "\n")).text
    assert [ln for ln in double.split("\n") if ln] == [ln for ln in single.split("\n") if ln]
    assert "现就有关事项通知如下。" in double
    assert "\n湘交发〔2023〕6号" in double and "\n张明华" in double  # a 文号, a name: not run on


def test_a_wrapped_line_does_not_run_on_into_a_number_line_but_a_wrapped_citation_joins():
    filler = [
        "为推进全省农村公路建设，进一步改善农村群众出行条",
        "件，提升农村公路服务水平，经省政府同意，现就有关",
    ] * 6
    raw = (
        "\n".join([*filler, "（二）养护资金应当遵循“专款专用、分级负责”原则", "湘交发〔2023〕6号", *filler])
        + "\n"
    )
    out = clean(Text.from_raw("a.txt", raw)).text
    assert "\n湘交发〔2023〕6号\n" in out
    cited = (
        "\n".join(
            [*filler, "（二）按照《湖南省农村公路条例》（湘人常〔202", "3〕6号）有关规定执行。", *filler]
        )
        + "\n"
    )
    assert "（湘人常〔2023〕6号）有关规定执行。" in clean(Text.from_raw("b.txt", cited)).text


def test_text_wrapped_at_a_count_of_characters_is_joined():
    # wrapped every 20 characters, digits among them in varying numbers (printed half as wide, so the
    # printed widths show no mode): the counts of characters find the wrap
    chunks = ["河" * (20 - 2 * j) + "12" * j for j in range(10)]
    paras = ["".join(chunks[k:] + chunks[:k]) + "。" for k in range(3)]
    wrapped = "\n".join(p[i : i + 20] for p in paras for i in range(0, len(p), 20)) + "\n"
    t = clean(Text.from_raw("t", wrapped))
    assert t.text.split("\n")[:3] == paras


def test_a_line_wrapped_into_a_table_row_is_joined_but_a_row_ends_where_it_ends():
    row = "关于印发河北省耕地保护实施方案和永久基本农田保护办法的通" + "知\t(1)"
    lines = [row] * 12
    lines[3:4] = [row[:28], row[28:]]
    t = clean(Text.from_raw("t", "\n".join(lines) + "\n"))
    assert t.text.split("\n")[:5] == [row] * 5


def _wrap(text: str, width: int = 26) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


_CRAWL = (
    "当前位置：首页政务公开 关于印发成都市优化营商环境行动方案的通知 时间：2023-05-06 分享到 微信 微博 QQ空间 "
    "成办发〔2023〕18号 各区（市）县人民政府，市政府各部门：现将《成都市优化营商环境行动方案》印发给你们，"
    "请结合实际认真贯彻落实。 成都市人民政府办公厅 2023年5月4日 成都市优化营商环境行动方案 "
    "为深入贯彻落实省委省政府决策部署，持续优化营商环境，激发市场主体活力，结合我市实际，制定本方案。"
    "一、总体要求。坚持问题导向，统筹推进各项工作，确保各项措施落地见效，不断提升企业群众满意度。"
    "二、重点任务。各区（市）县要建立工作机制，明确责任分工，统筹安排资金，加大政策支持力度。"
)


def test_a_wrapped_line_whose_page_chrome_was_set_aside_is_measured_as_printed():
    from kg.layout import layout

    pad = (-_CRAWL.index("发〔2023〕")) % 26  # the wrap falls inside the 文号, after the chrome
    raw = _wrap("文" * pad + _CRAWL)
    assert "成办\n发〔2023〕" in raw
    body, _ = layout(Text.from_raw("t.txt", raw))
    text = clean(body).text
    assert "成办发〔2023〕18号" in text  # the chrome shortened its line, yet the wrap is joined
    assert "成都市人民政府办公厅2023年5月4日" in text.replace(" ", "").replace("\n", "")


def test_an_indented_line_or_a_page_number_after_a_full_line_is_not_run_on():
    lines = _wrap(_CRAWL.replace(" ", "")).split("\n")
    lines.insert(4, " ７")  # a page number on its own line
    lines.insert(8, "  二、保障措施")  # a paragraph indented by two spaces
    text = clean(Text.from_raw("t.txt", "\n".join(lines))).text.split("\n")
    assert "7" in [ln.strip() for ln in text]
    assert "二、保障措施" in [ln.strip() for ln in text]


def test_a_markdown_heading_is_measured_without_its_marks():
    # the heading is three characters short of the wrap width (a full line as printed with its marks); its '# ' is markup, not text,
    # so the heading is not taken for a full wrapped line and run on into the paragraph under it
    from kg.layout import layout

    body = "为加强农村公路养护管理，保障农村公路安全畅通，根据有关法律法规，结合本县实际，制定本办法。" * 12
    heading = "湘潭县农村公路养护管理办法实施细则"  # 17 characters, the page wraps at 20
    raw = "# " + heading + "\n\n" + "\n\n".join(body[i : i + 20] for i in range(0, len(body), 20)) + "\n"
    text = clean(layout(Text.from_raw("t.md", raw))[0]).text
    assert heading in [ln.strip() for ln in text.split("\n")]
