/* linkchart page script.
 *
 * Reads the chart from the JSON payload and draws it with vis-network at the positions
 * computed in Python (physics off). Every string from the data is shown with
 * textContent or as a text node: nothing here parses data as HTML.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("linkchart-data").textContent);
  var N = data.nodes.length;
  var RANKED = data.summary ? data.summary.total_nodes : N;  // ranks are of the whole chart
  var M = data.edges.length;
  var info = data.node;
  var einfo = data.edge;
  var vocab = data.vocabulary;
  var SVG = "http://www.w3.org/2000/svg";
  var ready = false;
  var readyAt = null;

  // ------------------------------------------------------------------ DOM helpers
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }
  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function shapeSwatch(shape, color) {
    var svg = svgEl("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    var s = {fill: color, stroke: "#333", "stroke-width": 0.8};
    var shapeEl;
    if (shape === "square" || shape === "box" || shape === "database" || shape === "text") {
      shapeEl = svgEl("rect", Object.assign({x: 2.5, y: 2.5, width: 11, height: 11}, s));
    } else if (shape === "triangle") {
      shapeEl = svgEl("polygon", Object.assign({points: "8,1.5 14.5,14 1.5,14"}, s));
    } else if (shape === "triangleDown") {
      shapeEl = svgEl("polygon", Object.assign({points: "1.5,2 14.5,2 8,14.5"}, s));
    } else if (shape === "diamond") {
      shapeEl = svgEl("polygon", Object.assign({points: "8,1 15,8 8,15 1,8"}, s));
    } else if (shape === "star") {
      shapeEl = svgEl("polygon", Object.assign(
        {points: "8,1 9.8,6 15,6 10.8,9.3 12.4,14.5 8,11.4 3.6,14.5 5.2,9.3 1,6 6.2,6"}, s));
    } else if (shape === "hexagon") {
      shapeEl = svgEl("polygon", Object.assign({points: "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"}, s));
    } else if (shape === "ellipse") {
      shapeEl = svgEl("ellipse", Object.assign({cx: 8, cy: 8, rx: 7, ry: 4.5}, s));
    } else {
      shapeEl = svgEl("circle", Object.assign({cx: 8, cy: 8, r: 6}, s));
    }
    svg.appendChild(shapeEl);
    return svg;
  }
  function lineSwatch(color, dashes, opacity, width) {
    var svg = svgEl("svg", {width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": "true"});
    var attrs = {x1: 1, y1: 6, x2: 27, y2: 6, stroke: color, "stroke-width": width, "stroke-opacity": opacity};
    if (dashes) { attrs["stroke-dasharray"] = "5 3"; }
    svg.appendChild(svgEl("line", attrs));
    return svg;
  }
  function fmt(x) {
    if (x === null || x === undefined) { return "\u2014"; }
    if (Number.isInteger(x)) { return String(x); }
    var a = Math.abs(x);
    if (a !== 0 && (a < 0.001 || a >= 1e6)) { return x.toExponential(3); }
    return String(Number(x.toPrecision(4)));
  }

  // ------------------------------------------------------------------ derived data
  var nodeHidden = new Array(N).fill(false);
  var edgeHidden = new Array(M).fill(false);
  var idIndex = new Map();
  info.ids.forEach(function (id, i) { idIndex.set(id, i); });
  var edgeIdIndex = new Map();
  einfo.ids.forEach(function (id, k) { edgeIdIndex.set(id, k); });
  var marks = data.highlight || {};
  var bridgeSet = new Set(marks.bridges || []);
  var cutSet = new Set(marks.articulation_points || []);
  var brokerSet = new Set(marks.brokers || []);
  var typeCounts = vocab.node_types.map(function () { return 0; });
  info.types.forEach(function (t) { typeCounts[t] += 1; });
  var relCounts = vocab.relations.map(function () { return 0; });
  einfo.relation.forEach(function (r) { relCounts[r] += 1; });
  var searchKeys = null;  // built on first search

  function nodeLabel(i) { return data.nodes[i].label; }
  function gloss(word) { return (data.glossary && data.glossary[word]) || ""; }
  function typeName(i) { return vocab.node_types[info.types[i]].name; }

  // ------------------------------------------------------------------ network
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("lc-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  network.once("afterDrawing", function () {
    ready = true;
    readyAt = performance.now();
    document.documentElement.setAttribute("data-linkchart-ready", "true");
  });

  // ------------------------------------------------------------------ tooltip
  var tooltip = document.getElementById("lc-tooltip");
  var hovered = null;  // the edge under the pointer (tests wait on it)
  var tipKind = null;  // what the tooltip shows: a blur of something else must not hide it
  function showTooltip(lines, event, kind) {
    tipKind = kind;
    clear(tooltip);
    lines.forEach(function (line, j) { tooltip.appendChild(el(j === 0 ? "strong" : "div", null, line)); });
    // hover events carry the browser's own pointer event; gestures wrap it in srcEvent
    var src = event && (event.srcEvent || event);
    var p = event && event.center ? event.center : {x: 0, y: 0};
    var x = src && src.clientX !== undefined ? src.clientX : p.x;
    var y = src && src.clientY !== undefined ? src.clientY : p.y;
    tooltip.style.left = Math.min(x + 14, window.innerWidth - 370) + "px";
    tooltip.style.top = (y + 14) + "px";
    tooltip.hidden = false;
  }
  function hideTooltip() { tooltip.hidden = true; tipKind = null; }
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }
  function edgeSummary(k) {
    var e = data.edges[k];
    var rel = vocab.relations[einfo.relation[k]];
    return nodeLabel(e.from) + (rel.directed ? " \u2192 " : " \u2014 ") + nodeLabel(e.to);
  }
  network.on("hoverNode", function (params) {
    var i = params.node;
    var lines = [nodeLabel(i), typeName(i)];
    if (info.aliases[i].length) { lines.push("also: " + info.aliases[i].join(", ")); }
    showTooltip(lines, params.event, "node");
  });
  network.on("hoverEdge", function (params) {
    var k = params.edge;
    hovered = k;
    var rel = vocab.relations[einfo.relation[k]];
    var lines = [rel.name + " (" + vocab.confidence[einfo.confidence[k]].name + ")", edgeSummary(k)];
    if (einfo.evidence[k]) { lines.push("\u201c" + short(einfo.evidence[k], 240) + "\u201d"); }
    showTooltip(lines, params.event, "edge");
  });
  // vis-network may report leaving a node after entering an edge: hide only what is shown
  network.on("blurNode", function () { if (tipKind === "node") { hideTooltip(); } });
  network.on("blurEdge", function () { hovered = null; if (tipKind === "edge") { hideTooltip(); } });
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // ------------------------------------------------------------------ details panel
  var panel = document.getElementById("lc-panel");
  var panelBody = document.getElementById("lc-panel-body");
  var shown = null;
  function setPanel(open) {
    // the panel takes room from the canvas: resize it now, keeping the view's centre
    if (panel.hidden === !open) { return; }
    panel.hidden = !open;
    network.setSize("100%", "100%");
    network.redraw();
  }
  function closePanel() {
    setPanel(false);
    shown = null;
    network.unselectAll();
  }
  document.getElementById("lc-panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target !== input && shown) { closePanel(); }
  });
  function section(title) {
    panelBody.appendChild(el("h3", null, title));
  }
  function definitionList(pairs) {
    var dl = el("dl");
    pairs.forEach(function (pair) {
      dl.appendChild(el("dt", null, pair[0]));
      var dd = el("dd");
      if (pair[1] instanceof Node) { dd.appendChild(pair[1]); } else { dd.textContent = String(pair[1]); }
      dl.appendChild(dd);
    });
    return dl;
  }
  function nodeLink(i) {
    var b = el("button", "lc-link", nodeLabel(i));
    b.type = "button";
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }
  function edgeLink(k, text) {
    var b = el("button", "lc-link", text);
    b.type = "button";
    b.addEventListener("click", function () { network.selectEdges([k]); showEdge(k); });
    return b;
  }
  function badge(text) { return el("span", "lc-badge", text); }
  // notes: what the text says that is not a tie (scenarios, conditions), each with its quote
  function showNotes(notes) {
    if (!notes || !notes.length) { return; }
    section("Notes");
    var ul = el("ul", "lc-notes");
    notes.forEach(function (n) {
      var li = el("li");
      li.appendChild(el("p", null, typeof n === "string" ? n : n.text));
      if (typeof n !== "string" && n.quote) { li.appendChild(el("blockquote", "lc-evidence", n.quote)); }
      if (typeof n !== "string" && n.source) {
        var s = data.sources.find(function (x) { return x.id === n.source; });
        li.appendChild(el("p", "lc-muted", "source: " + (s && s.title ? s.title : n.source)));
      }
      ul.appendChild(li);
    });
    panelBody.appendChild(ul);
  }
  // an either-or claim: its alternatives, of which exactly one holds
  function claimOf(k) {
    var g = einfo.alternative ? einfo.alternative[k] : null;
    return g === null || g === undefined ? null : data.claims[g];
  }

  function showNode(i) {
    clear(panelBody);
    shown = {kind: "node", index: i};
    panel.setAttribute("data-kind", "node");
    panel.setAttribute("data-index", String(i));
    var t = vocab.node_types[info.types[i]];
    panelBody.appendChild(el("h2", null, nodeLabel(i)));
    var typeLine = el("span");
    typeLine.appendChild(shapeSwatch(t.shape, t.color));
    typeLine.appendChild(document.createTextNode(" " + t.name + (t["class"] ? " (" + t["class"] + ")" : "")));
    var pairs = [["id", info.ids[i]], ["type", typeLine]];
    if (info.aliases[i].length) { pairs.push(["aliases", info.aliases[i].join(", ")]); }
    if (info.community) { pairs.push(["community", fmt(info.community[i])]); }
    if (info.camp) {
      pairs.push(["camp", info.camp[i] === null ? "none (no signed tie)" :
        fmt(info.camp[i] + 1) + " \u2014 " + gloss("camp")]);
    }
    panelBody.appendChild(definitionList(pairs));
    var flags = el("div");
    if (cutSet.has(i)) { flags.appendChild(badge("articulation point")); }
    if (brokerSet.has(i)) { flags.appendChild(badge("top broker")); }
    if (flags.firstChild) { panelBody.appendChild(flags); }
    if (info.attributes[i].length) {
      section("Attributes");
      panelBody.appendChild(definitionList(info.attributes[i]));
    }
    if (data.measures.length) {
      section("Measures");
      var table = el("table", "lc-measures");
      var glossed = [];
      data.measures.forEach(function (m) {
        var tr = el("tr");
        var name = m.name === "pn_centrality" ? "PN centrality" : m.name.replace(/_/g, " ");
        var cell = el("td", null, name);
        if (m.meaning) { cell.title = m.meaning; }
        if (m.name === "pn_centrality") { glossed.push("PN centrality: " + gloss("PN centrality")); }
        tr.appendChild(cell);
        tr.appendChild(el("td", "lc-num", fmt(m.values[i])));
        var rank = m.ranks[i];
        var span = m.rank_interval ? m.rank_interval[i] : null;
        var pct = m.percentile && m.percentile[i] !== null ? "; value pct " + Math.round(m.percentile[i]) : "";
        var sure = span && span[0] > 0 ? " (" + (span[0] === span[1] ? span[0] : span[0] + "\u2013" + span[1]) +
          (m.tied && m.tied[i] ? ", tied" : "") + " in 90% of draws" + pct + ")" : "";
        tr.appendChild(el("td", "lc-num lc-muted",
          rank === null ? "" : "rank " + rank + " of " + RANKED + sure + (m.lowest_first ? " (lowest first)" : "")));
        table.appendChild(tr);
      });
      if (timeline && timeline.measure && timeAt > 0) {
        var tm = timeline.measure, j = timeAt - 1;
        var tr2 = el("tr");
        tr2.appendChild(el("td", null, tm.name.replace(/_/g, " ") + " in " + timeline.windows[j].label));
        tr2.appendChild(el("td", "lc-num", tm.values[j][i] === null ? "inactive" : fmt(tm.values[j][i])));
        tr2.appendChild(el("td", "lc-num lc-muted",
          tm.ranks[j][i] === null ? "" : "rank " + tm.ranks[j][i] + " of " + tm.active[j]));
        table.appendChild(tr2);
      }
      panelBody.appendChild(table);
      if (data.draws_note && data.measures.some(function (m) { return m.rank_interval; })) {
        panelBody.appendChild(el("p", "lc-muted lc-draws", data.draws_note));
      }
      glossed.forEach(function (line) { panelBody.appendChild(el("p", "lc-note", line)); });
    }
    showNotes(info.notes[i]);
    if (info.brokerage) {
      var roles = info.brokerage[i];
      var zs = info.brokerage_z ? info.brokerage_z[i] : {};
      var names = Object.keys(roles).sort();
      if (names.length) {
        section("Brokerage roles");
        panelBody.appendChild(definitionList(names.map(function (r) {
          var z = zs[r];
          var paths = String(roles[r]) + (roles[r] === 1 ? " path" : " paths");
          var text = paths + (z && z[0] !== null ? " (z " + fmt(z[0]) + ")" : "") +
            (gloss(r) ? " \u2014 " + gloss(r) : "");
          if (z && z[1]) {
            var dd = el("span", null, text + " ");
            dd.appendChild(el("span", "lc-flag", "! " + z[1]));
            return [r.replace(/_/g, " "), dd];
          }
          return [r.replace(/_/g, " "), text];
        })));
        if (data.brokerage_note) { panelBody.appendChild(el("p", "lc-flag", "! " + data.brokerage_note)); }
        panelBody.appendChild(el("p", "lc-note", "z: " + gloss("z")));
      }
    }
    // the ties of the time chosen on the slider (all of them at "all times")
    var ties = [], total = 0;
    for (var k = 0; k < M; k++) {
      var e = data.edges[k];
      if (e.from !== i && e.to !== i) { continue; }
      total += 1;
      if (inForce === null || inForce[k]) { ties.push(k); }
    }
    affiliationList(i, ties);
    section(inForce === null ? "Ties (" + total + ")" :
      "Ties in force in " + timeline.windows[timeAt - 1].label + " (" + ties.length + " of " + total + ")");
    var ul = el("ul", "lc-ties");
    ties.slice(0, 200).forEach(function (k) {
      var e = data.edges[k];
      var rel = vocab.relations[einfo.relation[k]];
      var other = e.from === i ? e.to : e.from;
      var li = el("li");
      var arrow = rel.directed ? (e.from === i ? "\u2192 " : "\u2190 ") : "\u2014 ";
      li.appendChild(edgeLink(k, rel.name));
      li.appendChild(document.createTextNode(" " + arrow));
      li.appendChild(nodeLink(other));
      var claim = claimOf(k);
      if (claim) { li.appendChild(el("span", "lc-muted", " (one of " + claim.edges.length + ")")); }
      ul.appendChild(li);
    });
    if (ties.length > 200) { ul.appendChild(el("li", "lc-muted", "\u2026 and " + (ties.length - 200) + " more")); }
    panelBody.appendChild(ul);
    setPanel(true);
  }

  // the ties of a node to nodes of another class (the meta-network): an actor's affiliations,
  // an event's participants, each with its relation, confidence, time and evidence
  function affiliationList(i, ties) {
    var mine = vocab.node_types[info.types[i]]["class"];
    if (!mine) { return; }
    var affiliated = ties.filter(function (k) {
      var e = data.edges[k];
      var theirs = vocab.node_types[info.types[e.from === i ? e.to : e.from]]["class"];
      return theirs && theirs !== mine;
    });
    if (!affiliated.length) { return; }
    var title = mine === "event" ? "Participants" : mine === "agent" ? "Affiliations" : "Affiliated";
    section(title + " (" + affiliated.length + ")");
    var list = el("ul", "lc-affiliations");
    affiliated.slice(0, 200).forEach(function (k) {
      var e = data.edges[k];
      var other = e.from === i ? e.to : e.from;
      var li = el("li");
      li.appendChild(nodeLink(other));
      li.appendChild(document.createTextNode(" (" + vocab.node_types[info.types[other]]["class"] + "): "));
      li.appendChild(edgeLink(k, vocab.relations[einfo.relation[k]].name));
      li.appendChild(document.createTextNode(", " + vocab.confidence[einfo.confidence[k]].name +
        (einfo.time[k] ? ", " + einfo.time[k] : "")));
      if (einfo.evidence[k]) { li.appendChild(el("blockquote", "lc-evidence", einfo.evidence[k])); }
      list.appendChild(li);
    });
    if (affiliated.length > 200) {
      list.appendChild(el("li", "lc-muted", "\u2026 and " + (affiliated.length - 200) + " more"));
    }
    panelBody.appendChild(list);
  }

  function showEdge(k) {
    clear(panelBody);
    shown = {kind: "edge", index: k};
    panel.setAttribute("data-kind", "edge");
    panel.setAttribute("data-index", String(k));
    var e = data.edges[k];
    var rel = vocab.relations[einfo.relation[k]];
    var conf = vocab.confidence[einfo.confidence[k]];
    var h = el("h2");
    h.appendChild(lineSwatch(rel.color, conf.dashes, conf.opacity, 3));
    h.appendChild(document.createTextNode(" " + rel.name));
    panelBody.appendChild(h);
    var ends = el("div", "lc-ends");
    ends.appendChild(nodeLink(e.from));
    ends.appendChild(document.createTextNode(rel.directed ? " \u2192 " : " \u2014 "));
    ends.appendChild(nodeLink(e.to));
    panelBody.appendChild(ends);
    if (bridgeSet.has(k)) { panelBody.appendChild(badge("bridge")); }
    if (rel.negative) { panelBody.appendChild(badge("hostile")); }
    var claim = claimOf(k);
    if (claim) { panelBody.appendChild(badge("either-or")); }
    var pairs = [
      ["layer", vocab.layers[rel.layer].name + (rel.negative ? " (hostile)" : rel.neutral ? " (neutral)" : "")],
      ["confidence", conf.name + " (" + fmt(conf.probability) + ")"],
      ["time", einfo.time[k] || "undated"],
      ["weight", fmt(einfo.weight[k])],
      ["edge id", einfo.ids[k]]
    ];
    if (rel.description) { pairs.push(["relation", rel.description]); }
    if (!rel.read) { pairs.push(["measures", "none read it (an example or a category, not a tie)"]); }
    panelBody.appendChild(definitionList(pairs));
    if (claim) {
      section("Either-or claim");
      var n = claim.edges.length;
      panelBody.appendChild(el("p", "lc-claim", "Exactly one of these holds (" + conf.name +
        ", for the claim as a whole); the measures read each as a tie, a weighted measure at 1/" + n +
        " of its weight:"));
      var alts = el("ul", "lc-claim-list");
      claim.edges.forEach(function (j) {
        var li = el("li");
        li.appendChild(edgeLink(j, edgeSummary(j)));
        if (j === k) { li.appendChild(el("span", "lc-muted", " (this tie)")); }
        alts.appendChild(li);
      });
      panelBody.appendChild(alts);
    }
    section("Evidence");
    if (einfo.evidence[k]) {
      panelBody.appendChild(el("blockquote", "lc-evidence", einfo.evidence[k]));
    } else {
      panelBody.appendChild(el("p", "lc-muted", "No quote recorded."));
    }
    var s = einfo.source[k] >= 0 ? data.sources[einfo.source[k]] : null;
    if (s) {
      var src = [["source", s.title || s.id]];
      if (s.author) { src.push(["author", s.author]); }
      if (s.date) { src.push(["date", s.date]); }
      if (s.location) { src.push(["location", s.location]); }
      if (s.title) { src.push(["source id", s.id]); }
      var box = definitionList(src);
      box.className = "lc-source";
      panelBody.appendChild(box);
    } else {
      panelBody.appendChild(el("p", "lc-muted", "No source cited."));
    }
    if (einfo.attributes[k].length) {
      section("Attributes");
      panelBody.appendChild(definitionList(einfo.attributes[k]));
    }
    showNotes(einfo.notes[k]);
    setPanel(true);
  }

  // ------------------------------------------------------------------ why is A tied to B
  // Shift-click a node, then another: the most probable chain of visible positive ties
  // between them (Dijkstra on -log p, the better of parallel reports per step) lights up,
  // with every step's evidence in the panel. Hostile and neutral ties, and relations no
  // measure reads, are never paths; an alternative of an either-or claim holds with p / size.
  var pathStart = null;
  var pathFound = null;
  function bestPath(from, to) {
    var adjacent = [], i, k;
    for (i = 0; i < N; i++) { adjacent.push([]); }
    for (k = 0; k < M; k++) {
      var e = data.edges[k];
      var rel = vocab.relations[einfo.relation[k]];
      if (edgeHidden[k] || e.from === e.to || rel.negative || rel.neutral || !rel.read) { continue; }
      var claim = claimOf(k);
      var p = vocab.confidence[einfo.confidence[k]].probability / (claim ? claim.edges.length : 1);
      adjacent[e.from].push([e.to, k, -Math.log(p)]);
      adjacent[e.to].push([e.from, k, -Math.log(p)]);
    }
    var dist = new Array(N).fill(Infinity), via = new Array(N).fill(-1), done = new Array(N).fill(false);
    var heap = [[0, from]];
    dist[from] = 0;
    function push(item) {
      heap.push(item);
      var c = heap.length - 1;
      while (c > 0) {
        var parent = (c - 1) >> 1;
        if (heap[parent][0] <= heap[c][0]) { break; }
        var t = heap[parent]; heap[parent] = heap[c]; heap[c] = t; c = parent;
      }
    }
    function pop() {
      var top = heap[0], last = heap.pop();
      if (heap.length) {
        heap[0] = last;
        var c = 0;
        for (;;) {
          var l = 2 * c + 1, r = l + 1, m = c;
          if (l < heap.length && heap[l][0] < heap[m][0]) { m = l; }
          if (r < heap.length && heap[r][0] < heap[m][0]) { m = r; }
          if (m === c) { break; }
          var t = heap[m]; heap[m] = heap[c]; heap[c] = t; c = m;
        }
      }
      return top;
    }
    while (heap.length) {
      var item = pop(), u = item[1];
      if (done[u]) { continue; }
      done[u] = true;
      if (u === to) { break; }
      adjacent[u].forEach(function (step) {
        var d = dist[u] + step[2];
        if (d < dist[step[0]] - 1e-15) { dist[step[0]] = d; via[step[0]] = step[1]; push([d, step[0]]); }
      });
    }
    if (!isFinite(dist[to])) { return null; }
    var nodesOnPath = [to], edgesOnPath = [], at = to;
    while (at !== from) {
      var edge = data.edges[via[at]];
      edgesOnPath.unshift(via[at]);
      at = edge.from === at ? edge.to : edge.from;
      nodesOnPath.unshift(at);
    }
    return {nodes: nodesOnPath, edges: edgesOnPath, probability: Math.exp(-dist[to])};
  }
  function showPath(from, to) {
    clear(panelBody);
    pathFound = bestPath(from, to);
    shown = {kind: "path", index: to};
    panel.setAttribute("data-kind", "path");
    panelBody.appendChild(el("h2", null, "Why is " + nodeLabel(from) + " tied to " + nodeLabel(to) + "?"));
    if (!pathFound) {
      panelBody.appendChild(el("p", "lc-muted", "No chain of visible positive ties joins them."));
      setPanel(true);
      return;
    }
    panelBody.appendChild(el("p", null, "The most probable chain: " + pathFound.edges.length + " ties, joint " +
      "probability " + fmt(pathFound.probability) + " (hostile ties are never paths)."));
    network.setSelection({nodes: pathFound.nodes, edges: pathFound.edges}, {highlightEdges: false});
    var list = el("ol", "lc-path");
    pathFound.edges.forEach(function (k, j) {
      var li = el("li");
      var a = pathFound.nodes[j], b = pathFound.nodes[j + 1];
      var e = data.edges[k];
      var rel = vocab.relations[einfo.relation[k]];
      var arrow = !rel.directed ? " \u2014 " : (e.from === a ? " \u2192 " : " \u2190 ");
      var line = el("div");
      line.appendChild(nodeLink(a));
      line.appendChild(document.createTextNode(arrow));
      line.appendChild(edgeLink(k, rel.name));
      line.appendChild(document.createTextNode(arrow));
      line.appendChild(nodeLink(b));
      line.appendChild(el("span", "lc-muted", " (" + vocab.confidence[einfo.confidence[k]].name + ")"));
      li.appendChild(line);
      li.appendChild(einfo.evidence[k] ? el("blockquote", "lc-evidence", einfo.evidence[k])
        : el("p", "lc-muted", "No quote recorded."));
      list.appendChild(li);
    });
    panelBody.appendChild(list);
    setPanel(true);
  }

  network.on("click", function (params) {
    hideTooltip();
    var shift = params.event && params.event.srcEvent && params.event.srcEvent.shiftKey;
    if (shift && params.nodes.length) {
      var i = params.nodes[0];
      if (pathStart === null || pathStart === i) {
        pathStart = i;
        showNode(i);
        panelBody.insertBefore(el("p", "lc-note", "Shift-click another node: why is it tied to this one?"),
          panelBody.firstChild.nextSibling);
      } else {
        var from = pathStart;
        pathStart = null;
        showPath(from, i);
      }
      return;
    }
    pathStart = null;
    if (params.nodes.length) {
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      setPanel(false);
      shown = null;
    }
  });

  function focusNode(i) {
    network.selectNodes([i]);
    showNode(i);
    network.focus(i, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 300}});
  }

  // ------------------------------------------------------------------ search
  var input = document.getElementById("lc-search-input");
  var results = document.getElementById("lc-search-results");
  var firstResult = null;
  function buildSearchKeys() {
    searchKeys = new Array(N);
    for (var i = 0; i < N; i++) {
      searchKeys[i] = [String(nodeLabel(i)).toLowerCase(), String(info.ids[i]).toLowerCase()]
        .concat(info.aliases[i].map(function (a) { return String(a).toLowerCase(); }));
    }
  }
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    if (!searchKeys) { buildSearchKeys(); }
    var scored = [];
    for (var i = 0; i < N; i++) {
      var best = 3;
      searchKeys[i].forEach(function (key) {
        if (key === q) { best = Math.min(best, 0); }
        else if (key.indexOf(q) === 0) { best = Math.min(best, 1); }
        else if (key.indexOf(q) > 0) { best = Math.min(best, 2); }
      });
      if (best < 3) { scored.push([best, i]); }
    }
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return scored.slice(0, 25).map(function (s) { return s[1]; });
  }
  function renderResults() {
    var found = search(input.value);
    clear(results);
    firstResult = found.length ? found[0] : null;
    found.forEach(function (i) {
      var li = el("li");
      li.setAttribute("role", "option");
      var b = el("button", null, nodeLabel(i));
      b.type = "button";
      b.setAttribute("data-index", String(i));
      var extra = typeName(i);
      if (info.ids[i] !== nodeLabel(i)) { extra = info.ids[i] + " \u00b7 " + extra; }
      if (info.aliases[i].length) { extra += " \u00b7 " + info.aliases[i].join(", "); }
      if (nodeHidden[i]) { extra += " \u00b7 hidden by filters"; }
      b.appendChild(el("div", "lc-muted", extra));
      b.addEventListener("click", function () { choose(i); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (input.value.trim() && !found.length) { results.appendChild(el("li", "lc-muted", "  no match")); }
    results.hidden = !input.value.trim();
  }
  function choose(i) {
    results.hidden = true;
    focusNode(i);
  }
  input.addEventListener("input", renderResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && firstResult !== null) { ev.preventDefault(); choose(firstResult); }
    if (ev.key === "Escape") { results.hidden = true; }
  });
  input.addEventListener("focus", function () { if (input.value.trim()) { renderResults(); } });

  // ------------------------------------------------------------------ legend and filters
  var typeOn = vocab.node_types.map(function () { return true; });
  var relOn = vocab.relations.map(function () { return true; });
  var layerOn = vocab.layers.map(function () { return true; });
  var hostileOn = true;
  var maxLevel = vocab.confidence.length - 1;

  function legendItem(list, swatch, text, count, onChange, extraClass) {
    var li = el("li", extraClass);
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "lc-name", text));
    label.appendChild(el("span", "lc-count", count));
    li.appendChild(label);
    list.appendChild(li);
  }
  var typeList = document.getElementById("lc-filter-types");
  var byCommunity = Boolean(info.community);
  var typeBoxes = [];
  vocab.node_types.forEach(function (t, code) {
    if (!typeCounts[code]) { return; }
    // coloured by community, a type is its shape only: its colour would say the wrong thing
    legendItem(typeList, shapeSwatch(t.shape, byCommunity ? "#bbbbbb" : t.color), t.name, typeCounts[code],
      function (on) { typeOn[code] = on; applyFilters(); });
    typeList.lastChild.title = (t["class"] ? "class " + t["class"] + (t.description ? ": " : "") : "") +
      (t.description || "");
    typeBoxes[code] = typeList.lastChild.querySelector("input");
  });
  // classes of the meta-network: each shows or hides every node type of the class at once
  var classNames = [];
  vocab.node_types.forEach(function (t, code) {
    if (t["class"] && typeCounts[code] && classNames.indexOf(t["class"]) < 0) { classNames.push(t["class"]); }
  });
  if (classNames.length > 1) {
    var classList = document.getElementById("lc-filter-classes");
    classNames.forEach(function (c) {
      var count = 0;
      vocab.node_types.forEach(function (t, code) { if (t["class"] === c) { count += typeCounts[code]; } });
      legendItem(classList, el("span", "lc-class"), c, count, function (on) {
        vocab.node_types.forEach(function (t, code) {
          if (t["class"] !== c) { return; }
          typeOn[code] = on;
          if (typeBoxes[code]) { typeBoxes[code].checked = on; }
        });
        applyFilters();
      });
      classList.lastChild.setAttribute("data-class", c);
    });
    document.getElementById("lc-legend-classes").hidden = false;
  }
  if (byCommunity) {
    var sizes = [];
    info.community.forEach(function (c) { if (c !== null) { sizes[c] = (sizes[c] || 0) + 1; } });
    var communityList = document.getElementById("lc-communities");
    sizes.forEach(function (size, c) {
      var li = el("li");
      var label = el("label");
      label.appendChild(shapeSwatch("dot", data.community_colors[c % data.community_colors.length]));
      label.appendChild(el("span", "lc-name", "community " + c));
      label.appendChild(el("span", "lc-count", size));
      li.appendChild(label);
      communityList.appendChild(li);
    });
    document.getElementById("lc-legend-communities").hidden = false;
  }
  var relList = document.getElementById("lc-filter-relations");
  vocab.relations.forEach(function (r, code) {
    if (!relCounts[code]) { return; }
    legendItem(relList, lineSwatch(r.color, false, 1, 3),
      (r.negative ? "\u2212 " : "") + r.name + (r.directed ? " \u2192" : ""), relCounts[code],
      function (on) { relOn[code] = on; applyFilters(); });
    relList.lastChild.title = (r.negative ? "hostile; " : "") + "layer " + vocab.layers[r.layer].name +
      (r.description ? ": " + r.description : "");
  });
  var layerCounts = vocab.layers.map(function () { return 0; });
  var hostileCount = 0;
  einfo.relation.forEach(function (r) {
    layerCounts[vocab.relations[r].layer] += 1;
    if (vocab.relations[r].negative) { hostileCount += 1; }
  });
  var layerList = document.getElementById("lc-filter-layers");
  if (vocab.layers.length > 1 || hostileCount) {
    vocab.layers.forEach(function (layer, code) {
      if (!layerCounts[code]) { return; }
      legendItem(layerList, lineSwatch(layer.color, false, 1, 3), layer.name, layerCounts[code],
        function (on) { layerOn[code] = on; applyFilters(); }, "lc-layer");
    });
    if (hostileCount) {
      legendItem(layerList, lineSwatch(vocab.hostile_color, false, 1, 3), "\u2212 hostile ties (\u22a3)",
        hostileCount, function (on) { hostileOn = on; applyFilters(); }, "lc-hostile");
    }
    document.getElementById("lc-legend-layers").hidden = false;
  }
  if (data.reading) { document.getElementById("lc-reading").textContent = "Measures " + data.reading + "."; }
  var select = document.getElementById("lc-filter-confidence");
  var strokes = document.getElementById("lc-confidence-strokes");
  vocab.confidence.forEach(function (c, code) {
    var opt = el("option", null, c.name + " (" + fmt(c.probability) + ")");
    opt.value = String(code);
    select.appendChild(opt);
    var li = el("li");
    var label = el("label");
    label.appendChild(lineSwatch("#444444", c.dashes, c.opacity, c.width));
    label.appendChild(el("span", "lc-name", c.name));
    li.appendChild(label);
    strokes.appendChild(li);
  });
  select.value = String(maxLevel);
  select.addEventListener("change", function () { maxLevel = Number(select.value); applyFilters(); });

  var markList = document.getElementById("lc-marks");
  function markItem(swatch, text, count) {
    var li = el("li");
    var label = el("label");
    label.appendChild(swatch);
    label.appendChild(el("span", "lc-name", text));
    label.appendChild(el("span", "lc-count", count));
    li.appendChild(label);
    markList.appendChild(li);
  }
  function ring() {
    var svg = svgEl("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    svg.appendChild(svgEl("circle", {cx: 8, cy: 8, r: 5.5, fill: "#ffffff", stroke: "#111111", "stroke-width": 3}));
    return svg;
  }
  if (marks.bridges) {
    // counted as the report counts them: bridging ties (pairs of nodes), with the edges drawn thick
    var bc = marks.bridge_count || {ties: marks.bridges.length, edges: marks.bridges.length};
    markItem(lineSwatch("#555555", false, 1, 5),
      "bridging ties (thick lines: " + bc.edges + " edge" + (bc.edges === 1 ? "" : "s") + ")", bc.ties);
  }
  if (marks.articulation_points) { markItem(ring(), "articulation points", marks.articulation_points.length); }
  if (marks.brokers) { markItem(ring(), "top brokers", marks.brokers.length); }
  if (markList.firstChild) { document.getElementById("lc-legend-marks").hidden = false; }
  document.getElementById("lc-size-note").textContent = (data.size_by
    ? "Node size shows " + data.size_by.replace(/_/g, " ") + "." : "All nodes have the same size.") +
    (data.scale ? " " + data.scale : "");

  if (data.summary) {
    document.getElementById("lc-summary").textContent = data.summary.text;
    document.getElementById("lc-legend-summary").hidden = false;
  }
  var counts = document.getElementById("lc-counts");
  function visibleCounts() {
    var n = 0, m = 0, i;
    for (i = 0; i < N; i++) { if (!nodeHidden[i]) { n++; } }
    for (i = 0; i < M; i++) { if (!edgeHidden[i]) { m++; } }
    return {nodes: n, edges: m};
  }
  function updateCounts() {
    var c = visibleCounts();
    counts.textContent = (c.nodes === N ? N : c.nodes + " of " + N) + " nodes, " +
      (c.edges === M ? M : c.edges + " of " + M) + " edges" +
      (data.summary ? " (summary of " + data.summary.total_nodes + " nodes, " +
       data.summary.total_edges + " edges)" : "");
  }
  // ------------------------------------------------------------------ time: ties in force, actors active
  // a page with too few dated ties has no slider, only the reason (data.timeline.declined)
  var timeline = data.timeline && !data.timeline.declined ? data.timeline : null;
  var timeDeclined = data.timeline && data.timeline.declined ? data.timeline : null;
  var neverInForce = new Set(timeline ? timeline.edge_never : []);
  var timeAt = 0;  // 0: all times; w > 0: timeline.windows[w - 1]
  var inForce = null, active = null;
  function overlaps(a, b, first, last) {
    return (a === null || a <= last) && (b === null || b >= first);
  }
  function computeTime() {
    inForce = null; active = null;
    if (!timeline || timeAt === 0) { return; }
    var w = timeline.windows[timeAt - 1], i, k;
    inForce = new Array(M);
    active = new Array(N);
    for (i = 0; i < N; i++) {
      var a = timeline.node_from[i], b = timeline.node_to[i];
      active[i] = (a !== null || b !== null) && overlaps(a, b, w.first, w.last);
    }
    for (k = 0; k < M; k++) {
      var ea = timeline.edge_from[k], eb = timeline.edge_to[k];
      // each tie's days in force come from Python: its own time, its source's date, its actors' lifespans
      inForce[k] = !neverInForce.has(k) && overlaps(ea, eb, w.first, w.last);
      if (inForce[k]) { active[data.edges[k].from] = true; active[data.edges[k].to] = true; }
    }
  }
  function applyFilters() {
    var nodeUpdates = [], edgeUpdates = [], i, k;
    for (i = 0; i < N; i++) {
      var h = !typeOn[info.types[i]] || (active !== null && !active[i]);
      if (h !== nodeHidden[i]) { nodeHidden[i] = h; nodeUpdates.push({id: i, hidden: h}); }
    }
    for (k = 0; k < M; k++) {
      var e = data.edges[k];
      var rel = vocab.relations[einfo.relation[k]];
      var eh = !relOn[einfo.relation[k]] || !layerOn[rel.layer] || (rel.negative && !hostileOn) ||
        einfo.confidence[k] > maxLevel || nodeHidden[e.from] || nodeHidden[e.to] ||
        (inForce !== null && !inForce[k]);
      if (eh !== edgeHidden[k]) { edgeHidden[k] = eh; edgeUpdates.push({id: k, hidden: eh}); }
    }
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    updateCounts();
  }
  updateCounts();

  var timeBox = document.getElementById("lc-time");
  var slider = document.getElementById("lc-time-slider");
  var timeLabel = document.getElementById("lc-time-label");
  function setTime(w) {
    timeAt = Math.max(0, Math.min(w, timeline ? timeline.windows.length : 0));
    slider.value = String(timeAt);
    var text = timeAt === 0 ? "all times" : timeline.windows[timeAt - 1].label;
    timeLabel.textContent = text;
    slider.setAttribute("aria-valuetext", text);
    computeTime();
    applyFilters();
    if (shown && shown.kind === "node") { showNode(shown.index); }
  }
  if (timeline) {
    slider.max = String(timeline.windows.length);
    var undatedWords = {
      source: "a tie without a time of its own at its source\u2019s date, else throughout its actors\u2019 lifespans",
      always: "a tie without a time of its own throughout its actors\u2019 lifespans",
      never: "ties without a time left out"
    }[timeline.undated] || "";
    document.getElementById("lc-time-note").textContent = "ties in force then and the actors active then" +
      " (" + undatedWords + "; " + timeline.dating + "); \u2190 \u2192 step through " +
      ({periods: "the periods", year: "the years", month: "the months"}[timeline.every] || "the windows");
    slider.addEventListener("input", function () { setTime(Number(slider.value)); });
    timeBox.hidden = false;
  } else if (timeDeclined) {
    slider.hidden = true;
    timeLabel.hidden = true;
    timeBox.setAttribute("data-declined", "true");
    document.getElementById("lc-time-note").textContent = "No time slider: " + timeDeclined.declined + ".";
    timeBox.hidden = false;
  }

  // ------------------------------------------------------------------ test and scripting hook (read-only)
  function pagePoint(p) {
    var dom = network.canvasToDOM(p);
    var r = container.getBoundingClientRect();
    return {x: r.left + dom.x, y: r.top + dom.y};
  }
  window.linkchart = Object.freeze({
    get ready() { return ready; },
    get readyAt() { return readyAt; },
    get shown() { return shown ? {kind: shown.kind, index: shown.index} : null; },
    get hovered() { return hovered; },
    get path() { return pathFound ? {nodes: pathFound.nodes.slice(), edges: pathFound.edges.slice(),
      probability: pathFound.probability} : null; },
    nodes: nodes,
    edges: edges,
    network: network,
    nodeCount: N,
    edgeCount: M,
    nodeIndex: function (id) { return idIndex.has(id) ? idIndex.get(id) : -1; },
    edgeIndex: function (id) { return edgeIdIndex.has(id) ? edgeIdIndex.get(id) : -1; },
    visibleCounts: visibleCounts,
    get time() { return timeline ? {index: timeAt, label: timeAt ? timeline.windows[timeAt - 1].label : null} : null; },
    setTime: function (w) { setTime(w); },
    nodePoint: function (i) { return pagePoint(network.getPositions([i])[i]); },
    edgePoint: function (k) {
      var edge = network.body.edges[k];
      return pagePoint(edge.edgeType.getPoint(0.5));
    },
    search: function (q) { return search(q); }
  });
})();
