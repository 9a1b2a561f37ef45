"""scripts/coverage.py: markers printed in a text against the tasks made from them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _coverage():
    spec = importlib.util.spec_from_file_location("coverage_script", ROOT / "scripts" / "coverage.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_markers_that_became_tasks_and_one_that_did_not(tmp_path):
    # a 河南 county plan: two markers with units, one whose unit list is empty
    text = (
        "县人民政府办公室关于印发县域养老服务提升方案的通知\n"
        "一、完善服务网络。建设乡镇养老服务中心。（责任单位：县民政局、县财政局）\n"
        "二、加强人才培养。开展护理员培训。（牵头\n单位：县人社局）\n"
        "三、强化督导。开展专项检查。（责任单位：）\n"
    )
    f = tmp_path / "plan.txt"
    f.write_text(text, encoding="utf-8")
    got = _coverage().file_coverage(f)
    assert (got["markers"], got["covered"]) == (3, 2)
    assert "三、强化督导" in got["missed"][0]


def test_the_command_prints_a_line_per_file_and_the_total(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("一、推进工作。（责任单位：县教育局）\n", encoding="utf-8")
    assert _coverage().main([str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("a.txt") and out[-1].startswith("ALL") and out[-1].endswith("1.000")
