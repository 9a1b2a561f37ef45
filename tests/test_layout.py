"""The layout stage: what wraps a document is set aside, the map back to the raw text stays exact."""

from __future__ import annotations

from kg.clean import clean
from kg.layout import layout
from kg.models import Text
from kg.segment import segment


def _lay(raw: str):
    return layout(Text.from_raw("t.txt", raw))


def _documents(body: Text, header) -> list:
    """The documents segment() finds in a laid-out body with its header."""
    return [s for s in segment(clean(body), header) if s.kind == "document"]


def _exact(t: Text) -> None:
    """Every character of the view that is not a break or a tab the stage put in is the raw one."""
    for i, c in enumerate(t.text):
        if c not in "\n\t":
            assert t.raw[t.offsets[i]] == c, (i, c)


def test_front_matter_fields_keep_raw_offsets_and_the_block_goes():
    raw = (
        "---\n标题: 湖南省人民政府办公厅关于加强耕地保护的通知\n文号: 湘政办发〔2023〕9号\n"
        "发布机构: 湖南省人民政府办公厅\n发布日期: 2023-03-02\n---\n\n# 湖南省人民政府办公厅关于加强耕地保护的通知\n"
    )
    body, header = _lay(raw)
    _exact(body)
    assert "---" not in body.text and "文号" not in body.text
    assert body.text.strip() == "湖南省人民政府办公厅关于加强耕地保护的通知"
    f = header.get("number")
    assert f.value == "湘政办发〔2023〕9号" and raw[f.start : f.end] == "湘政办发〔2023〕9号"
    assert header.get("issuer").value == "湖南省人民政府办公厅"


def test_metadata_block_in_any_order_with_full_width_colons():
    raw = (
        "索引号：000014349/2023-00021\n发文机关：江西省人民政府\n成文日期：2023年04月10日\n"
        "发文字号：赣府字〔2023〕21号\n\n江西省人民政府关于公布第二批省级文物保护单位的通知\n"
        "各设区市人民政府，省政府各部门：\n现将名单予以公布。\n"
    )
    body, header = _lay(raw)
    _exact(body)
    assert body.text.startswith("\n江西省人民政府关于") or body.text.startswith("江西省人民政府关于")
    assert {f.name for f in header.fields} >= {"number", "issuer", "date", "other"}
    docs = _documents(body, header)
    assert len(docs) == 1
    d = docs[0]
    assert d.number == "赣府字〔2023〕21号" and d.date == "2023-04-10"
    assert d.evidence.quote == "赣府字〔2023〕21号"  # the header's value, with its raw offsets
    assert raw[d.evidence.start : d.evidence.end] == d.evidence.quote


def test_one_key_value_line_alone_is_no_metadata_block():
    raw = "山东省人民政府关于表彰先进集体的决定\n来源：省政府办公厅\n各市人民政府：\n"
    body, header = _lay(raw)
    assert body.text == raw and not header.fields


def test_a_header_number_the_text_cites_is_not_the_documents():
    raw = (
        "标题: 2023年政府工作报告\n文号: 国发〔2022〕2号\n\n2023年政府工作报告\n"
        "（2023年1月12日在长沙市第十六届人民代表大会第二次会议上）\n深入落实国发〔2022〕2号文件精神。\n"
    )
    body, header = _lay(raw)
    docs = _documents(body, header)
    assert [(d.title, d.number) for d in docs] == [("2023年政府工作报告", None)]


def test_markdown_markup_goes_and_a_pipe_table_becomes_a_tab_row():
    raw = (
        "## 一、工作目标\n\n> 本文由网站提取\n\n**吉政办发〔2023〕5号**\n\n- 完善制度\n\n"
        "| 任务 | 责任单位 |\n|---|---|\n| 完善制度 | 省司法厅 |\n见[通知](https://x.gov.cn/a.html)。\n"
    )
    body, _ = _lay(raw)
    _exact(body)
    lines = [ln for ln in body.text.split("\n") if ln]
    assert lines == ["一、工作目标", "本文由网站提取", "吉政办发〔2023〕5号", "完善制度", "任务\t责任单位",
                     "完善制度\t省司法厅", "见通知。"]  # fmt: skip


def test_plain_government_text_passes_unchanged():
    raw = "甘肃省人民政府办公厅\n关于做好春耕生产工作的通知\n甘政办发〔2023〕12号\n各市州人民政府：\n　　一、抓好农资供应。\n"
    body, header = _lay(raw)
    assert body.text == raw and not header.fields


def test_site_chrome_and_database_headers_go():
    raw = (
        "    【法宝引证码】 CLI.12.5551234\n原文链接：https://www.pkulaw.com/lar/abc.html\n"
        "当前位置： 首页 > 政务公开 > 文件 吉林省人民政府关于加强水利建设的意见\n正文。\n【打印本页】 【关闭窗口】\n"
        "上一篇：关于某事的通知\n主办单位：吉林省人民政府办公厅 网站标识码：2200000001\n"
    )
    body, _ = _lay(raw)
    _exact(body)
    assert [ln.strip() for ln in body.text.split("\n") if ln.strip()] == [
        "吉林省人民政府关于加强水利建设的意见",
        "正文。",
    ]


