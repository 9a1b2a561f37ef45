"""文号 finding, normalising and issuer-code decoding on snippets from the sample publications."""

from pathlib import Path

import pytest

from kg.docnumber import decode, find_numbers, normalise_number, parse_number
from kg.models import DocNumber

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "samples"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("绍柯政发〔2022〕2 号", "绍柯政发〔2022〕2号"),
        ("绍市建设[2021]1号", "绍市建设〔2021〕1号"),
        ("国办〔2021〕22号", "国办〔2021〕22号"),
        ("浙残工委〔2021〕7号", "浙残工委〔2021〕7号"),
        ("国办函（2020）5号", "国办函〔2020〕5号"),
        ("中办发【2019】3号", "中办发〔2019〕3号"),
        ("皖政办秘［2021］82号", "皖政办秘〔2021〕82号"),
        ("黔府发 〔\n                   ２０２２〕８ 号", "黔府发〔2022〕8号"),
        ("(国 发 〔\n              ２０２２〕２ 号)", "国发〔2022〕2号"),
        ("包府办发( 2022 )43号", "包府办发〔2022〕43号"),
    ],
)
def test_normalise(printed, expected):
    assert normalise_number(printed) == expected


def test_parse_fields():
    assert parse_number("（财库〔2020〕31号）") == DocNumber("财库", 2020, "31")
    assert parse_number("2022年5月22日") is None
    assert normalise_number("第2022号") is None


def test_words_before_code_are_cut():
    # 发文目录 rows of the 柯桥区 gazette: title, then the number (spaces removed by clean)
    found = find_numbers("关于公布柯桥区第二批无障碍建设先行区工作实施方案的通知绍柯政办发〔2022〕12号")
    assert [n for _, _, n in found] == ["绍柯政办发〔2022〕12号"]
    text = "根据绍市建设〔2021〕1号文件"
    ((start, end, number),) = find_numbers(text)
    assert text[start:end] == "绍市建设〔2021〕1号" and number == "绍市建设〔2021〕1号"


def test_find_numbers_in_gazette():
    raw = (SAMPLES / "001_baa82a02c22cd2c2.txt").read_text(encoding="utf-8")
    numbers = {n for _, _, n in find_numbers(raw)}
    assert {"浙委发〔2021〕17号", "国办〔2021〕22号", "绍政办发〔2021〕3号", "财库〔2020〕31号"} <= numbers
    assert all(n.endswith("号") and " " not in n for n in numbers)


def test_decode():
    assert decode("绍柯政办发") == ("绍兴市柯桥区人民政府办公室", "county")
    assert decode("国办") == ("国务院办公厅", "national")
    assert decode("黔府发") == ("贵州省人民政府", "provincial")
    assert decode("浙政办函") == ("浙江省人民政府办公厅", "provincial")  # regular pattern, not listed
    assert decode("皖政办秘") == ("安徽省人民政府办公厅", "provincial")
    assert decode("发改投资")[0] == "国家发展和改革委员会"
    assert decode("嵊政办发") == ("嵊州市人民政府办公室", "county")
    assert decode("宁政发") is None  # 宁夏 or 南京: ambiguous, left to the caller
    assert decode("绍市建设") is None


@pytest.mark.parametrize(
    "text",
    [
        "x〔2021〕号政发〔2022〕5号",
        "政发〔2021〕号 浙政办发〔2022〕 5 号",
        "〔2021〕3号",
        "浙政发[2021]1号和2号",
    ],
)
def test_number_search_matches_the_regex_everywhere(text):
    from kg.docnumber import NUMBER_RE, _number_matches

    assert [m.span() for m in _number_matches(text)] == [m.span() for m in NUMBER_RE.finditer(text)]


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("国务院令第722号", "国务院令第722号"),
        ("中华人民共和国国务院令 第 711 号", "国务院令第711号"),
        ("河南省人民政府令第１７８号", "河南省人民政府令第178号"),
        ("交通运输部令2016年第55号", "交通运输部令2016年第55号"),
        ("国务院令", None),
        ("国发〔2020〕1号", None),
        ("第722号", None),
    ],
)
def test_decree_numbers(printed, expected):
    from kg.docnumber import normalise_decree

    assert normalise_decree(printed) == expected


def test_decree_organ():
    from kg.docnumber import decree_organ

    assert decree_organ("国务院令第722号") == "国务院"
    assert decree_organ("交通运输部令2016年第55号") == "交通运输部"
    assert decree_organ("国发〔2020〕1号") is None


def test_code_words_come_from_the_table():
    """kg/data/doc_number_words.tsv: the kind suffixes of one organ's series and the words a code never
    continues past (四川-style codes)."""
    from kg import data

    assert {k for k, _ in data.rows("doc_number_words.tsv")} == {"stem", "organ", "cut"}
    assert decode("国办函") == decode("国办发")  # a kind suffix of a known series
    assert decode("国办秘") is not None and decode("国办秘") == decode("国办发")
    [(_, _, number)] = find_numbers("关于印发实施方案的通知川府发〔2021〕9号")
    assert number == "川府发〔2021〕9号"  # cut after 通知
