  // ------------------------------------------------------------------ diff: what changed since an earlier chart
  // Inserted by render/html.py into the page script's closure, only on a diff page (data.diff is
  // there; render/diff.py computes nothing, linkchart.diff did). Added and changed nodes and ties
  // carry their look in the payload; this draws a badge on each (+, ~, −), adds the ghosts of what
  // the earlier chart had and this one lost (node ids N + j, tie ids after the chart's own and the
  // projection's), the legend's Diff section, and what changed in the panels. Every string from
  // the data is shown as text.
  (function () {
    var d = data.diff;
    var G = d.removed_nodes.length, R = d.removed_edges.length;
    var E0 = M + (data.projection ? data.projection.ties.length : 0);
    var SYMBOL = {"+": "+", "~": "~", "-": "\u2212"};
    var WORD = {"+": "added", "~": "changed", "-": "removed"};
    var COLOR = {"+": d.colors.added, "~": d.colors.changed, "-": d.colors.removed};
    var GHOST_OPACITY = 0.55;
    var showRemoved = true, onlyChanges = false;
    var before = d.before ? "\u201c" + d.before + "\u201d" : "the earlier chart";

    // the ghosts, as the page's tooltips, panels and label placing read nodes and ties
    d.removed_nodes.forEach(function (g, j) {
      var i = N + j;
      data.nodes[i] = {label: g.label, size: g.item.size};
      info.types[i] = g.type;
      info.aliases[i] = g.aliases;
      info.ids[i] = g.id;
      info.attributes[i] = g.attributes;
      look.nodeSize[i] = g.item.size;
    });
    d.removed_edges.forEach(function (g, j) {
      var k = E0 + j;
      data.edges[k] = {from: g.from, to: g.to};
      einfo.relation[k] = g.relation;
      einfo.confidence[k] = g.confidence;
      einfo.probability[k] = g.probability;
      einfo.evidence[k] = g.evidence.length ? g.evidence[0][0] : "";
      einfo.time[k] = g.time || null;
      einfo.ids[k] = g.id;
    });
    var ghostNodeHidden = new Array(G).fill(false), ghostEdgeHidden = new Array(R).fill(false);
    nodes.add(d.removed_nodes.map(function (g) { return Object.assign({}, g.item); }));
    edges.add(d.removed_edges.map(function (g, j) {
      var item = {id: E0 + j, from: g.from, to: g.to, width: 2, dashes: d.dashes.removed,
        color: {color: d.colors.removed, opacity: GHOST_OPACITY}, smooth: {type: "curvedCW", roundness: 0.2}};
      if (g.arrows) { item.arrows = g.arrows; }
      return item;
    }));
    function ghostTiesOf(i) {
      var out = [];
      d.removed_edges.forEach(function (g, j) { if (g.from === i || g.to === i) { out.push(E0 + j); } });
      return out;
    }

    // "only the changes": the marked nodes and ties, the ends of marked ties and of removed ones
    var keepNode = new Array(N).fill(false), keepEdge = new Array(M).fill(false), anchor = new Array(N).fill(false);
    Object.keys(d.nodes).forEach(function (i) { keepNode[Number(i)] = true; });
    Object.keys(d.edges).forEach(function (k) {
      keepEdge[Number(k)] = true;
      keepNode[data.edges[k].from] = true;
      keepNode[data.edges[k].to] = true;
    });
    d.removed_edges.forEach(function (g) {
      if (g.from < N) { anchor[g.from] = true; }
      if (g.to < N) { anchor[g.to] = true; }
    });
    var baseRefresh = refreshLook;
    refreshLook = function () {
      var i, k, j, updates = [];
      if (onlyChanges) {
        for (i = 0; i < N; i++) { if (!keepNode[i] && !(showRemoved && anchor[i])) { nodeHidden[i] = true; } }
        for (k = 0; k < M; k++) { if (!keepEdge[k]) { edgeHidden[k] = true; } }
      }
      d.removed_nodes.forEach(function (g, j) {  // the legend's type boxes hide ghosts too
        var hide = !showRemoved || !typeOn[g.type];
        if (hide !== ghostNodeHidden[j]) { ghostNodeHidden[j] = hide; updates.push({id: N + j, hidden: hide}); }
      });
      if (updates.length) { nodes.update(updates); }
      updates = [];
      d.removed_edges.forEach(function (g, j) {  // and the relation boxes and the confidence menu their ties
        var hide = !showRemoved || !relOn[g.relation] || g.probability < vocab.confidence[maxLevel].probability - 1e-12 ||
          [g.from, g.to].some(function (x) { return x < N ? nodeHidden[x] : ghostNodeHidden[x - N]; });
        if (hide !== ghostEdgeHidden[j]) { ghostEdgeHidden[j] = hide; updates.push({id: E0 + j, hidden: hide}); }
      });
      if (updates.length) { edges.update(updates); }
      baseRefresh();
      var bodyNodes = network.body.nodes, bodyEdges = network.body.edges;
      for (j = 0; j < G; j++) {
        bodyNodes[N + j].options.opacity = focusNodes && !focusNodes.has(N + j) ? 0.12 : GHOST_OPACITY;
      }
      for (j = 0; j < R; j++) {
        bodyEdges[E0 + j].options.color.opacity = focusEdges && !focusEdges.has(E0 + j) ? 0.08 : GHOST_OPACITY;
      }
      network.redraw();
    };
    var baseCounts = updateCounts;
    updateCounts = function () {
      baseCounts();
      var shownGhosts = ghostNodeHidden.filter(function (h) { return !h; }).length;
      var shownTies = ghostEdgeHidden.filter(function (h) { return !h; }).length;
      if (shownGhosts || shownTies) {
        counts.textContent += " \u00b7 removed: " + shownGhosts + " node" + (shownGhosts === 1 ? "" : "s") + ", " +
          shownTies + " tie" + (shownTies === 1 ? "" : "s");
      }
    };
    var baseHood = neighbourhood;
    neighbourhood = function (i) {
      var hood = baseHood(i);
      ghostTiesOf(i).forEach(function (k) {
        if (ghostEdgeHidden[k - E0]) { return; }
        var g = d.removed_edges[k - E0];
        hood.edges.push(k);
        hood.nodes.push(g.from === i ? g.to : g.from);
      });
      return hood;
    };

    // badges (+, ~, −) on marked nodes and ties, and the ghosts' labels, drawn over the chart
    function glyph(ctx, x, y, mark, s) {
      var r = 7 / s;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = COLOR[mark];
      ctx.fill();
      ctx.lineWidth = 1.5 / s;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
      ctx.fillStyle = mark === "~" ? "#111111" : "#ffffff";
      ctx.font = "bold " + (12 / s) + "px " + FONT;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(SYMBOL[mark], x, y + 0.5 / s);
    }
    function nodeGlyph(ctx, i, mark, s) {
      var b = network.body.nodes[i];
      if (!b) { return; }
      var r = nodeRadius(b), hw = b.shape.width ? b.shape.width / 2 : r, hh = b.shape.height ? b.shape.height / 2 : r;
      glyph(ctx, b.x + hw * 0.8, b.y - hh * 0.85, mark, s);
    }
    function edgeGlyph(ctx, k, mark, s) {
      var b = network.body.edges[k];
      if (!b || !b.edgeType) { return; }
      var p = b.edgeType.getPoint(0.5);
      glyph(ctx, p.x, p.y, mark, s);
    }
    // a tie's badge once zoomed in, or always when few ties are marked: on a chart of many changes
    // their lines (colour, width, dots) say it and the badges would bury the nodes'
    var markedEdges = Object.keys(d.edges).length + R;
    network.on("afterDrawing", function (ctx) {
      var s = network.getScale(), j;
      ctx.save();
      if (markedEdges <= 40 || s >= Math.max(1, fitScale * 2.5)) {
        Object.keys(d.edges).forEach(function (k) { if (!edgeHidden[k]) { edgeGlyph(ctx, Number(k), d.edges[k], s); } });
        for (j = 0; j < R; j++) { if (!ghostEdgeHidden[j]) { edgeGlyph(ctx, E0 + j, "-", s); } }
      }
      Object.keys(d.nodes).forEach(function (i) { if (!nodeHidden[i]) { nodeGlyph(ctx, Number(i), d.nodes[i], s); } });
      var labelled = G <= 60 || s >= 1;
      for (j = 0; j < G; j++) {
        if (ghostNodeHidden[j]) { continue; }
        nodeGlyph(ctx, N + j, "-", s);
        var b = network.body.nodes[N + j];
        if (!labelled || !b) { continue; }
        ctx.font = "italic " + (11 / s) + "px " + FONT;
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        ctx.lineWidth = 3 / s;
        ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.fillStyle = "#6e6e78";
        var y = b.y + nodeRadius(b) + 3 / s;
        ctx.strokeText(d.removed_nodes[j].label, b.x, y);
        ctx.fillText(d.removed_nodes[j].label, b.x, y);
      }
      ctx.restore();
    });

    // tooltips: say what changed
    var tip = document.getElementById("lc-tooltip");
    function markOfNode(i) { return i >= N ? "-" : d.nodes[String(i)] || null; }
    function markOfEdge(k) { return k >= E0 ? "-" : d.edges[String(k)] || null; }
    function since(mark) {
      return SYMBOL[mark] + " " + WORD[mark] + (mark === "-" ? " (only in " + before + ")" : " since " + before);
    }
    network.on("hoverNode", function (p) { var m = markOfNode(p.node); if (m) { tip.appendChild(el("div", null, since(m))); } });
    network.on("hoverEdge", function (p) { var m = markOfEdge(p.edge); if (m) { tip.appendChild(el("div", null, since(m))); } });

    // the panels
    function markBadge(mark) {
      var b = el("span", "lc-badge lc-diff-badge", since(mark));
      b.style.background = COLOR[mark];
      b.style.color = mark === "~" ? "#111111" : "#ffffff";
      b.setAttribute("data-mark", mark);
      return b;
    }
    function changeList(rows) {
      return definitionList(rows.map(function (c) {
        return [c[0], (c[1] === "" ? "\u2014" : c[1]) + " \u2192 " + (c[2] === "" ? "\u2014" : c[2])];
      }));
    }
    function itemList(items, mark) {
      var list = el("ul", "lc-diff-items");
      items.forEach(function (it) {
        var li = el("li");
        li.appendChild(el("span", "lc-muted", SYMBOL[mark] + " " + WORD[mark]));
        li.appendChild(it[0] ? el("blockquote", "lc-evidence", it[0]) : el("p", "lc-muted", "Reported without a quote."));
        if (it[1]) { li.appendChild(el("p", "lc-muted", it[1])); }
        list.appendChild(li);
      });
      return list;
    }
    function nameOf(id) {
      if (idIndex.has(id)) { return nodeLabel(idIndex.get(id)); }
      var g = d.removed_nodes.find(function (x) { return x.id === id; });
      return g ? g.label : id;
    }
    function rankWord(r) { return r === null ? "absent" : String(r); }
    function movesOf(id) {
      var out = [];
      d.ranks.forEach(function (r) {
        r.moves.forEach(function (m) {
          if (m[0] === id) { out.push([r.measure.replace(/_/g, " "), "rank " + rankWord(m[1]) + " \u2192 " + rankWord(m[2])]); }
        });
      });
      return out;
    }
    function ghostTieList(ks) {
      var ul = el("ul", "lc-ties");
      ks.forEach(function (k) {
        var g = d.removed_edges[k - E0], li = el("li");
        li.appendChild(el("span", "lc-muted", "\u2212 "));
        li.appendChild(edgeLink(k, vocab.relations[g.relation].name));
        li.appendChild(document.createTextNode(" " + (vocab.relations[g.relation].directed ? "\u2192" : "\u2014") + " "));
        li.appendChild(nodeLink(g.from === shown.index ? g.to : g.from));
        ul.appendChild(li);
      });
      return ul;
    }
    function diffBlock(mark, rows, moves, ghostTies) {
      var box = el("div", "lc-diff");
      box.appendChild(el("h3", null, "Since " + before));
      if (mark) { box.appendChild(markBadge(mark)); }
      if (rows && rows.length) { box.appendChild(changeList(rows)); }
      if (moves.length) {
        box.appendChild(el("p", "lc-muted", "Top " + d.top + " ranks moved:"));
        box.appendChild(definitionList(moves));
      }
      if (ghostTies.length) {
        box.appendChild(el("p", "lc-muted", "Ties it had in " + before + " (" + ghostTies.length + ", removed):"));
        box.appendChild(ghostTieList(ghostTies));
      }
      return box;
    }
    function putAfterTitle(box) { panelBody.insertBefore(box, panelBody.firstChild.nextSibling); }

    var baseShowNode = showNode;
    showNode = function (i) {
      if (i >= N) { showRemovedNode(i - N); return; }
      baseShowNode(i);
      var mark = d.nodes[String(i)] || null, moves = movesOf(info.ids[i]), ghosts = ghostTiesOf(i);
      if (mark || moves.length || ghosts.length) { putAfterTitle(diffBlock(mark, d.node_changes[String(i)], moves, ghosts)); }
    };
    function showRemovedNode(j) {
      var g = d.removed_nodes[j], i = N + j, t = vocab.node_types[g.type];
      beginPanel("node", i, neighbourhood(i), "removed-node", j);
      panelBody.appendChild(el("h2", null, g.label));
      panelBody.appendChild(markBadge("-"));
      var typeLine = el("span");
      typeLine.appendChild(shapeSwatch(t.shape, t.color));
      typeLine.appendChild(document.createTextNode(" " + t.name));
      var pairs = [["id", g.id], ["type", typeLine]];
      if (g.aliases.length) { pairs.push(["aliases", g.aliases.join(", ")]); }
      panelBody.appendChild(definitionList(pairs));
      if (g.attributes.length) { section("Attributes"); panelBody.appendChild(definitionList(g.attributes)); }
      var moves = movesOf(g.id);
      if (moves.length) { section("Top " + d.top + " ranks moved"); panelBody.appendChild(definitionList(moves)); }
      var ties = ghostTiesOf(i);
      section("Ties in " + before + " (" + ties.length + ")");
      panelBody.appendChild(ghostTieList(ties));
      setPanel(true);
    }

    var baseShowEdge = showEdge;
    showEdge = function (k) {
      if (k >= E0) { showRemovedEdge(k - E0); return; }
      baseShowEdge(k);
      var mark = d.edges[String(k)];
      if (!mark) { return; }
      var c = d.edge_changes[String(k)] || {changes: [], items_added: [], items_removed: []};
      var box = diffBlock(mark, c.changes, [], []);
      if (c.a) { box.appendChild(el("p", "lc-muted", "edge id in " + before + ": " + c.a)); }
      if (c.items_added.length) { box.appendChild(itemList(c.items_added, "+")); }
      if (c.items_removed.length) { box.appendChild(itemList(c.items_removed, "-")); }
      putAfterTitle(box);
    };
    function showRemovedEdge(j) {
      var g = d.removed_edges[j], k = E0 + j, rel = vocab.relations[g.relation];
      beginPanel("edge", k, {nodes: [g.from, g.to], edges: [k]}, "removed-edge", j);
      edgeHeading(rel, lineSwatch(d.colors.removed, true, 1, 3, endMark(rel)), g.from, g.to);
      panelBody.appendChild(markBadge("-"));
      var pairs = [["confidence", g.confidence_name], ["time", g.time || "undated"]];
      if (g.source) { pairs.push(["source", g.source]); }
      pairs.push(["edge id in " + before, g.id]);
      if (g.claim) { pairs.push(["claim", g.claim]); }
      panelBody.appendChild(definitionList(pairs));
      section("Evidence in " + before);
      if (!g.evidence.length) { panelBody.appendChild(el("p", "lc-muted", "No quote recorded.")); }
      g.evidence.forEach(function (it) {
        panelBody.appendChild(it[0] ? el("blockquote", "lc-evidence", it[0]) : el("p", "lc-muted", "Reported without a quote."));
        if (it[1]) { panelBody.appendChild(el("p", "lc-muted", it[1])); }
      });
      setPanel(true);
    }

    // the legend's Diff section: counts by kind, the two toggles, the rank moves, what else changed
    function markSwatch(mark) {
      var svg = svgEl("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
      svg.appendChild(svgEl("circle", {cx: 8, cy: 8, r: 7, fill: COLOR[mark]}));
      var t = svgEl("text", {x: 8, y: 12, "text-anchor": "middle", "font-size": 12, "font-weight": "bold",
        fill: mark === "~" ? "#111111" : "#ffffff"});
      t.textContent = SYMBOL[mark];
      svg.appendChild(t);
      return svg;
    }
    var c = d.counts;
    var sec = el("section");
    sec.id = "lc-legend-diff";
    sec.appendChild(el("h2", null, "Diff"));
    sec.appendChild(el("p", "lc-note", "This chart against " + before + ": what it added, changed and lost."));
    var list = el("ul", "lc-legend");
    [["+", c.nodes_added, c.edges_added], ["~", c.nodes_changed, c.edges_changed], ["-", c.nodes_removed, c.edges_removed]]
      .forEach(function (row) {
        var li = el("li"), label = el("label");
        li.setAttribute("data-mark", row[0]);
        label.appendChild(markSwatch(row[0]));
        label.appendChild(el("span", "lc-name", SYMBOL[row[0]] + " " + WORD[row[0]]));
        label.appendChild(el("span", "lc-count", row[1] + " node" + (row[1] === 1 ? "" : "s") + ", " + row[2] +
          " tie" + (row[2] === 1 ? "" : "s")));
        li.appendChild(label);
        list.appendChild(li);
      });
    sec.appendChild(list);
    if (c.confidence_changed || c.probability_changed || c.evidence_added || c.evidence_removed || c.evidence_changed) {
      sec.appendChild(el("p", "lc-note", "Of the ties changed: confidence " + c.confidence_changed +
        "; probability " + c.probability_changed + "; evidence " +
        c.evidence_added + " added, " + c.evidence_removed + " removed, " + c.evidence_changed + " changed."));
    }
    if (d.left_out) {
      sec.appendChild(el("p", "lc-note", d.left_out + " change" + (d.left_out === 1 ? "" : "s") +
        " outside what this page draws (a summary view) not drawn."));
    }
    function toggle(id, text, checked, onChange) {
      var label = el("label", "lc-toggle"), box = el("input");
      box.type = "checkbox";
      box.id = id;
      box.checked = checked;
      box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + text));
      sec.appendChild(label);
    }
    toggle("lc-diff-only", "Only the changes", false, function (on) { onlyChanges = on; });
    toggle("lc-diff-removed", "Show what was removed (" + G + " node" + (G === 1 ? "" : "s") + ", " + R +
      " tie" + (R === 1 ? "" : "s") + ")", true, function (on) { showRemoved = on; });
    if (d.ranks.length) {
      var ranksBox = el("details", "lc-note");
      ranksBox.appendChild(el("summary", null, "Top " + d.top + " ranks moved (" + d.ranks.length + " measure" +
        (d.ranks.length === 1 ? "" : "s") + ")"));
      var moved = el("ul", "lc-diff-ranks");
      d.ranks.forEach(function (r) {
        moved.appendChild(el("li", null, r.measure.replace(/_/g, " ") + ": " + r.moves.map(function (m) {
          return nameOf(m[0]) + " " + rankWord(m[1]) + "\u2192" + rankWord(m[2]);
        }).join(", ")));
      });
      ranksBox.appendChild(moved);
      sec.appendChild(ranksBox);
    }
    // every change, listed: a click shows it (its panel says what changed)
    var LISTED = 100;
    var listed = el("details", "lc-diff-list");
    listed.appendChild(el("summary", null, "List the changes"));
    function byMark(marks, mark) {
      return Object.keys(marks).filter(function (x) { return marks[x] === mark; }).map(Number)
        .sort(function (x, y) { return x - y; });
    }
    function range(from, count) { return Array.from({length: count}, function (_, j) { return from + j; }); }
    [["+", byMark(d.nodes, "+"), byMark(d.edges, "+")], ["~", byMark(d.nodes, "~"), byMark(d.edges, "~")],
     ["-", range(N, G), range(E0, R)]].forEach(function (kind) {
      if (!kind[1].length && !kind[2].length) { return; }
      listed.appendChild(el("p", "lc-note", SYMBOL[kind[0]] + " " + WORD[kind[0]]));
      var ul = el("ul", "lc-diff-changes");
      ul.setAttribute("data-mark", kind[0]);
      kind[1].slice(0, LISTED).forEach(function (i) { var li = el("li"); li.appendChild(nodeLink(i)); ul.appendChild(li); });
      kind[2].slice(0, LISTED).forEach(function (k) {
        var li = el("li");
        li.appendChild(edgeLink(k, vocab.relations[einfo.relation[k]].name + ": " + edgeSummary(k)));
        ul.appendChild(li);
      });
      var more = Math.max(0, kind[1].length - LISTED) + Math.max(0, kind[2].length - LISTED);
      if (more) { ul.appendChild(el("li", "lc-muted", "\u2026 and " + more + " more")); }
      listed.appendChild(ul);
    });
    sec.appendChild(listed);
    d.notes.forEach(function (line) { sec.appendChild(el("p", "lc-note", line)); });

    // search finds the removed nodes too, after the chart's own
    var baseSearch = search;
    search = function (query) {
      var found = baseSearch(query), q = query.trim().toLowerCase();
      d.removed_nodes.forEach(function (g, j) {
        var keys = [g.label, g.id].concat(g.aliases);
        if (q && found.length < 25 && keys.some(function (x) { return String(x).toLowerCase().indexOf(q) >= 0; })) {
          found.push(N + j);
        }
      });
      return found;
    };
    var side = document.getElementById("lc-side");
    side.insertBefore(sec, side.firstChild);
    refreshLook();
    updateCounts();
    var all = [];
    for (var i = 0; i < N + G; i++) { if (i >= N ? !ghostNodeHidden[i - N] : !nodeHidden[i]) { all.push(i); } }
    fitScale = fitNodes(all, 1, false) || fitScale;

    window.linkchartDiff = Object.freeze({
      removedNode: function (id) { var j = d.removed_nodes.findIndex(function (g) { return g.id === id; }); return j < 0 ? -1 : N + j; },
      removedEdge: function (id) { var j = d.removed_edges.findIndex(function (g) { return g.id === id; }); return j < 0 ? -1 : E0 + j; },
      get onlyChanges() { return onlyChanges; },
      get showRemoved() { return showRemoved; }
    });
  })();

