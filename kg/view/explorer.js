/* govdoc-kg explorer: search, overview, neighbourhoods, filters, details with evidence.
   All data text goes into the DOM through textContent; vis DataSets hold only what is shown. */
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('kg-data').textContent);
  const N = D.nodes, E = D.edges, F = D.folded, EV = D.evidence, M = D.meta;
  /* A large graph's page holds its overview only (D.partial: the whole graph's size); served by
     `kg serve`, it fetches search hits and neighbourhoods from the server and merges them in. */
  const PART = D.partial || null;
  const REMOTE = !!PART && /^https?:$/.test(location.protocol);
  const ROLE = ['lead', 'resp', 'supp'];
  const SHAPE = {doc: 'box', org: 'dot', task: 'diamond', entry: 'triangle'};
  const LEVEL_COLOR = {national: '#f19c9c', provincial: '#f7c07a', prefecture: '#ecdc7a', county: '#9fd69f',
    township: '#93d3dc', other: '#cfcfcf', '': '#e4e4e4'};
  const KIND_COLOR = {task: '#cde8c4', entry: '#d9c9ec'};
  const REL_COLOR = {lead: '#c0392b', resp: '#e67e22', supp: '#f1c40f', cites: '#7f8c8d', basis: '#2e86c1',
    impl: '#8e44ad', part: '#95a5a6', issued: '#16a085', sub: '#34495e', mentions: '#d5d8dc'};
  const CAP = 150;

  /* ---------- normalisation (same rules as kg/view/focus.py: norm) ---------- */
  function norm(s) {
    s = String(s).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    s = s.replace(/[\[(〔【〖［（]/g, '〔').replace(/[\])〕】〗］）]/g, '〕');
    return s.replace(/(\D)(\d{4})年(\d{1,4})号/g, '$1〔$2〕$3号');
  }
  const KEYS = N.map(n => [n.l].concat(n.s).map(norm));

  /* ---------- adjacency ---------- */
  const OUT = N.map(() => []), IN = N.map(() => []);
  E.forEach((e, j) => { OUT[e[0]].push(j); IN[e[1]].push(j); });

  /* ---------- data from the server (kg serve: api/search, api/node) ---------- */
  const BYU = new Map(N.map((n, i) => [n.u, i]));
  const EKEY = new Set(E.map(e => e[0] + ' ' + e[1] + ' ' + e[2]));
  const FETCHED = new Set();
  function merge(frag) {
    const base = EV.length;
    frag.evidence.forEach(r => EV.push(r));
    const map = frag.nodes.map(n => {
      const node = Object.assign({}, n, {e: n.e.map(k => k + base)});
      let i = BYU.get(n.u);
      if (i === undefined) {
        i = N.length; N.push(node); BYU.set(n.u, i); OUT.push([]); IN.push([]);
        KEYS.push([node.l].concat(node.s).map(norm));
      } else if (node.e.length >= N[i].e.length) {
        node.d = Math.max(node.d, N[i].d); N[i] = node; KEYS[i] = [node.l].concat(node.s).map(norm);
      }
      return i;
    });
    frag.edges.forEach(([a, b, rel, evs]) => {
      const x = map[a], y = map[b], k = x + ' ' + y + ' ' + rel;
      if (EKEY.has(k)) return;
      EKEY.add(k);
      E.push([x, y, rel, evs.map(v => v + base)]); OUT[x].push(E.length - 1); IN[y].push(E.length - 1);
    });
  }
  function api(path) {
    return fetch(path, {headers: {Accept: 'application/json'}}).then(r => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  /* run `then` once node i's neighbourhood is here (at once unless it must be fetched) */
  function withNode(i, then) {
    if (!REMOTE || FETCHED.has(i)) { then(); return; }
    FETCHED.add(i);
    status('正在读取邻域…');
    api('api/node?iri=' + encodeURIComponent(N[i].u)).then(f => { merge(f); then(); },
      err => { FETCHED.delete(i); status('服务器未给出邻域：' + err.message); });
  }
  /* the hits of q: here, then (served) again with the server's hits merged in */
  function searchAll(q) {
    if (!REMOTE || !norm(q)) return Promise.resolve(search(q));
    return api('api/search?q=' + encodeURIComponent(q)).then(f => { merge(f); return search(q); },
      () => search(q));
  }

  /* ---------- DOM helpers (text only) ---------- */
  function el(tag, text, cls) {
    const x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function $(id) { return document.getElementById(id); }
  function short(s, k) { s = String(s); return s.length > k ? s.slice(0, k - 1) + '…' : s; }

  /* ---------- filters ---------- */
  const filt = {k: new Set(['doc', 'org', 'task', 'entry']), v: new Set(Object.keys(M.levels)),
    r: new Set(Object.keys(M.relations).filter(r => r !== 'mentions'))};
  function boxes(id, labels, set, key) {
    const fs = $(id);
    Object.keys(labels).forEach(k => {
      const lab = el('label'), cb = el('input');
      cb.type = 'checkbox'; cb.checked = set.has(k); cb.dataset[key] = k;
      cb.addEventListener('change', () => { cb.checked ? set.add(k) : set.delete(k); rerender(); });
      lab.append(cb, ' ' + labels[k]);
      fs.append(lab);
    });
  }
  function okNode(i) { return filt.k.has(N[i].k) && filt.v.has(N[i].v || ''); }
  function okEdge(j) { return filt.r.has(E[j][2]); }

  /* ---------- legend ---------- */
  function legend() {
    const L = $('legend');
    const row = (sw, text) => { const r = el('div', null, 'legend-row'); r.append(sw, el('span', text)); L.append(r); };
    Object.keys(M.kinds).forEach(k => {
      const sw = el('span', null, 'sw ' + SHAPE[k]);
      sw.style.background = KIND_COLOR[k] || '#fff';
      row(sw, M.kinds[k]);
    });
    Object.keys(M.levels).forEach(v => {
      const sw = el('span', null, 'sw box'); sw.style.background = LEVEL_COLOR[v]; row(sw, M.levels[v]);
    });
    Object.keys(M.relations).forEach(r => {
      const sw = el('span', null, 'sw line'); sw.style.background = REL_COLOR[r]; row(sw, M.relations[r]);
    });
  }

  /* ---------- vis items ---------- */
  function tip(i) {
    const n = N[i], t = el('div');
    t.append(el('div', M.kinds[n.k] + (n.v ? ' · ' + M.levels[n.v] : '')), el('div', n.l));
    if (n.f.number && n.f.number !== n.l) t.append(el('div', n.f.number));
    return t;
  }
  function visNode(i, near) {
    const n = N[i];
    const bg = KIND_COLOR[n.k] || LEVEL_COLOR[n.v || ''] || '#e4e4e4';
    const label = n.k === 'doc' && n.f.number && n.f.title ? short(n.f.title, 16) + '\n' + n.f.number : short(n.l, 18);
    const x = {id: i, label: label, shape: SHAPE[n.k], title: tip(i), size: 8 + Math.min(18, Math.sqrt(n.d) * 2),
      color: {background: bg, border: '#555', highlight: {background: '#fff6a8', border: '#000'}}, font: {size: 12}};
    if (near) { x.x = near.x + (Math.random() - 0.5) * 160; x.y = near.y + (Math.random() - 0.5) * 160; }
    return x;
  }
  function visEdge(j) {
    const e = E[j];
    return {id: 'e' + j, from: e[0], to: e[1], label: M.relations[e[2]], arrows: 'to',
      color: {color: REL_COLOR[e[2]]}, dashes: e[2] === 'mentions', font: {size: 10, align: 'middle'}};
  }
  function visFolded(k) {
    const f = F[k], parts = [];
    let total = 0;
    ROLE.forEach((r, x) => { if (filt.r.has(r) && f[2 + x]) { parts.push(M.relations[r] + f[2 + x]); total += f[2 + x]; } });
    if (!total) return null;
    return {id: 'f' + k, from: f[0], to: f[1], label: '任务' + total + '（' + parts.join(' ') + '）', arrows: 'to',
      width: 1 + Math.min(6, Math.log2(1 + total)), color: {color: REL_COLOR.resp}, font: {size: 10, align: 'middle'}};
  }

  /* ---------- network ---------- */
  let nodesDS = new vis.DataSet(), edgesDS = new vis.DataSet();
  const network = new vis.Network($('net'), {nodes: nodesDS, edges: edgesDS}, {
    layout: {improvedLayout: false},
    physics: {solver: 'forceAtlas2Based', forceAtlas2Based: {gravitationalConstant: -70, springLength: 110},
      stabilization: {iterations: 160, updateInterval: 40}},
    interaction: {hover: true, tooltipDelay: 250, hideEdgesOnDrag: true},
    edges: {smooth: false}
  });
  network.on('stabilizationIterationsDone', () => {
    network.setOptions({physics: {enabled: false}});
    document.body.dataset.ready = '1';
  });
  function settle() { network.setOptions({physics: {enabled: true}}); network.stabilize(120); }

  const state = {mode: 'overview', centre: null, selected: null, shown: new Set()};

  function show(nodes, extra) {
    state.shown = new Set(nodes);
    nodesDS = new vis.DataSet(nodes.map(i => visNode(i)));
    edgesDS = new vis.DataSet(edgesAmong(state.shown).map(visEdge).concat(extra || []));
    network.setData({nodes: nodesDS, edges: edgesDS});
    settle();
    status();
  }
  function edgesAmong(set) {
    const out = [];
    set.forEach(i => OUT[i].forEach(j => { if (set.has(E[j][1]) && okEdge(j)) out.push(j); }));
    return out;
  }
  function status(note) {
    const s = state.mode === 'overview' ? '概览' : '邻域';
    $('status').textContent = s + '：显示 ' + nodesDS.length + ' 个节点、' + edgesDS.length + ' 条边（全图 ' +
      (PART ? PART.nodes : N.length) + ' 个节点、' + (PART ? PART.edges : E.length) + ' 条边）' +
      (note ? ' · ' + note : '') + (PART && !REMOTE ? ' · 本页只含概览：浏览全图请运行 kg serve 输出目录' : '');
  }

  function overview() {
    state.mode = 'overview'; state.centre = null;
    const top = +$('topn').value;
    const cand = [];
    for (let i = 0; i < N.length; i++) if ((N[i].k === 'doc' || N[i].k === 'org') && okNode(i)) cand.push(i);
    cand.sort((a, b) => N[b].d - N[a].d || a - b);
    const pick = cand.slice(0, top), set = new Set(pick), folded = [];
    F.forEach((f, k) => { if (set.has(f[0]) && set.has(f[1])) { const x = visFolded(k); if (x) folded.push(x); } });
    show(pick, folded);
    status('最常关联的 ' + pick.length + ' / ' + cand.length + ' 个文件和机构；任务折叠为边上的计数');
  }

  function neighbours(i) {
    const seen = new Set(), out = [];
    const add = (j, o) => { if (okEdge(j) && okNode(o) && !seen.has(o)) { seen.add(o); out.push(o); } };
    OUT[i].forEach(j => add(j, E[j][1]));
    IN[i].forEach(j => add(j, E[j][0]));
    out.sort((a, b) => N[b].d - N[a].d || a - b);
    return out;
  }

  function focus(i) {
    if (REMOTE && !FETCHED.has(i)) { withNode(i, () => focus(i)); return; }
    state.mode = 'focus'; state.centre = i;
    const nb = neighbours(i), pick = nb.slice(0, CAP);
    show([i].concat(pick));
    select(i);
    if (nb.length > pick.length) status('相邻节点过多，显示其中 ' + pick.length + ' / ' + nb.length + ' 个');
  }

  function expand(i) {
    if (state.mode !== 'focus') { focus(i); return; }
    if (REMOTE && !FETCHED.has(i)) { withNode(i, () => expand(i)); return; }
    const nb = neighbours(i).filter(o => !state.shown.has(o)), pick = nb.slice(0, CAP);
    const pos = network.getPositions([i])[i];
    pick.forEach(o => state.shown.add(o));
    nodesDS.add(pick.map(o => visNode(o, pos)));
    const fresh = new Set(pick), add = [];
    state.shown.forEach(a => OUT[a].forEach(j => {
      const b = E[j][1];
      if (state.shown.has(b) && (fresh.has(a) || fresh.has(b)) && okEdge(j)) add.push(visEdge(j));
    }));
    edgesDS.add(add);
    settle();
    status(nb.length > pick.length ? '展开了 ' + pick.length + ' / ' + nb.length + ' 个相邻节点' : '展开了 ' + pick.length + ' 个节点');
  }

  function rerender() {
    if (state.mode === 'focus' && state.centre !== null) focus(state.centre); else overview();
  }

  function select(i) {
    state.selected = i;
    $('btn-expand').disabled = false;
    if (nodesDS.get(i)) network.selectNodes([i]);
    panel(i);
  }

  /* ---------- details panel ---------- */
  function evBlock(k) {
    const r = EV[k], b = el('div', null, 'ev');
    const where = (r[0] || '?') + (r[1] !== null ? ' · 字符 ' + r[1] + '–' + r[2] : '');
    b.append(el('div', where, 'src'), el('blockquote', r[3]));
    return b;
  }
  function nodeLink(i) {
    const b = el('button', short(N[i].l, 60), 'link');
    b.type = 'button'; b.title = N[i].l; b.dataset.node = i;
    b.addEventListener('click', () => { focus(i); });
    return b;
  }
  function section(P, title, items, render, limit) {
    if (!items.length) return;
    P.append(el('h2', title + '（' + items.length + '）'));
    const ul = el('ul');
    items.slice(0, limit || 60).forEach(x => { const li = el('li'); render(li, x); ul.append(li); });
    P.append(ul);
    if (items.length > (limit || 60)) P.append(el('div', '另有 ' + (items.length - (limit || 60)) + ' 项未列出', 'more'));
  }
  function edgeItem(j, other) {
    return (li) => {
      li.append(el('span', M.relations[E[j][2]], 'kind'), nodeLink(other));
      E[j][3].slice(0, 3).forEach(k => li.append(evBlock(k)));
    };
  }
  function rels(list, which, rs) { return list.filter(j => rs.includes(E[j][2])).map(j => [j, E[j][which]]); }
  function facts(P, pairs) {
    const dl = el('dl');
    pairs.forEach(([k, v]) => {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) return;
      dl.append(el('dt', k), el('dd', Array.isArray(v) ? v.join('；') : v));
    });
    P.append(dl);
  }

  function panel(i) {
    const n = N[i], f = n.f, P = $('panel');
    P.replaceChildren();
    const head = el('div');
    head.append(el('span', M.kinds[n.k], 'kind'));
    if (n.v) head.append(el('span', M.levels[n.v], 'kind'));
    P.append(head, el('h1', n.l), el('div', n.u, 'iri'));
    const act = el('div', null, 'actions');
    const b1 = el('button', '显示邻域'), b2 = el('button', '展开');
    b1.type = b2.type = 'button';
    b1.addEventListener('click', () => focus(i));
    b2.addEventListener('click', () => expand(i));
    act.append(b1, b2);
    P.append(act);
    const item = ([j, o], li) => edgeItem(j, o)(li);
    if (n.k === 'doc') {
      facts(P, [['文号', f.number], ['标题', f.title], ['其他标题', f.alt], ['文种', f.type], ['成文日期', f.date],
        ['施行日期', f.from], ['有效期至', f.until], ['主送', f.to], ['来源文件', f.source]]);
      section(P, '发文机关', rels(IN[i], 0, ['issued']), (li, x) => item(x, li));
      section(P, '所属文件', rels(OUT[i], 1, ['part']), (li, x) => item(x, li));
      section(P, '引用', rels(OUT[i], 1, ['cites', 'basis', 'impl']), (li, x) => item(x, li));
      section(P, '被引用', rels(IN[i], 0, ['cites', 'basis', 'impl']), (li, x) => item(x, li));
      section(P, '附件与任务', rels(IN[i], 0, ['part']), (li, x) => taskItem(li, x[1], null));
    } else if (n.k === 'org') {
      facts(P, [['规范名称', f.pref], ['其他名称', f.alt], ['类别', f.kind], ['提及次数', f.mentions]]);
      section(P, '上级机构', rels(OUT[i], 1, ['sub']), (li, x) => item(x, li));
      section(P, '下属机构', rels(IN[i], 0, ['sub']), (li, x) => item(x, li));
      section(P, '发文', rels(OUT[i], 1, ['issued']), (li, x) => li.append(nodeLink(x[1])));
      ROLE.forEach(r => section(P, M.relations[r] + '任务', rels(IN[i], 0, [r]), (li, x) => taskItem(li, x[1], x[0])));
    } else if (n.k === 'task') {
      facts(P, [['期限', f.deadline], ['层次', f.outline]]);
      section(P, '所属文件', rels(OUT[i], 1, ['part']), (li, x) => li.append(nodeLink(x[1])));
      ROLE.forEach(r => section(P, M.relations[r] + '单位', rels(OUT[i], 1, [r]), (li, x) => li.append(nodeLink(x[1]))));
      if (f.text) { P.append(el('h2', '原文')); P.append(el('p', f.text)); }
    } else {
      facts(P, [['来源文件', f.source]]);
      section(P, '引用', rels(OUT[i], 1, ['cites', 'basis', 'impl']), (li, x) => item(x, li));
      section(P, '提及机构', rels(OUT[i], 1, ['mentions']), (li, x) => li.append(nodeLink(x[1])));
    }
    if (n.k === 'org') section(P, '被提及的文件', rels(IN[i], 0, ['mentions']), (li, x) => li.append(nodeLink(x[1])), 30);
    if (n.e.length) {
      P.append(el('h2', '证据（' + n.e.length + '）'));
      n.e.forEach(k => P.append(evBlock(k)));
    }
  }
  function taskItem(li, t, j) {
    li.append(nodeLink(t));
    const evs = j !== null ? E[j][3] : N[t].e;
    evs.slice(0, 2).forEach(k => li.append(evBlock(k)));
  }

  /* ---------- search ---------- */
  function search(q) {
    q = norm(q);
    if (!q) return [];
    const hits = [];
    for (let i = 0; i < N.length; i++) {
      const ks = KEYS[i];
      let best = 9, which = 0;
      for (let x = 0; x < ks.length; x++) {
        const p = ks[x].indexOf(q);
        if (p < 0) continue;
        const s = ks[x] === q ? 0 : p === 0 ? 1 : 2;
        if (s < best) { best = s; which = x; }
      }
      if (best < 9) hits.push([best, -N[i].d, KEYS[i][0].length, i, which]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    return hits.slice(0, 30).map(h => ({i: h[3], name: h[4] ? N[h[3]].s[h[4] - 1] : null}));
  }
  function showResults(list) {
    const R = $('results');
    R.replaceChildren();
    list.forEach(({i, name}) => {
      const b = el('button');
      b.type = 'button'; b.dataset.node = i;
      b.append(el('span', M.kinds[N[i].k], 'kind'), el('span', short(N[i].l, 50)));
      if (name) b.append(el('span', name, 'alt'));
      b.addEventListener('click', () => { R.classList.remove('open'); focus(i); });
      R.append(b);
    });
    if (!list.length && $('q').value.trim()) R.append(el('div', '没有找到', 'more'));
    R.classList.toggle('open', R.childNodes.length > 0);
  }
  let timer = null;
  $('q').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = $('q').value;
      showResults(search(q));
      if (REMOTE) searchAll(q).then(r => { if ($('q').value === q) showResults(r); });
    }, 120);
  });
  $('q').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      searchAll($('q').value).then(r => {
        showResults(r);
        if (r.length) { $('results').classList.remove('open'); focus(r[0].i); }
      });
    }
    if (ev.key === 'Escape') $('results').classList.remove('open');
  });

  /* ---------- events ---------- */
  network.on('click', (p) => {
    if (!p.nodes.length) return;
    const i = p.nodes[0];
    if (state.mode === 'overview') focus(i); else select(i);
  });
  network.on('doubleClick', (p) => { if (p.nodes.length) expand(p.nodes[0]); });
  $('btn-overview').addEventListener('click', overview);
  $('topn').addEventListener('change', () => { if (state.mode === 'overview') overview(); });
  $('btn-expand').addEventListener('click', () => { if (state.selected !== null) expand(state.selected); });
  $('btn-fit').addEventListener('click', () => network.fit());

  boxes('f-kind', M.kinds, filt.k, 'kind');
  boxes('f-level', M.levels, filt.v, 'level');
  boxes('f-rel', M.relations, filt.r, 'rel');
  legend();
  if (D.start.length && N.length <= 400) {
    state.mode = 'focus'; state.centre = D.start[0];
    show(N.map((_, i) => i).filter(i => okNode(i) || D.start.includes(i)));
    select(D.start[0]);
  } else if (D.start.length) focus(D.start[0]);
  else overview();

  /* for tests and benchmarks */
  window.kgExplorer = {norm, search, searchAll, focus, expand, overview, select, neighbours, network, state,
    remote: REMOTE, nodes: N,
    domPos: (i) => network.canvasToDOM(network.getPositions([i])[i])};
})();
