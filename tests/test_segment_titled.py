"""Documents known by their title: a title carrying its 文号, joint issuers, documents without a 文号,
and a body printed on one line (written in other provinces' style than the dev files)."""

from __future__ import annotations

from kg.clean import clean
from kg.layout import layout
from kg.models import Text
from kg.segment import segment


def _docs(raw: str):
    body, header = layout(Text.from_raw("t.txt", raw))
    return [s for s in segment(clean(body), header) if s.kind == "document"]


JOINT = (
    "湖南省财政厅 湖南省教育厅 湖南省人力资源和社会保障厅关于做好高校毕业生就业补贴工作的通知（湘财教〔2023〕7号）\n\n"
    "各市州财政局、教育局、人力资源社会保障局：\n\n"
    "　　为做好高校毕业生就业工作，现就有关事项通知如下。\n\n"
    "　　一、明确补贴范围。按照《湖南省就业补助资金管理办法》（湘财社〔2022〕3号）执行。\n\n"
    "湖南省财政厅  湖南省教育厅  湖南省人力资源和社会保障厅  2023年3月5日\n"
)


def test_a_title_carrying_its_number_and_joint_issuers():
    (d,) = _docs(JOINT)
    assert d.number == "湘财教〔2023〕7号"
    assert d.title == "湖南省财政厅湖南省教育厅湖南省人力资源和社会保障厅关于做好高校毕业生就业补贴工作的通知"
    assert d.issuers == ["湖南省财政厅", "湖南省教育厅", "湖南省人力资源和社会保障厅"]
    assert d.date == "2023-03-05"


def test_joint_issuers_from_the_title_when_no_signature_names_them():
    raw = JOINT.rsplit("湖南省财政厅  ", 1)[0] + "2023年3月5日\n"
    (d,) = _docs(raw)
    assert d.issuers == ["湖南省财政厅", "湖南省教育厅", "湖南省人力资源和社会保障厅"]


def test_a_sentence_citing_a_document_with_its_number_is_no_title():
    raw = "（二）各市州要按照《湖南省就业补助资金管理办法》（湘财社〔2022〕3号）\n执行有关规定。\n"
    assert _docs(raw) == []


def test_a_resolution_under_its_adoption_line():
    raw = (
        "山东省人民代表大会常务委员会关于加强黄河流域生态保护的决议\n"
        "（2023年3月30日山东省第十四届人民代表大会常务委员会第二次会议通过）\n"
        "　　为加强黄河流域生态保护，作出如下决议：\n　　一、各级人民政府应当落实保护责任。\n"
    )
    (d,) = _docs(raw)
    assert d.title == "山东省人民代表大会常务委员会关于加强黄河流域生态保护的决议"
    assert d.number is None and d.date == "2023-03-30" and d.doc_type == "决议"


def test_a_work_report_under_the_line_saying_where_it_was_delivered():
    raw = (
        "# 2024年政府工作报告\n\n（2024年1月20日在南昌市第十六届人民代表大会第四次会议上）\n\n"
        "来源: 南昌日报  发布时间: 2024-01-25 08:00\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n"
    )
    (d,) = _docs(raw)
    assert (d.title, d.date) == ("2024年政府工作报告", "2024-01-20")
    assert d.issuers == ["市人民政府"]  # 我代表市人民政府: whom the report speaks for


def test_a_notice_saying_whom_a_delegate_represents_gets_no_issuer_from_it():
    raw = "关于表彰劳动模范的通知\n各市（州）人民政府：\n　　会上，我代表县人民政府，向劳动模范表示祝贺。\n"
    (d,) = _docs(raw)
    assert d.title == "关于表彰劳动模范的通知" and d.issuers == []


def test_an_announcement_printed_twice_above_its_year():
    title = "兰州市生态环境局关于2023年第一季度建设项目环境影响评价审批决定的公告"
    raw = f"【法宝引证码】 CLI.12.1234567\n{title}\n{title}\n（2023年）\n　　根据环境影响评价法，现予公告。\n"
    (d,) = _docs(raw)
    assert d.title == title and d.issuers == ["兰州市生态环境局"] and d.date is None


def test_an_opinion_printed_without_a_number_before_its_addressees():
    raw = "吉林省人民政府关于加快发展现代物流业的意见\n各市（州）人民政府：\n　　为加快发展现代物流业，提出如下意见。\n"
    (d,) = _docs(raw)
    assert d.title == "吉林省人民政府关于加快发展现代物流业的意见" and d.issuers == ["吉林省人民政府"]


def test_a_yearbook_news_entry_is_no_document():
    raw = (
        "【水利建设】 2023年，市水利局印发《关于加强农田水利建设的通知》，完成投资3亿元。\n"
        "关于加强农田水利建设的通知\n全年新建泵站12座。\n"
    )
    assert _docs(raw) == []


