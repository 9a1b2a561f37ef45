"""The spaCy pipeline: one token per character, match records alongside their spans."""

from spacy.tokens import Doc

from kg.pipeline import nlp


def test_char_tokens_same_as_words_from_text():
    text = "区财政局、区建设局负责。\nOpen Harmony ①"
    pipe = nlp()
    doc = pipe.make_doc(text)
    plain = Doc(pipe.vocab, words=list(text), spaces=[False] * len(text))
    assert doc.text == text and [t.orth for t in doc] == [t.orth for t in plain]
    assert [t.text for t in doc] == list(text)


def test_components_keep_records_with_spans():
    text = "由区财政局负责资金保障，区建设局牵头推进改造。"
    pipe = nlp()
    d = pipe.make_doc(text)
    d._.source = text
    doc = pipe(d)
    spans, records = list(doc.spans["orgs"]), doc._.orgs
    assert [s.text for s in spans] == [text[m.start : m.end] for m in records]
    assert {m.name for m in records} >= {"区财政局", "区建设局"}
    assert doc._.tasks
