"""A publication holds the same documents and citations in the forms people keep it in.

Dev files are turned into a markdown page, YAML front matter + markdown, a website crawl (metadata
header, page chrome, the body on one line) and hard-wrapped text with page numbers, by the writers of
the evaluation's variants.py (../shared/eval/variants.py) when it is there, else by the small writers
of tests/forms_writer.py; the document keys and citation pairs must equal the plain file's.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import forms_writer
import pytest
from forms_check import keys_and_citations

HERE = Path(__file__).parent
VARIANTS = HERE.parent.parent / "shared" / "eval" / "variants.py"


def _writers():
    if VARIANTS.exists():
        spec = importlib.util.spec_from_file_location("variants", VARIANTS)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    return forms_writer


W = _writers()
MORE = HERE / "data" / "corpus-more"
SAMPLES = HERE.parent / "samples"
# (file, forms that must hold it); the forms a file does not hold yet are in the report, not here
CASES = [
    ("000_d74bb4acde02e188", "crawler wrapped"),  # a gazette issue whose PDF text moved header blocks
    ("001_baa82a02c22cd2c2", "wrapped"),  # a gazette issue with its table of contents
    ("02_gwy_cujinjiuye_ruoganyijian", "markdown front crawler wrapped"),
    ("07_pbc_8bumen_xunihuobi", "markdown front crawler wrapped"),
    ("09_anhui_gongyehulianwang", "markdown front crawler"),
    ("10_anhui_rcep_shishiyijian", "markdown front crawler wrapped"),
    ("11_guizhou_shichangzhuti_xingdongfangan", "crawler"),  # a page number between a name's characters
    ("12_xinjiang_zhijianju_xinwenxuanchuan", "markdown front crawler wrapped"),
    ("14_shanghai_haimianchengshi_shishiyijian", "markdown front crawler wrapped"),
    ("16_baotou_shuzizhengfu_kaoping", "markdown front crawler wrapped"),
    ("17_aba_zhengwushuju_banfa", "markdown front crawler wrapped"),
    ("19_guiyang_zhengfugongzuobaogao_2025", "markdown front crawler wrapped"),
    ("21_pingtan_shehuixinyong_renwufengong", "markdown front crawler pdf"),  # chrome inside a wrapped line
    ("24_haikou_shuiwu_gonggao", "markdown front crawler wrapped"),
]


@pytest.mark.parametrize(("stem", "form"), [(s, f) for s, forms in CASES for f in forms.split()])
def test_a_form_holds_the_plain_files_documents_and_citations(tmp_path, stem, form):
    plain = next(p for p in (MORE / f"{stem}.txt", SAMPLES / f"{stem}.txt") if p.exists())
    text = plain.read_text(encoding="utf-8")
    if form == "pdf":  # the crawl's text printed to a PDF (the evaluation's writer) and read back
        if not hasattr(W, "write_pdf"):
            pytest.skip("the evaluation's variants.py (its PDF writer) is not here")
        p = tmp_path / f"{stem}.pdf"
        W.write_pdf(text, p)
    else:
        p = tmp_path / f"{stem}.txt"
        p.write_text(
            {"markdown": W.markdown, "front": W.front, "crawler": W.crawler, "wrapped": W.wrapped}[form](text)
        )
    want_docs, want_pairs = keys_and_citations(plain)
    got_docs, got_pairs = keys_and_citations(p)
    assert want_docs  # the plain file prints documents
    assert got_docs == want_docs
    assert got_pairs == want_pairs
