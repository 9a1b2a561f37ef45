"""Citation finding on snippets and whole files of the sample publications."""

from pathlib import Path

from kg.doctypes import doc_type, is_gongwen
from kg.extract.citations import find_citations
from kg.titles import clean_title, law_aliases, title_key

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "samples"
MORE = HERE / "data" / "corpus-more"


def _pairs(text, self_title=None):
    return [(c.title, c.number, c.relation) for c in find_citations(text, self_title)]


def test_title_with_number_is_one_citation():
    text = (
        "根据《国务院办公厅关于加快发展保障性租赁住房的意见》（国办〔2021〕22号）、《浙江省人民政府办公厅"
        "关于加快发展保障性租赁住房的指导意见》（浙政办发〔2021〕59号）精神，结合柯桥区实际，制定本方案。"
    )
    assert _pairs(text) == [
        ("国务院办公厅关于加快发展保障性租赁住房的意见", "国办〔2021〕22号", "basis"),
        ("浙江省人民政府办公厅关于加快发展保障性租赁住房的指导意见", "浙政办发〔2021〕59号", "basis"),
    ]


def test_several_numbers_in_one_bracket():
    text = "根据《关于甲的通知》、《关于乙的意见》（国发〔2020〕1号、国办发〔2021〕2号）精神"
    assert [(t, n) for t, n, _ in _pairs(text)] == [
        ("关于甲的通知", "国发〔2020〕1号"),
        ("关于乙的意见", "国办发〔2021〕2号"),
    ]


def test_nested_and_stray_bracket_kept_as_printed():
    text = (
        "《关于印发〈关于加快推进绿色建筑和新型建筑工业化发展的实施意见〉实施细则》的通知》"
        "（绍市建设〔2021〕1号）等"
    )
    ((title, number, _),) = _pairs(text)
    assert title == "关于印发〈关于加快推进绿色建筑和新型建筑工业化发展的实施意见〉实施细则》的通知"
    assert number == "绍市建设〔2021〕1号"


def test_hard_wrapped_law_and_its_implementing_rules():
    text = (
        "根据《中华人民共和国土地管\n理法》及其实施条例、《中华人民共和国民法典》\n"
        "《浙江省土地管理\n条例》和上级部门相关文件"
    )
    assert [t for t, _, _ in _pairs(text)] == [
        "中华人民共和国土地管理法",
        "中华人民共和国土地管理法实施条例",
        "中华人民共和国民法典",
        "浙江省土地管理条例",
    ]
    assert {r for _, _, r in _pairs(text)} == {"basis"}


def test_obligation_cue_is_a_mention():
    text = "镇（街道）应当依照《绍兴市重大决策社会风险评估实施细则》（绍市委办发〔2020〕1 号）有关规定开展"
    assert _pairs(text) == [("绍兴市重大决策社会风险评估实施细则", "绍市委办发〔2020〕1号", "mentions")]


def test_back_references():
    text = (
        "根据《国务院关于甲的意见》（国发〔2020〕1号）精神，制定本方案。"
        "《意见》要求各地落实。本《方案》自印发之日起施行。"
    )
    found = _pairs(text, self_title="柯桥区甲实施方案")
    assert [t for t, _, _ in found] == ["国务院关于甲的意见", "国务院关于甲的意见"]
    # without an earlier 方案, 《方案》 in the plan's own text is the plan itself
    assert _pairs("《方案》由区政府负责解释。", self_title="柯桥区甲实施方案") == []
    # unresolved and not the document itself: kept as printed (yearbook: 市委的《决定》)
    assert _pairs("全会报告及市委的《决定》高屋建瓴") == [("决定", None, "mentions")]


def test_non_citations():
    text = (
        "组织学习《中国共产党简史》《论中国共产党历史》《习近平新时代中国特色社会主义思想学习问答》等重要文献书籍。"
        "编发《政务督查》14 期、《督查通报》11 期、《批示专报》38 期。越剧《袁雪芬》、歌曲《我们村嫂》获奖。"
        "形成《对标共同富裕，加快推动夏履跨域发展》等一系列调研报告。编辑：《柯桥区人民政府公报》编辑室。"
        "《绍兴日报》报道。在办理《商品房预售许可证》时。签订《嵊州大厦整体移交使用协议》。"
    )
    assert _pairs(text) == []
    # …but a law studied at a meeting is a citation
    assert _pairs("会前集体学习《中华人民共和国社会保险法》。") == [
        ("中华人民共和国社会保险法", None, "mentions")
    ]