NOTICE_LINES = [
    "江西省人民政府办公厅关于印发江西省促进民营经济发展若干措施的通知",
    "赣府厅发〔2023〕15号",
    "各市、县（区）人民政府，省政府各部门：",
    "《江西省促进民营经济发展若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。",
    "江西省人民政府办公厅",
    "2023年6月1日",
    "江西省促进民营经济发展若干措施",
    "为促进民营经济发展，制定以下措施。",
    "一、优化营商环境。落实市场准入负面清单制度。（责任单位：省发展改革委）",
    "二、加大金融支持。扩大民营企业贷款规模。（责任单位：省地方金融监管局）",
    "三、保障用地需求。优先保障民营企业项目用地，对符合条件的项目实行用地指标单列。（责任单位：省自然资源厅）",
    "四、降低经营成本。落实减税降费政策，清理规范涉企收费，降低用能用工成本。（责任单位：省财政厅、省税务局）",
    "五、弘扬企业家精神。营造尊重企业家的社会氛围，依法保护企业家合法权益。（责任单位：省工商联）",
]


def _shape(docs):
    return [(d.number, d.title, d.date, d.part_of) for d in docs]


def test_a_body_crawled_onto_one_line_holds_the_same_documents():
    plain = _docs("\n".join(NOTICE_LINES) + "\n")
    assert len(plain) == 2
    glued = _docs(
        "当前位置： 首页 > 政务公开 > 文件 " + "".join(NOTICE_LINES) + " 【打印本页】 【关闭窗口】\n"
    )
    spaced = _docs(" ".join(NOTICE_LINES) + "\n")
    assert _shape(glued) == _shape(plain) == _shape(spaced)


def test_a_title_whose_period_stands_inside_it_is_cut_after_its_kind():
    from kg.reflow import _title_end

    line = "甘肃省数字经济发展规划（2021-2025年）任务分工实施方案为全面落实《规划》，制定本方案。"
    assert line[: _title_end(line, 0)] == "甘肃省数字经济发展规划（2021-2025年）任务分工实施方案"
    clause = "为全面落实《甘肃省数字经济发展规划》（以下简称《规划》），进一步明确分工。"
    assert _title_end(clause, 0) is None  # a clause citing a plan is no title


def test_a_paragraph_with_an_inline_list_is_no_flat_body():
    from kg.models import identity_offsets
    from kg.reflow import reflow

    para = (
        "本条例所称公共文化设施包括：（一）图书馆、博物馆、文化馆；（二）美术馆、科技馆；（三）纪念馆、体育场馆。"
        * 8
    )
    assert len(para) > 300
    assert reflow(para, identity_offsets(len(para) + 1))[0] == para


def test_a_central_document_under_its_bracketed_date():
    # how xinhua and gov.cn print a 中共中央 国务院 意见: no 文号, the date in brackets under the title
    raw = (
        "中共中央 国务院关于全面推进美丽中国建设的意见\n（2023年12月27日）\n\n"
        "建设美丽中国是全面建设社会主义现代化国家的重要目标。\n"
    )
    docs = _docs(raw)
    assert [(d.title, d.date, d.issuers) for d in docs] == [
        ("中共中央国务院关于全面推进美丽中国建设的意见", "2023-12-27", ["中共中央", "国务院"])
    ]


def test_a_title_a_markdown_copy_broke_into_two_headings():
    raw = (
        "# 中共中央 国务院关于加快经济社会发展\n# 全面绿色转型的意见\n\n（2024年7月31日）\n\n"
        "推动经济社会发展绿色化、低碳化，是新时代党治国理政新理念新实践的重要标志。\n"
    )
    assert [d.title for d in _docs(raw)] == ["中共中央国务院关于加快经济社会发展全面绿色转型的意见"]


def test_a_bracketed_date_under_a_sentence_makes_no_document():
    raw = "各地要抓紧落实有关意见。\n（2024年7月31日）\n\n其他事项另行通知。\n"
    assert _docs(raw) == []


def test_a_work_report_under_its_dash_subtitle():
    # a 贵州 district's report as its people's congress prints it: the date and the meeting after ——
    raw = (
        "政府工作报告\n——2024年1月12日在六盘水市钟山区第五届人民代表大会第四次会议上\n区长 王某某\n\n"
        "各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n"
    )
    docs = _docs(raw)
    assert [(d.title, d.date) for d in docs] == [("政府工作报告", "2024-01-12")]


def test_a_dash_line_of_news_makes_no_document():
    raw = "政府工作报告\n——2024年1月12日，记者从区人代会上获悉各项议程进展顺利\n\n会议听取了报告。\n"
    assert _docs(raw) == []
