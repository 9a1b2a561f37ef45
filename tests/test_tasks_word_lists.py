"""The task rules' cue words come from kg/data/task_words.tsv: each list drives its rule."""

import pytest

from kg.extract.tasks import markers
from kg.extract.tasks.clauses import tidy_label
from kg.extract.tasks.cues import word_list
from kg.extract.tasks.prose import DECIDED
from kg.extract.tasks.prose.subjects import LEADS, NARRATION
from kg.extract.tasks.units import CLASS_TAIL


@pytest.mark.parametrize("word", word_list("division"))
def test_a_division_of_labour_is_cut_from_a_label(word):
    assert tidy_label(f"{word}做好全省粮食收购资金保障") == "做好全省粮食收购资金保障"


@pytest.mark.parametrize("word", word_list("basis_verb"))
def test_a_basis_is_cut_from_a_label(word):
    assert tidy_label(f"{word}《甘肃省河道管理条例》规定开展巡查") == "开展巡查"


def test_a_label_keeps_words_that_only_look_like_cues():
    assert tidy_label("分工明确的工作机制") == "分工明确的工作机制"
    assert tidy_label("根治欠薪专项行动") == "根治欠薪专项行动"


def test_a_division_cell_with_every_listed_division_word():
    for word in [*word_list("division"), *word_list("jointly")]:
        m = markers.SC_LEAD.match(f"省水利厅牵头，省财政厅、省农业农村厅{word}配合")
        assert m and m["a"] == "省水利厅" and m["v"] == "配合", word
        d = markers.SC_DUTY.match(f"由省商务厅、省海关{word}负责")
        assert d and d["a"] == "省商务厅、省海关", word
    assert markers.SC_LEAD.match("省水利厅牵头，省财政厅协调") is None


def test_class_tail_lead_decision_and_narration_words():
    assert CLASS_TAIL.search("市卫生健康委、市医保局等相关单位")
    assert not CLASS_TAIL.search("市卫生健康委、市医保局等")
    assert LEADS.match("进一步发挥牵头抓总作用") and not LEADS.match("发挥统筹作用")
    assert DECIDED.search("会议研究决定，由县交通运输局负责") and not DECIDED.search("会议指出")
    assert NARRATION.search("2023年以来，县市场监管局严格执法") and not NARRATION.search("2023年底前完成")
