"""Joint issuers printed without a separator are two organisations; a joint body named by a bare
level (省纪委省监委) is one (kg/extract/org_mentions/joint.py)."""

from __future__ import annotations

from kg.extract.org_mentions import find_orgs


def _names(text: str) -> list[str]:
    return [m.name for m in find_orgs(text)]


def test_glued_full_names_are_two_issuers():
    # a 江西 joint notice's opening line, and a 中办国办 transmittal cited in a 广西 plan
    assert _names("中共江西省委江西省人民政府印发《关于推进乡村全面振兴的实施意见》的通知") == [
        "中共江西省委",
        "江西省人民政府",
    ]
    assert _names("中共南宁市委办公室南宁市人民政府办公室关于印发方案的通知") == [
        "中共南宁市委办公室",
        "南宁市人民政府办公室",
    ]
    got = find_orgs("根据中共中央办公厅国务院办公厅有关要求")
    assert [(m.name, m.start, m.end) for m in got] == [("中共中央办公厅", 2, 9), ("国务院办公厅", 9, 15)]


def test_a_joint_body_named_by_a_bare_level_stays_one():
    assert _names("由市纪委市监委负责监督。") == ["市纪委市监委"]
    assert _names("中共江西省委宣传部负责宣传。") == ["中共江西省委宣传部"]


def test_a_branch_named_after_its_parent_stays_one():
    # 国家区域医疗中心 style: a provincial branch of a national hospital
    assert _names("由四川大学华西医院云南医院负责培训。") == ["四川大学华西医院云南医院"]


def test_glued_national_organs_are_two_issuers():
    # a 部委 joint notice's title line once its spaces are squeezed
    assert _names("农业农村部财政部关于做好2025年农业生产发展工作的通知") == ["农业农村部", "财政部"]
    assert _names("国家发展改革委财政部联合印发") == ["国家发展改革委", "财政部"]
    assert _names("财政部办公厅关于开展检查的通知") == ["财政部办公厅"]


def test_a_name_never_starts_inside_a_date():
    assert "月底前报农业农村部" not in _names("于2025年5月底前报农业农村部、财政部备案。")


def test_a_national_organs_branch_at_a_place_stays_one():
    assert _names("由中国人民银行兰州中心支行负责") == ["中国人民银行兰州中心支行"]
    assert _names("国家外汇管理局甘肃省分局、甘肃省商务厅负责") == [
        "国家外汇管理局甘肃省分局",
        "甘肃省商务厅",
    ]
