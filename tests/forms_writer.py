"""Writers of the forms people keep a publication in (used by test_forms.py when the evaluation's
variants.py is not next to the project): a markdown page, YAML front matter + markdown, a website
crawl with the body on one line, hard-wrapped text with page numbers."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _meta(text: str) -> tuple[str, str, str]:
    lines = _lines(text)
    num, date = _NUMBER.search(text), _DATE.search(text)
    return (
        lines[0] if lines else "",
        re.sub(r"\s+", "", num.group(0)) if num else "",
        f"{date[1]}-{int(date[2]):02d}-{int(date[3]):02d}" if date else "",
    )


def markdown(text: str) -> str:
    lines = _lines(text)
    out = [f"# {lines[0]}"] if lines else []
    for s in lines[1:]:
        out.append(
            f"**{s}**"
            if _NUMBER.fullmatch(s)
            else f"## {s}"
            if re.match(r"[一二三四五六七八九十]+、", s) and len(s) <= 40
            else s
        )
    return "\n\n".join(out) + "\n"


def front(text: str) -> str:
    title, number, date = _meta(text)
    head = [
        "---",
        f"标题: {title}",
        f"文号: {number}",
        f"发布日期: {date}",
        "状态: 有效",
        "---",
        "",
        "> 本文由脚本提取。",
        "",
    ]
    return "\n".join(head) + markdown(text)


def crawler(text: str) -> str:
    title, _, date = _meta(text)
    body = "".join(_lines(text))
    return "\n".join([f"标题: {title}", f"发布时间: {date} 10:00", "文号: ", "发布机构: 门户网站",
                      "==================== 正文 ====================",
                      f"当前位置： 首页 > 政务公开 {body} 【打印本页】 【关闭窗口】"]) + "\n"  # fmt: skip


def wrapped(text: str, width: int = 26, page: int = 38) -> str:
    out, n = [], 1
    for ln in text.splitlines():
        for i in range(0, max(len(ln.rstrip()), 1), width):
            out.append(ln.rstrip()[i : i + width])
            if len(out) % (page + 1) == page:
                out.append(f"— {n} —")
                n += 1
    return "\n".join(out) + "\n"
