"""The one loader of kg/data/ tables."""

from kg import data


def test_every_table_names_its_source_and_loads():
    for p in sorted(data.DATA.glob("*.tsv")):
        head = p.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# source:"), p.name
        assert data.rows(p.name), p.name


def test_rows_skip_comments_and_split_cells():
    rows = data.rows("doc_types.tsv")
    assert all(not r[0].startswith("#") for r in rows)
    assert ("通知", "yes", "通知") in rows
    assert "通知" in data.words("doc_types.tsv")
