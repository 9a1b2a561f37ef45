"""Government web pages as people copy them: a metadata table pasted as text (cells separated by
spaces, no colons), the page's byline, a title printed whole in 《》 after its 文号 and the 文号
printed twice, and a 印发 notice whose transmitted title quotes another document."""

from __future__ import annotations

from kg.clean import clean
from kg.layout import layout
from kg.models import Text
from kg.segment import segment
from kg.segment.blocks import _unquoted
from kg.segment.lines import _transmitted


def _docs(raw: str) -> list:
    body, header = layout(Text.from_raw("t.txt", raw))
    return [s for s in segment(clean(body), header) if s.kind == "document"]


def _header(raw: str) -> dict[str, str]:
    return {f.key: f.value for f in layout(Text.from_raw("t.txt", raw))[1].fields}


PAGE = (
    "县人民政府办公室关于印发2024年县《政府工作报告》重点任务分工方案的通知\n\n"
    "2024-02-20 09:30 县人民政府办公室\n"
    "索 引 号 11530000/2024-00031 发文日期 2024-02-18\n"
    "发布机构 县人民政府办公室 文    号 宜政办发〔2024〕5号\n"
    "分   类 政务公开 有 效 性 有效\n\n"
    "各乡镇人民政府，县人民政府各部门：\n\n"
    "《2024年县〈政府工作报告〉重点任务分工方案》已经县人民政府同意，现印发给你们，请认真贯彻执行。\n\n"
    "宜良县人民政府办公室\n\n2024年2月18日\n\n\n"
    "2024年县《政府工作报告》重点任务分工方案\n\n"
    "一、主要预期目标\n\n（一）地区生产总值增长6%左右\n\n责任单位：县发展和改革局\n"
)


def test_a_metadata_table_pasted_without_colons_gives_its_fields():
    fields = _header(PAGE)
    assert fields["文号"] == "宜政办发〔2024〕5号"
    assert fields["发布机构"] == "县人民政府办公室"
    assert fields["发文日期"] == "2024-02-18"
    assert fields["有效性"] == "有效"


def test_one_key_word_opening_a_body_line_is_no_metadata():
    raw = "关于推进政务公开的通知\n\n分类推进政务公开，各单位要按照有关要求抓好落实。\n标题 要准确\n"
    assert _header(raw) == {}


def test_the_page_notice_takes_its_number_from_the_table_and_transmits_its_plan():
    notice, plan = _docs(PAGE)
    assert notice.number == "宜政办发〔2024〕5号" and notice.date == "2024-02-18"
    assert plan.title == "2024年县《政府工作报告》重点任务分工方案" and plan.part_of == 0
    assert "县发展和改革局" in plan.text.text and "县发展和改革局" not in notice.text.text


def test_a_page_byline_goes_but_a_sentence_opening_on_a_date_and_time_stays():
    body, _ = layout(Text.from_raw("t.txt", "标题\n2024-02-20 09:30 县人民政府办公室\n正文\n"))
    assert "09:30" not in body.text
    kept = "2024-02-20 09:30前报送县人民政府办公室\n"
    body, _ = layout(Text.from_raw("t.txt", "标题\n" + kept))
    assert kept.strip() in body.text


def test_a_transmitted_title_quoting_another_document_is_one_title():
    assert _transmitted("市人民政府关于印发2023年市《政府工作报告》目标任务分解方案的通知") == [
        "2023年市《政府工作报告》目标任务分解方案"
    ]
    assert _transmitted("关于印发《甲市防汛预案》和《甲市抗旱预案》的通知") == [
        "甲市防汛预案",
        "甲市抗旱预案",
    ]
    assert _transmitted("关于印发《乙县河长制考核办法》等三个文件的通知") == ["乙县河长制考核办法"]


