"""split_units on printed unit lists from the sample publications."""

from kg.names import split_units


def names(s: str) -> list[str]:
    return [u.name for u in split_units(s)]


def test_prefix_distributed_over_list():
    assert names("区自然资源分局、建设局、农业农村局") == ["区自然资源分局", "区建设局", "区农业农村局"]


def test_etc_tail_stripped():
    assert names("区建设局、财政局等部门") == ["区建设局", "区财政局"]


def test_bare_prefixes_take_the_next_body():
    assert names("省、市有关部门") == ["省有关部门", "市有关部门"]


def test_brackets_stay_inside_one_unit():
    assert names("各镇〔街道、开发区〕") == ["各镇（街道、开发区）"]
    assert names("各镇（街道、开发区）、区建设局") == ["各镇（街道、开发区）", "区建设局"]


def test_national_list_without_prefix_and_conjunction_inside_names():
    assert names("财政部、工业和信息化部、人民银行、银保监会") == [
        "财政部",
        "工业和信息化部",
        "人民银行",
        "银保监会",
    ]


def test_conjunction_between_units_splits():
    s = "区自然资源分局、建设局、司法局、人力社保局等部门和属地镇（街道）"
    assert names(s)[-2:] == ["区人力社保局", "属地镇（街道）"]


def test_place_prefixed_member_keeps_its_own_prefix():
    s = "省经济和信息化厅、人行合肥中心支行、安徽银保监局、地方金融监管局，各市人民政府"
    assert names(s) == [
        "省经济和信息化厅",
        "人行合肥中心支行",
        "安徽银保监局",
        "省地方金融监管局",
        "各市人民政府",
    ]


def test_offsets_and_table_cell_line_breaks():
    units = split_units("区市场监管局 区综合执\n法局", offset=10)
    assert [u.name for u in units] == ["区市场监管局", "区综合执法局"]
    assert (units[1].start, units[1].end) == (17, 24)


def test_market_is_not_a_prefix():
    assert names("市场监管局、财政局") == ["市场监管局", "财政局"]


def test_armed_police_takes_no_list_prefix():
    # 贵州 11 抄送 line, printed with 、
    assert [u.name for u in split_units("省军区、武警贵州省总队")] == ["省军区", "武警贵州省总队"]