def test_chrome_words_inside_a_sentence_stay():
    raw = "各地要通过微信、微博等渠道做好宣传，时间为2023年5月。\n"
    body, _ = _lay(raw)
    assert body.text == raw


def test_front_matter_a_crawl_put_on_one_line_gives_its_fields_and_goes():
    raw = (
        "当前位置： 首页 > 政府文件 ---标题: 湖北省人民政府办公厅关于加强耕地保护的通知文号: 鄂政办发〔2023〕9号"
        "发布机构: 湖北省人民政府办公厅状态: 有效---湖北省人民政府办公厅关于加强耕地保护的通知各市、州人民政府：\n"
    )
    body, header = _lay(raw)
    _exact(body)
    assert "---" not in body.text and "文号" not in body.text
    f = header.get("number")
    assert f.value == "鄂政办发〔2023〕9号" and raw[f.start : f.end] == "鄂政办发〔2023〕9号"
    assert header.get("issuer").value == "湖北省人民政府办公厅"


def test_dashes_without_known_keys_are_no_front_matter():
    raw = "湖北省人民政府办公厅关于加强耕地保护的通知---附表见后---各市、州人民政府：\n"
    body, header = _lay(raw)
    assert body.text == raw and not header.fields


def test_a_metadata_table_saved_as_pipe_rows_gives_one_cell_per_key():
    # a 河北 county site's 政府信息公开 table: key and value cells side by side, short keys spaced out
    raw = (
        "| 索引号: | 000014349/2024-00117 | 公开方式: | 主动公开 |\n"
        "| 发布机构: | 涞水县人民政府办公室 | 发文字号: | 无 |\n"
        "| 标  题: | 涞水县人民政府办公室关于做好2024年春季森林防火工作的通知 | | |\n"
        "各乡镇人民政府，县政府各部门：\n为切实做好春季森林防火工作，现就有关事项通知如下。\n"
    )
    body, header = _lay(raw)
    _exact(body)
    assert body.text.startswith("各乡镇人民政府")
    assert header.get("other").value == "000014349/2024-00117"  # 公开方式 (unknown) is its own cell
    assert header.get("issuer").value == "涞水县人民政府办公室"
    title = header.get("title")
    assert title.key == "标题" and raw[title.start : title.end] == title.value
    docs = _documents(body, header)
    assert [(d.title, d.number, d.issuers) for d in docs] == [
        ("涞水县人民政府办公室关于做好2024年春季森林防火工作的通知", None, ["涞水县人民政府办公室"])
    ]


def test_a_header_title_that_names_no_document_kind_makes_no_document():
    raw = (
        "| 标  题: | 2023年涞水县林业工作概况 | 发布机构: | 涞水县林业局 |\n"
        "| 发布日期: | 2024-01-05 | 来源: | 县林业局 |\n"
        "2023年，全县完成造林绿化2.1万亩。\n"
    )
    body, header = _lay(raw)
    assert header.get("title").value == "2023年涞水县林业工作概况"
    assert not _documents(body, header)


def test_a_notice_printed_only_in_the_page_table_still_transmits_its_plan():
    # a 国务院办公厅 page saved from the web: title and 文号 in the metadata table, the body from 主送
    raw = (
        "| 发文机关: | 国务院办公厅 | 成文日期: | 2024年02月06日 |\n"
        "| 标  题: | 国务院办公厅关于印发《扎实推进高水平对外开放更大力度吸引和利用外资行动方案》的通知 | | |\n"
        "| 发文字号: | 国办发〔2024〕9号 | 发布日期: | 2024年03月19日 |\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "《扎实推进高水平对外开放更大力度吸引和利用外资行动方案》已经国务院同意，现印发给你们。\n"
        "国务院办公厅\n2024年2月6日\n"
        "扎实推进高水平对外开放更大力度吸引和利用外资行动方案\n"
        "一、扩大市场准入\n（一）开展放宽科技创新领域外资准入试点。（商务部牵头）\n"
    )
    body, header = _lay(raw)
    docs = _documents(body, header)
    notice, plan = docs
    assert (notice.number, notice.date, notice.recipients[:1]) == (
        "国办发〔2024〕9号",
        "2024-02-06",
        ["各省、自治区、直辖市人民政府"],
    )
    assert raw[notice.evidence.start : notice.evidence.end] == "国办发〔2024〕9号"
    assert plan.title == "扎实推进高水平对外开放更大力度吸引和利用外资行动方案" and plan.part_of == 0
    assert "商务部牵头" in plan.text.text and "商务部牵头" not in notice.text.text


def test_a_page_table_naming_no_transmitted_document_gives_the_one_document():
    raw = (
        "| 标  题: | 国务院办公厅关于做好2024年春运工作的通知 | 发文字号: | 国办发明电〔2024〕1号 |\n"
        "| 发文机关: | 国务院办公厅 | 成文日期: | 2024年01月10日 |\n"
        "各省、自治区、直辖市人民政府：\n为做好春运工作，经国务院同意，现就有关事项通知如下。\n"
    )
    body, header = _lay(raw)
    docs = _documents(body, header)
    assert [(d.title, d.number, d.part_of) for d in docs] == [
        ("国务院办公厅关于做好2024年春运工作的通知", "国办发明电〔2024〕1号", None)
    ]