def test_a_title_printed_in_brackets_after_its_number_and_the_number_printed_twice():
    raw = (
        "辽政办发〔2019〕12号《辽宁省人民政府办公厅关于印发〈辽宁省营商环境建设工作要点〉的通知》\n"
        "《辽宁省人民政府办公厅关于印发〈辽宁省营商环境建设工作要点〉的通知》\n"
        "辽政办发〔2019〕12号\n辽政办发〔2019〕12号\n"
        "各市人民政府，省政府各厅委、各直属机构：\n"
        "《辽宁省营商环境建设工作要点》已经省政府同意，现印发给你们，请认真贯彻落实。\n"
        "辽宁省人民政府办公厅\n2019年4月2日\n"
        "一、优化政务服务\n"
    )
    notice = _docs(raw)[0]
    assert notice.title == "辽宁省人民政府办公厅关于印发〈辽宁省营商环境建设工作要点〉的通知"
    assert (notice.number, notice.date) == ("辽政办发〔2019〕12号", "2019-04-02")


def test_two_quoted_titles_side_by_side_are_not_one_title_in_brackets():
    assert _unquoted("《甲县防汛预案》和《甲县抗旱预案》") == "《甲县防汛预案》和《甲县抗旱预案》"
    assert _unquoted("《甲县关于印发《防汛预案》的通知》") == "甲县关于印发《防汛预案》的通知"


def test_a_transmitted_title_printed_over_two_lines_with_a_de_the_notice_leaves_out():
    raw = (
        "冀政办字〔2018〕45号\n河北省人民政府办公厅印发关于促进我省开发区改革和创新发展实施方案的通知\n"
        "各市（含定州、辛集市）人民政府，省政府各部门：\n"
        "《关于促进我省开发区改革和创新发展的实施方案》已经省政府同意，现印发给你们。\n"
        "河北省人民政府办公厅\n2018年3月12日\n"
        "关于促进我省开发区改革和\n创新发展的实施方案\n"
        "一、总体要求\n（一）推进整合。（省商务厅牵头）\n"
    )
    notice, plan = _docs(raw)
    assert plan.title == "关于促进我省开发区改革和创新发展的实施方案" and plan.part_of == 0
    assert "省商务厅牵头" in plan.text.text


def test_a_title_line_that_differs_beyond_a_de_is_not_grown_into_the_transmitted_title():
    raw = (
        "冀政办字〔2018〕46号\n河北省人民政府办公厅印发关于促进我省开发区改革和创新发展实施方案的通知\n"
        "各市人民政府：\n现印发给你们。\n河北省人民政府办公厅\n2018年3月12日\n"
        "关于促进我省开发区改革和\n开放型经济发展的若干措施\n"
        "一、总体要求\n"
    )
    titles = [d.title for d in _docs(raw)]
    assert "关于促进我省开发区改革和开放型经济发展的若干措施" not in titles


def test_a_page_title_naming_no_kind_with_its_number_in_brackets_above_a_main_send_line():
    raw = (
        "• 发布机构:县人民政府办公室\n  • 公开方式:政府网站\n"
        "2022年县政府民生实事项目（宁政发〔2022〕4号）\n"
        "来源:宁乡县政府   2022-02-23 10:56\n浏览量:1 | | | |\n\n"
        "各乡镇人民政府、县直各单位：\n\n《2022年县政府民生实事项目》已经县人民政府同意，现印发给你们。\n"
    )
    (doc,) = _docs(raw)
    assert (doc.title, doc.number) == ("2022年县政府民生实事项目", "宁政发〔2022〕4号")
    body, _ = layout(Text.from_raw("t.txt", raw))
    assert "浏览量" not in body.text and "来源" not in body.text


def test_a_page_title_naming_no_kind_without_a_main_send_line_is_no_document():
    raw = "2022年县政府民生实事项目（宁政发〔2022〕4号）\n一、强化责任落实。各单位要抓好落实。\n"
    assert _docs(raw) == []


def test_a_source_line_of_the_text_itself_stays():
    kept = "来源：省统计局年度统计公报\n"
    body, _ = layout(Text.from_raw("t.txt", "标题\n" + kept))
    assert kept.strip() in body.text


