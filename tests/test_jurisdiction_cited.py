"""The publication's jurisdiction is never the issuer of a document it cites: an excerpt that opens on
its body (根据《X市人民政府关于…》…，结合Y区实际) belongs to the place it names as its own."""

from __future__ import annotations

from kg.divisions import jurisdiction_of


def test_a_cited_city_document_does_not_make_a_district_text_the_citys():
    head = (
        "为加快推进项目建设，根据《杭州市人民政府关于印发杭州市稳经济若干政策措施的通知》（杭政〔2022〕20号），"
        "结合萧山区实际，制定如下措施。\n一、优化审批\n1.精简审批手续。（区发改局牵头，区住建局配合）\n"
        "编制完成萧山区三年滚动投资计划。\n"
    )
    j = jurisdiction_of(head, [], whole=head)
    assert j is not None and j.name.endswith("萧山区") and j.level == "county"


def test_a_line_that_is_one_bracketed_gazette_title_still_names_its_government():
    j = jurisdiction_of("《宁波市人民政府公报》\n2023年第5期\n", [])
    assert j is not None and j.name == "宁波市"


def test_an_organ_of_an_unnamed_city_is_that_citys_not_every_citys():
    from kg.resolve.org_identity import identify

    got = identify("市行政审批服务局", None)
    assert (got.canonical, got.kind, got.level) == ("市行政审批服务局", "department", "prefecture")
    assert identify("县政府办公室", None).canonical == "县人民政府办公室"


def test_in_a_national_text_a_bare_level_organ_is_still_every_citys():
    from kg.models import Jurisdiction
    from kg.resolve.org_identity import identify

    got = identify("市行政审批服务局", Jurisdiction(chain=(), level="national"))
    assert got.kind == "collective" and got.canonical.startswith("各市")


def test_a_city_organ_whose_name_opens_with_zheng_is_the_citys_and_shizheng_stays_a_word():
    from kg.models import Jurisdiction
    from kg.resolve.org_identity import identify

    w = Jurisdiction(chain=("江西省", "赣州市"), level="prefecture")
    assert identify("市政务服务中心", w).canonical == "赣州市政务服务中心"
    assert identify("市政策研究室", w).canonical == "赣州市政策研究室"
    assert identify("市政公用局", w).canonical == "赣州市市政公用局"


def test_a_congress_named_with_its_term_is_the_one_congress():
    from kg.models import Jurisdiction
    from kg.resolve.org_identity import identify

    w = Jurisdiction(chain=("江西省", "赣州市", "赣州市南康区"), level="county")
    a = identify("区十八届人民代表大会", w)
    b = identify("区人民代表大会", w)
    assert a.key == b.key and "届" not in a.canonical
    assert identify("区第五届人大常委会", w).key == identify("区人大常委会", w).key


def test_places_named_only_in_cited_titles_do_not_outnumber_the_texts_own():
    head = (
        "一、目标任务\n按照《绍兴市人民政府关于印发绍兴市数字经济发展规划的通知》和《绍兴市数字经济促进条例》要求，"
        "推动《绍兴市“十四五”数字经济发展规划》落地，在上虞区建成数字经济示范区。\n"
    )
    j = jurisdiction_of(head, [], whole=head)
    assert j is not None and j.name.endswith("上虞区")


def test_a_join_verb_after_a_name_is_no_place_and_a_cited_title_is_the_last_resort():
    head = (
        "【督查督办】按照《宿松县人民政府工作规则》（松政〔2023〕5号）要求，县政府督查室开展督查。\n"
        "【应急管理】县应急管理局会同县消防救援大队开展检查。\n"
    )
    j = jurisdiction_of(head, [], whole=head)
    assert j is not None and j.name.endswith("宿松县")  # not 湖南's 会同县


def test_a_place_printed_after_a_name_without_a_verb_still_counts():
    head = "【概况】全年接待游客120万人次。会同县文旅局组织开展活动。会同县图书馆新增藏书。\n"
    j = jurisdiction_of(head, [], whole=head)
    assert j is not None and j.name.endswith("会同县")
