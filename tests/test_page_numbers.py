"""One page-number grammar (kg/page_numbers.py) for lines of their own, run-on bodies and names."""

from kg import page_numbers as P


def test_a_line_of_its_own_in_every_printed_form():
    for line in ("— 2 —", "－3－", "― 12 ―", "第 3 页", "第3页，共10页", " 4/12 "):
        assert P.LINE_RE.fullmatch(line), line
    for line in ("第3条", "2023", "3.5", "共10页"):
        assert not P.LINE_RE.fullmatch(line), line


def test_inside_a_run_on_body_only_as_printed():
    body = "各县（区）人民政府要抓好落实。─ 5 ─ 二、工作措施"
    assert [m.group().strip() for m in P.IN_BODY_RE.finditer(body)] == ["─ 5 ─"]
    assert not P.IN_BODY_RE.search("比上年增长-2-3个百分点")


def test_inside_a_name_digits_that_count_nothing():
    name = "《甘肃省优化营商环18境条例》"
    assert [m.group("n") for m in P.IN_NAME_RE.finditer(name)] == ["18"]
    for counted in ("《关于印发第3批试点名单的通知》", "《实施方案（2021年修订）》", "《5个专项行动计划》"):
        assert not P.IN_NAME_RE.search(counted), counted