HTML_IN_TEXT = (
    "发文机关:河南省人民政府\n生效日期:2019年05月10\n文号 :豫政〔2019〕16号\n"
    "<p>各省辖市、济源示范区管委会、各县（市）人民政府，省人民政府各部门：</p>"
    "<p> 现将《河南省促进农民增收实施方案》印发给你们，请认真组织实施。</p>"
    '<p style="text-align: right;"> 河南省人民政府</p><p style="text-align: right;"> 2019年5月10日</p>'
    '<p><br/></p><p style="text-align: center;"><strong>河南省促进农民增收实施方案</strong></p>'
    "<p> 一、重点任务</p><p> （一）拓宽就业渠道&nbsp;。（省人力资源社会保障厅牵头，省财政厅配合）</p>"
)


def test_html_a_crawl_kept_in_a_text_file_is_read_as_lines_with_exact_offsets():
    body, header = layout(Text.from_raw("t.txt", HTML_IN_TEXT))
    assert "<p" not in body.text and "&nbsp;" not in body.text
    assert "\n河南省促进农民增收实施方案\n" in body.text
    assert {f.key for f in header.fields} >= {"发文机关", "生效日期", "文号"}
    for i, c in enumerate(body.text):
        if c not in "\n\t ":
            assert body.raw[body.offsets[i]] == c


def test_a_table_naming_only_the_number_is_the_notice_and_its_opening_says_what_it_transmits():
    notice, plan = _docs(HTML_IN_TEXT)
    assert (notice.number, notice.title, notice.date) == ("豫政〔2019〕16号", None, "2019-05-10")
    assert plan.title == "河南省促进农民增收实施方案" and plan.part_of == 0
    assert "省财政厅配合" in plan.text.text and "省财政厅配合" not in notice.text.text


def test_a_sentence_with_a_lone_angle_bracket_is_not_html():
    raw = "各单位：\n指标值<5%的地区<p>不计入。\n"
    body, _ = layout(Text.from_raw("t.txt", raw))
    assert body.text == raw


def test_a_notice_that_only_mentions_a_plan_in_its_body_transmits_nothing():
    raw = (
        "鄂政办发〔2020〕9号\n湖北省人民政府办公厅关于做好春耕生产工作的通知\n"
        "各市、州、县人民政府：\n请按照《湖北省春耕生产方案》抓好落实。\n湖北省人民政府办公厅\n2020年3月2日\n"
        "湖北省春耕生产方案\n一、目标\n"
    )
    assert all(d.part_of is None for d in _docs(raw))


def test_a_knowledge_base_wikilink_to_a_document_is_a_citation_and_other_links_keep_their_words():
    raw = (
        "为贯彻落实[[国务院办公厅关于加快发展保障性租赁住房的意见]]（国办发〔2021〕22号），"
        "由[[浙江省住房和城乡建设厅|省住房城乡建设厅]]牵头。\n"
    )
    body, _ = layout(Text.from_raw("t.md", raw))
    assert "《国务院办公厅关于加快发展保障性租赁住房的意见》（国办发〔2021〕22号）" in body.text
    assert "由省住房城乡建设厅牵头" in body.text and "[[" not in body.text


def test_a_plan_heading_printed_with_a_de_the_notice_title_leaves_out_is_the_transmitted_plan():
    raw = (
        "# 浙江省人民政府办公厅印发关于加快发展保障性租赁住房实施方案的通知\n\n"
        "> 浙政办发〔2022〕6号\n\n各市、县（市、区）人民政府，省政府直属各单位：\n\n"
        "现将《关于加快发展保障性租赁住房的实施方案》印发给你们，请认真贯彻执行。\n\n"
        "浙江省人民政府办公厅\n2022年1月26日\n\n"
        "## 关于加快发展保障性租赁住房的实施方案\n\n### 一、主要任务\n\n"
        "- **（一）扩大供给**。（省住房城乡建设厅牵头）\n"
    )
    notice, plan = _docs(raw)
    assert plan.title == "关于加快发展保障性租赁住房的实施方案" and plan.part_of == 0
    assert "省住房城乡建设厅牵头" in plan.text.text and "省住房城乡建设厅牵头" not in notice.text.text
