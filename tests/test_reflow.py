"""A body printed on one line (a website crawl) gets its paragraph breaks back (kg.reflow).

Each rule with a sentence in a province's style that is not among the dev files, and a negative."""

from __future__ import annotations

from kg.clean import clean
from kg.layout import layout
from kg.models import Text, identity_offsets
from kg.reflow import _kind_in_code, reflow
from kg.segment import segment

# outline paragraphs that make a line a flat body (markers after sentence ends, a heading among them)
BODY = (
    "一、总体要求。坚持问题导向，统筹推进各项工作，确保各项措施落地见效。"
    "二、重点任务。（一）加强组织领导，各地要建立工作机制，明确责任分工。"
    "（二）强化要素保障，统筹安排资金，加大政策支持力度，及时研究解决困难问题。"
    "三、保障措施。各地各部门要加强督促检查，定期通报工作进展情况，确保取得实效。"
) * 3


def _lines(line: str) -> list[str]:
    text, offs = reflow(line, identity_offsets(len(line) + 1))
    for i, c in enumerate(text):  # a break stands for spaces or is put before a character
        if c != "\n":
            assert line[offs[i]] == c
    return [ln for ln in text.split("\n") if ln.strip()]


def _docs(raw: str):
    body, header = layout(Text.from_raw("t.txt", raw))
    return [s for s in segment(clean(body), header) if s.kind == "document"]


def test_a_number_dropped_into_a_sentence_before_its_addressees_stands_on_its_own_line():
    line = (
        "（二）征收补偿应当遵循“公开、补川府发〔2023〕5号各市（州）人民政府，省政府各部门："
        "现将《四川省征收补偿实施办法》印发给你们，请认真贯彻执行。" + BODY
    )
    lines = _lines(line)
    assert "川府发〔2023〕5号" in lines
    assert "各市（州）人民政府，省政府各部门：" in lines


def test_a_number_cited_in_a_sentence_stays_in_it():
    line = "一、工作要求。为落实川府发〔2023〕5号精神，各市（州）要加强组织：" + BODY
    assert not any(ln.startswith("川府发") for ln in _lines(line))
    line = "一、工作要求。川府发〔2023〕5号同时废止。" + BODY
    assert not any(ln.startswith("川府发") for ln in _lines(line))


def test_a_number_after_a_sentences_end_before_a_bodys_opening_starts_a_unit():
    line = "（二）本办法自2023年3月1日起施行。湘政发〔2023〕3号为贯彻落实省委部署，现通知如下：" + BODY
    assert "湘政发〔2023〕3号" in _lines(line)


def test_an_unsigned_date_after_an_ascii_period_and_its_note_end_a_notice():
    line = (
        "现将《甘肃省培育市场主体行动方案(2023—2025年)》印发给你们,请认真贯彻落实.2023年4月20日"
        "(此件公开发布)甘肃省培育市场主体行动方案(2023—2025年)为深入贯彻落实国家部署,制定本方案." + BODY
    )
    lines = _lines(line)
    k = lines.index("2023年4月20日")
    assert lines[k - 1].endswith("请认真贯彻落实.")
    assert lines[k + 1 : k + 3] == ["(此件公开发布)", "甘肃省培育市场主体行动方案(2023—2025年)"]


def test_a_date_a_sentence_runs_on_from_is_no_signature():
    line = "一、总体要求。2023年4月20日起施行本办法，各地要抓好落实。" + BODY
    assert not any(ln.startswith("2023年4月20日") for ln in _lines(line))


def test_a_speech_keeps_its_title_subtitle_speaker_and_date_apart():
    line = (
        "请认真学习贯彻。成都市人民政府办公厅2023年2月26日"
        "坚持实干  争创一流——在市政府全体会议上的讲话（摘要）王  明（2023年2月25日上午）"
        "同志们，这次会议的主要任务是部署全年工作。" + BODY
    )
    lines = _lines(line)
    assert lines[2:6] == [
        "坚持实干  争创一流",
        "——在市政府全体会议上的讲话（摘要）",
        "王  明",
        "（2023年2月25日上午）",
    ]


