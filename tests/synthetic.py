"""Synthetic graphs in the project's vocabulary, for tests and benchmarks (explorer, trace)."""

from __future__ import annotations

import random

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph import new_graph, zh
from kg.vocab import CITE, DOC, ELI, ENTRY, EV, KG, OA, ORG, TASK, UNIT

LEVELS = ("national", "provincial", "prefecture", "county", "township")
PLACES = ("浙江省", "绍兴市", "柯桥区", "嵊州市", "杭州市", "余杭区")
DEPTS = (
    "住房和城乡建设局",
    "财政局",
    "发展和改革局",
    "教育体育局",
    "生态环境局",
    "司法局",
    "审计局",
    "农业农村局",
)


def _evidence(g: Graph, key: str, source: str, start: int, quote: str):
    node = EV[key]
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, KG.sourceFile, Literal(source)))
    g.add((node, OA.start, Literal(start, datatype=XSD.integer)))
    g.add((node, OA.end, Literal(start + len(quote), datatype=XSD.integer)))
    g.add((node, OA.exact, Literal(quote)))
    return node


def synthetic_graph(n: int = 1000, seed: int = 1, evil: bool = False) -> Graph:
    """About ``n`` nodes: 15 % documents, 10 % organisations, 70 % tasks, 5 % entries.

    With ``evil`` the first document's title and the first organisation's alt label are HTML/JS.
    """
    rnd = random.Random(seed)
    g = new_graph()
    n_doc, n_org = max(2, n * 15 // 100), max(2, n // 10)
    n_entry = max(1, n // 20)
    n_task = max(1, n - n_doc - n_org - n_entry)
    orgs = [UNIT[f"o{i}"] for i in range(n_org)]
    docs = [DOC[f"d{i}"] for i in range(n_doc)]
    for i, o in enumerate(orgs):
        place, dept = PLACES[i % len(PLACES)], DEPTS[i % len(DEPTS)]
        g.add((o, RDF.type, ORG.Organization))
        g.add((o, SKOS.prefLabel, zh(f"{place}{dept}{i}")))
        g.add((o, SKOS.altLabel, zh(f"{place[-1]}{dept[:2]}局{i}")))
        g.add((o, KG.level, Literal(LEVELS[i % len(LEVELS)])))
        if i:
            g.add((o, ORG.subOrganizationOf, orgs[rnd.randrange(i)]))
    for i, d in enumerate(docs):
        src = f"synthetic_{i % 50:02d}.txt"
        g.add((d, RDF.type, ELI.LegalResource))
        g.add((d, ELI.title, zh(f"关于推进第{i}项工作的实施意见")))
        g.add((d, ELI.id_local, Literal(f"合成发〔{2000 + i % 24}〕{i}号")))
        g.add((d, ELI.date_document, Literal(f"{2000 + i % 24}-01-01", datatype=XSD.date)))
        g.add((d, KG.level, Literal(LEVELS[i % len(LEVELS)])))
        g.add((d, DCTERMS.source, Literal(src)))
        g.add((d, ELI.passed_by, rnd.choice(orgs)))
        g.add((d, PROV.wasDerivedFrom, _evidence(g, f"dh{i}", src, 0, f"合成发〔{2000 + i % 24}〕{i}号")))
        for k in range(rnd.randrange(4) if i else 0):
            cited = docs[rnd.randrange(i)]
            c = CITE[f"c{i}_{k}"]
            g.add((d, ELI.cites, cited))
            g.add((c, RDF.type, KG.Citation))
            g.add((c, KG.citing, d))
            g.add((c, KG.cited, cited))
            g.add((c, KG.relation, Literal(rnd.choice(("mentions", "basis", "implements")))))
            g.add((c, PROV.wasDerivedFrom, _evidence(g, f"dc{i}_{k}", src, 100 + k * 40, "根据《某文件》")))
    for i in range(n_task):
        t, d = TASK[f"t{i}"], docs[rnd.randrange(n_doc)]
        quote = f"（{i}）做好第{i}项工作。（牵头单位：某局；责任单位：各镇（街道））"
        g.add((t, RDF.type, KG.Task))
        g.add((t, RDFS.label, zh(f"做好第{i}项工作")))
        g.add((t, DCTERMS.isPartOf, d))
        g.add((t, KG.text, zh(quote)))
        g.add((t, PROV.wasDerivedFrom, _evidence(g, f"t{i}", f"synthetic_{i % 50:02d}.txt", 500 + i, quote)))
        g.add((t, KG.leadUnit, rnd.choice(orgs)))
        for o in rnd.sample(orgs, min(n_org, rnd.randrange(1, 4))):
            g.add((t, KG.responsibleUnit, o))
        for o in rnd.sample(orgs, min(n_org, rnd.randrange(3))):
            g.add((t, KG.supportingUnit, o))
    for i in range(n_entry):
        e = ENTRY[f"e{i}"]
        g.add((e, RDF.type, KG.Entry))
        g.add((e, RDFS.label, zh(f"年鉴条目{i}")))
        g.add((e, KG.sourceFile, Literal("yearbook.txt")))
        g.add((e, DCTERMS.references, rnd.choice(docs)))
    if evil:
        g.set((docs[0], ELI.title, zh('<script>alert(1)</script>"</div><img src=x onerror=alert(2)>')))
        g.add((orgs[0], SKOS.altLabel, zh("</script><b>粗体</b>&amp;")))
    return g


def citation_chain(n: int, cycle: bool = False, plans_every: int = 0) -> Graph:
    """Documents d0 cites d1 cites … d(n-1), each with a 文号 (``cycle``: d(n-1) cites d0 again); with
    ``plans_every`` k, every k-th document has an attached plan."""
    g = new_graph()
    for i in range(n):
        d = DOC[f"d{i}"]
        g.add((d, RDF.type, ELI.LegalResource))
        g.add((d, ELI.id_local, Literal(f"测试发〔2020〕{i + 1}号")))
        if i:
            g.add((DOC[f"d{i - 1}"], ELI.cites, d))
        if plans_every and i % plans_every == 0:
            g.add((DOC[f"p{i}"], RDF.type, ELI.LegalResource))
            g.add((DOC[f"p{i}"], ELI.is_part_of, d))
    if cycle:
        g.add((DOC[f"d{n - 1}"], ELI.cites, DOC["d0"]))
    return g