def test_bare_numbers():
    assert _pairs("按照绍市建设〔2021〕1号文件要求执行。") == [(None, "绍市建设〔2021〕1号", "basis")]
    # header lines and directory rows are not citations
    assert _pairs("绍兴市柯桥区人民政府文件\n绍柯政发〔2022〕2 号\n") == []
    assert _pairs("（皖政办秘〔2021〕82号）\n") == []
    assert _pairs("关于公布…实施意见 绍柯政办发〔2022〕14 号\t(10)关于印发") == []


def test_guizhou_letter_spaced_title():
    raw = (MORE / "11_guizhou_shichangzhuti_xingdongfangan.txt").read_text(encoding="utf-8")
    found = find_citations(raw)
    keys = {(title_key(c.title), c.number) for c in found}
    assert (title_key("国务院关于支持贵州在新时代西部大开发上闯新路的意见"), "国发〔2022〕2号") in keys
    assert title_key("贵州省培育壮大市场主体行动方案(2022—2025年)") in {k for k, _ in keys}
    assert title_key("贵州省优化营商环境条例") in {k for k, _ in keys}  # a page number inside is dropped


def test_whole_gazette_has_no_bulletins():
    raw = (SAMPLES / "001_baa82a02c22cd2c2.txt").read_text(encoding="utf-8")
    titles = {c.title for c in find_citations(raw)}
    assert "柯桥区加快发展保障性租赁住房实施方案" in titles
    assert not titles & {"政务督查", "中国共产党简史", "柯桥区人民政府公报", "商品房预售许可证"}


def test_doc_types():
    assert doc_type("绍兴市柯桥区人民政府办公室关于印发柯桥区加快发展保障性租赁住房实施方案的通知") == "通知"
    assert doc_type("关于加快推进绿色建筑和新型建筑工业化发展的实施意见") == "意见"
    assert doc_type("贵州省培育壮大市场主体行动方案（2022—2025年）") == "方案"
    assert doc_type("嵊州市民办培训学校管理办法(试行)") == "办法"
    assert doc_type("越剧袁雪芬") is None
    assert is_gongwen("纪要") and not is_gongwen("方案")


def test_title_keys_and_law_aliases():
    assert clean_title("关于公布浙江省新增综合行\n政执法事项统一目录 ( 2021 年 ) 的通知") == (
        "关于公布浙江省新增综合行政执法事项统一目录(2021年)的通知"
    )
    assert clean_title("中共浙江省委 浙江省人民政府关于印发〈X〉的通知").count(" ") == 1
    assert title_key("《行动计划（2021—2023年）》") == title_key("行动计划(2021-2023年)")
    assert law_aliases("中华人民共和国土地管理法") & law_aliases("土地管理法")
    assert law_aliases("浙江省土地管理条例") == {"浙江省土地管理条例"}
    assert not law_aliases("浙江省土地管理条例") & law_aliases("土地管理条例")


def test_regulation_cited_with_its_decree_number():
    text = (
        "为深入贯彻《优化营商环境条例》（国务院令第722号）和《政府信息公开条例》"
        "（中华人民共和国国务院令 第711号），依据《道路运输车辆动态监督管理办法》（交通运输部令2016年第55号），"
        "参照《某某办法》（试行），"
    )
    got = [(c.title, c.number) for c in find_citations(text)]
    assert got == [
        ("优化营商环境条例", "国务院令第722号"),
        ("政府信息公开条例", "国务院令第711号"),
        ("道路运输车辆动态监督管理办法", "交通运输部令2016年第55号"),
        ("某某办法", None),
    ]


def test_cue_words_come_from_the_table():
    """kg/data/citation_cues.tsv drives the basis relation and bare 文号 (四川-style sentences)."""
    from kg import data

    kinds = {k for k, _ in data.rows("citation_cues.tsv")}
    assert kinds == {"basis", "bare_before", "bare_after"}
    [c] = find_citations("依照《四川省安全生产条例》，各县（市、区）要落实责任。")
    assert c.relation == "basis"
    [c] = find_citations("可参照《四川省安全生产条例》办理。")  # 参照 is no basis cue
    assert c.relation == "mentions"
    [c] = find_citations("经研究，川府发〔2021〕9号精神要全面贯彻。")  # bare_after: 精神
    assert c.number == "川府发〔2021〕9号"
    assert find_citations("截至目前，川府发〔2021〕9号已下发各地。") == []  # no cue either side


def test_international_agreement_is_a_citation():
    # an agreement is a document of its kind (缔结条约程序法 第二条), cited like a law
    text = "为贯彻落实《中华人民共和国政府和新西兰政府自由贸易协定》，制定本方案。"
    assert _pairs(text) == [("中华人民共和国政府和新西兰政府自由贸易协定", None, "basis")]
    # …a contract signed with a company is not
    assert _pairs("与企业签订《战略合作框架协议》。") == []