def test_a_name_after_a_speech_title_without_a_dated_bracket_stays():
    line = (
        "请认真学习贯彻。成都市人民政府办公厅2023年2月26日"
        "在市政府全体会议上的讲话王明同志指出，要抓好全年工作。" + BODY
    )
    assert not any(ln == "王明" for ln in _lines(line))


def test_page_numbers_and_dash_rules_inside_a_flat_body_go():
    line = "一、总体要求。坚持问题导向，其中— 2 —规模以上企业增长。" + BODY
    assert "— 2 —" not in "".join(_lines(line)) and "其中规模以上企业增长。" in "".join(_lines(line))
    kept = "一、总体要求。规划期为（2021—2025年），分两步实施。" + BODY
    assert "（2021—2025年）" in "".join(_lines(kept))


def test_a_table_of_contents_keeps_title_number_and_page_on_one_line():
    line = (
        "目录关于加强耕地保护的通知 湘政办发〔2023〕9号\t(1)关于促进民营经济发展的意见 湘政发〔2023〕2号\t(5)"
        + BODY
    )
    lines = _lines(line)
    assert "关于促进民营经济发展的意见 湘政发〔2023〕2号\t(5)" in lines
    assert not any(ln.startswith("湘政") for ln in lines)


def test_pipe_table_rows_run_together_are_split_and_kept_whole():
    line = (
        "| 湘政办发〔2023〕9号 | 关于加强耕地保护的通知 || 湘政发〔2023〕2号 | 关于促进民营经济发展的意见 |"
        + BODY
    )
    lines = _lines(line)
    assert lines[:2] == [
        "| 湘政办发〔2023〕9号 | 关于加强耕地保护的通知 |",
        "| 湘政发〔2023〕2号 | 关于促进民营经济发展的意见 |",
    ]


def test_a_markdown_mark_run_on_after_a_sentence_becomes_a_break():
    line = (
        "以官方链接发布版本为准。# 江苏省人民政府关于加强耕地保护的通知各设区市人民政府，省各委办厅局："
        + BODY
    )
    lines = _lines(line)
    assert "江苏省人民政府关于加强耕地保护的通知" in lines
    assert _lines("一、总体要求。使用C# 语言编写。" + BODY)[0] == "一、总体要求。使用C# 语言编写。"


def test_a_number_whose_code_runs_back_into_a_titles_kind_starts_after_the_kind():
    line = "关于加快推进绿色建筑发展的实施意见苏政办发〔2023〕4号各设区市人民政府："
    a = line.index("意见") - 2
    assert _kind_in_code(line, a, line.index("号") + 1) == line.index("苏")
    plain = "苏政办发〔2023〕4号各设区市人民政府："
    assert _kind_in_code(plain, 0, plain.index("号") + 1) is None


def test_a_gazette_issue_crawled_onto_one_line_holds_its_notices():
    lines = [
        "吉林省人民政府关于印发吉林省耕地保护实施办法的通知",
        "吉政发〔2023〕4号",
        "各市（州）人民政府，省政府各部门：",
        "现将《吉林省耕地保护实施办法》印发给你们，请认真贯彻执行。",
        "吉林省人民政府",
        "2023年3月2日",
        "吉林省耕地保护实施办法",
        BODY,
        "吉政发〔2023〕5号",
        "各市（州）人民政府，省政府各部门：",
        "为贯彻落实国家部署，现就有关事项通知如下：",
        BODY,
        "吉林省人民政府",
        "2023年3月9日",
        "吉林省人民政府关于公布吉林省行政执法事项目录的通知",
    ]
    plain = [(d.number, d.title, d.date) for d in _docs("\n".join(lines) + "\n")]
    glued = [(d.number, d.title, d.date) for d in _docs("".join(lines) + "\n")]
    assert len(plain) == 3 and glued == plain


def test_an_annex_list_run_on_ends_where_the_issuer_printed_in_the_title_signs():
    line = (
        "广州市黄埔区人民政府办公室关于印发黄埔区营商环境改革实施方案的通知穗埔府办〔2023〕5号"
        "各街道办事处，区政府各部门：现将《黄埔区营商环境改革实施方案》印发给你们，请认真贯彻执行。"
        "附件：1. 黄埔区营商环境改革工作专班成员名单2. 黄埔区营商环境改革工作领导小组"
        "广州市黄埔区人民政府办公室2023年3月2日" + BODY
    )
    lines = _lines(line)
    assert "1. 黄埔区营商环境改革工作专班成员名单" in lines
    assert "2. 黄埔区营商环境改革工作领导小组" in lines
    assert "广州市黄埔区人民政府办公室" in lines
    assert "2023年3月2日" in lines
    # the next document's title after the list: its issuer printed before 关于 elsewhere too
    line = (
        "广州市黄埔区人民政府办公室关于印发黄埔区营商环境改革实施方案的通知穗埔府办〔2023〕5号"
        "各街道办事处，区政府各部门：现将方案印发给你们，请认真贯彻执行。"
        "附件：1. 黄埔区营商环境改革工作专班成员名单2. 重点任务清单"
        "广州市黄埔区人民政府办公室关于公布2022年度先进单位的通知穗埔府办〔2023〕6号" + BODY
    )
    assert "2. 重点任务清单" in _lines(line)


def test_an_annex_title_ending_in_an_organ_printed_nowhere_else_stays_whole():
    line = (
        "各街道办事处，区政府各部门：现将方案印发给你们，请认真贯彻执行。"
        "附件：1. 重点任务清单2. 黄埔区营商环境改革工作领导小组2023年3月2日" + BODY
    )
    lines = _lines(line)
    assert "1. 重点任务清单" in lines
    assert [ln for ln in lines if "领导小组" in ln][0].startswith("2. 黄埔区营商环境改革工作领导小组2023")


def test_a_heading_without_an_end_mark_is_cut_from_its_first_sub_heading():
    line = (
        "现就做好全省高标准农田建设工作通知如下：一、总体要求（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，"
        "全面落实藏粮于地、藏粮于技战略。" + BODY
    )
    lines = _lines(line)
    assert "一、总体要求" in lines
    assert lines[lines.index("一、总体要求") + 1].startswith("（一）指导思想。")


def test_a_number_pair_in_a_sentence_is_no_heading():
    line = "一、工作要求。各市州要对照一、二级指标（一）至（五）项逐项落实，确保取得实效。" + BODY
    assert not any(ln.startswith(("（一）至", "一、二级")) for ln in _lines(line))


def test_a_page_number_run_into_a_name_in_title_marks_goes():
    line = "一、优化营商环境。深入实施《江西省优化营商 ２３ 环境条例》，持续深化改革。" + BODY
    text = "\n".join(_lines(line))
    assert "《江西省优化营商环境条例》" in text


def test_a_count_inside_a_name_stays():
    line = (
        "一、工作要求。认真落实《关于支持 10 个重点产业链发展的若干措施》《江西省第 3 批试点方案》。" + BODY
    )
    text = "\n".join(_lines(line))
    assert "10 个重点产业链" in text and "第 3 批" in text


# a 湖南-style commendation: the list of persons, each with the unit, run on by a crawl
COMMENDED = (
    "二、先进个人（5名）王志刚 县财政局刘 洋 县人武部政治工作处陈晓燕 城南街道办事处"
    "李 强 县教育局赵建军 县审计局。希望受表彰的单位和个人珍惜荣誉，再创佳绩。"
)


def test_a_run_on_list_of_persons_and_units_is_one_entry_a_line():
    lines = _lines(COMMENDED + BODY)
    assert lines[0] == "二、先进个人（5名）"
    # each entry on its line, a unit's sub-unit (政治工作处) kept, a padded name's spaces kept
    assert lines[1:5] == [
        "王志刚 县财政局",
        "刘 洋 县人武部政治工作处",
        "陈晓燕 城南街道办事处",
        "李 强 县教育局",
    ]
    assert lines[5].startswith("赵建军 县审计局。")


def test_units_without_persons_or_two_names_in_a_sentence_stay():
    line = "一、先进单位（3个）县人武部政治工作处城南街道办事处县审计局。二、表彰张明 县财政局李华 县教育局等同志。"
    text = "\n".join(_lines(line + BODY))
    assert "县人武部政治工作处城南街道办事处县审计局。" in text
    assert "县财政局李华 县教育局等同志。" in text  # two entries: no list
