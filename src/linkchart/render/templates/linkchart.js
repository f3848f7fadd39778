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
  // a tie as the chart draws it: colour (layer), dashes and opacity (confidence), and its end
  // mark: "arrow" (directed), "bar" (hostile: where the hostility lands) or none
  function lineSwatch(color, dashes, opacity, width, end) {
    var svg = svgEl("svg", {width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": "true"});
    var x2 = end ? 23 : 27;
    var attrs = {x1: 1, y1: 6, x2: x2, y2: 6, stroke: color, "stroke-width": width, "stroke-opacity": opacity};
    if (dashes) { attrs["stroke-dasharray"] = "5 3"; }
    svg.appendChild(svgEl("line", attrs));
    if (end === "arrow") {
      svg.appendChild(svgEl("polygon", {points: "20,2 27,6 20,10", fill: color, "fill-opacity": opacity}));
    } else if (end === "bar") {
      svg.appendChild(svgEl("line", {x1: 24, y1: 1, x2: 24, y2: 11, stroke: color, "stroke-width": 2.5,
        "stroke-opacity": opacity}));
    }
    return svg;
  }
  function endMark(rel) { return rel.negative ? "bar" : rel.directed ? "arrow" : null; }
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
  var conflictsOf = {};  // edge row -> the conflicts between sources it is in (issue 23)
  (data.conflicts || []).forEach(function (c) {
    c.rows.forEach(function (k) { (conflictsOf[k] = conflictsOf[k] || []).push(c); });
  });
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

  // ------------------------------------------------------------------ the reading and its context
  // A tie is context when the page's reading leaves its relation out (hostile, neutral, another
  // layer, no reading); an actor is context when none of its ties is read. By default context is
  // drawn recessive (light, small, unlabelled until zoom or hover); one control brings it forward.
  var context = data.context || {mode: "equal", reasons: vocab.relations.map(function () { return null; })};
  var contextMode = context.mode;
  var contextForward = contextMode === "equal";
  var edgeContext = new Array(M);
  var nodeContext = new Array(N).fill(true);
  (function () {
    for (var k = 0; k < M; k++) {
      edgeContext[k] = context.reasons[einfo.relation[k]] !== null;
      if (!edgeContext[k]) { nodeContext[data.edges[k].from] = false; nodeContext[data.edges[k].to] = false; }
    }
  })();
  var contextEdges = edgeContext.filter(Boolean).length;
  var contextNodes = nodeContext.filter(Boolean).length;
  function recessiveNode(i) { return nodeContext[i] && !contextForward; }
  function recessiveEdge(k) { return edgeContext[k] && !contextForward; }

  // ------------------------------------------------------------------ shapes
  // vis-network draws the label inside an ellipse, circle, box or database and sizes the shape by
  // it: a long name then covers its neighbours, a short one makes a dot. The page draws every label
  // itself, below its shape, so these shapes are drawn here at the node's size.
  // width and height as multiples of the size: all within the 2 x size square vis-network sizes them by
  var SIZED_SHAPES = {ellipse: [2, 1.3], circle: [2, 2], box: [2, 1.35], database: [1.7, 2], text: [1, 1]};
  function sizedShape(kind) {
    var ratio = SIZED_SHAPES[kind];
    return function (p) {
      var ctx = p.ctx, st = p.style, w = st.size * ratio[0], h = st.size * ratio[1];
      return {
        drawNode: function () {
          var x0 = p.x - w / 2, y0 = p.y - h / 2;
          ctx.beginPath();
          if (kind === "ellipse") {
            ctx.ellipse(p.x, p.y, w / 2, h / 2, 0, 0, 2 * Math.PI);
          } else if (kind === "circle") {
            ctx.arc(p.x, p.y, w / 2, 0, 2 * Math.PI);
          } else if (kind === "database") {
            var e = h * 0.15;
            ctx.moveTo(x0, y0 + e);
            ctx.ellipse(p.x, y0 + e, w / 2, e, 0, Math.PI, 0);
            ctx.lineTo(x0 + w, y0 + h - e);
            ctx.ellipse(p.x, y0 + h - e, w / 2, e, 0, 0, Math.PI);
            ctx.closePath();
          } else if (kind === "text") {
            ctx.rect(p.x - w / 4, p.y - h / 4, w / 2, h / 2);
          } else {
            var r = Math.min(w, h) * 0.2;
            ctx.moveTo(x0 + r, y0);
            ctx.arcTo(x0 + w, y0, x0 + w, y0 + h, r);
            ctx.arcTo(x0 + w, y0 + h, x0, y0 + h, r);
            ctx.arcTo(x0, y0 + h, x0, y0, r);
            ctx.arcTo(x0, y0, x0 + w, y0, r);
            ctx.closePath();
          }
          ctx.fillStyle = st.color;
          ctx.fill();
          ctx.lineWidth = st.borderWidth;
          ctx.strokeStyle = st.borderColor;
          if (Array.isArray(st.borderDashes)) {  // a changed node (diff): dashes with white gaps
            ctx.strokeStyle = "#ffffff";
            ctx.stroke();
            ctx.strokeStyle = st.borderColor;
            ctx.setLineDash(st.borderDashes);
          }
          ctx.stroke();
          ctx.setLineDash([]);
        },
        nodeDimensions: {width: w, height: h}
      };
    };
  }
  var options = data.options;
  Object.keys(options.groups || {}).forEach(function (g) {
    var group = options.groups[g];
    if (SIZED_SHAPES[group.shape]) { group.ctxRenderer = sizedShape(group.shape); group.shape = "custom"; }
  });

  // ------------------------------------------------------------------ how each node and edge looks
  // One place decides what is hidden (filters, time, hidden context), what is recessive (context)
  // and what is dimmed (outside the selection). Hiding goes through vis-network's data sets; the
  // looks are set on vis-network's own nodes and edges, then drawn: a data set update makes it
  // process the whole network again (seconds on a large chart), a look must follow a click at once.
  var focusNodes = null, focusEdges = null;  // the selection's neighbourhood, or null
  var RECESSIVE_NODE = 0.35, RECESSIVE_EDGE = 0.2, DIMMED = 0.12;
  function nodeLook(i) {  // [opacity, size]
    var base = data.nodes[i].size, o = 1, size = base;
    if (recessiveNode(i)) { o = RECESSIVE_NODE; size = Math.max(5, Math.round(base * 6) / 10); }
    if (focusNodes && !focusNodes.has(i)) { o = Math.min(o, DIMMED); }
    return [o, size];
  }
  function edgeLook(k) {  // [opacity, width]
    var e = data.edges[k], o = e.color.opacity, w = e.width;
    if (recessiveEdge(k)) { o = Math.min(o, RECESSIVE_EDGE); w = bridgeSet.has(k) ? w : 1; }
    if (focusEdges && !focusEdges.has(k)) { o = Math.min(o, DIMMED * 0.6); }
    return [o, w];
  }
  (function () {  // what is hidden at first: context, when the page hides it
    var hide = contextMode === "hidden" && !contextForward;
    for (var i = 0; i < N; i++) { nodeHidden[i] = hide && nodeContext[i]; }
    for (var k = 0; k < M; k++) { edgeHidden[k] = hide && edgeContext[k]; }
  })();
  var look = {nodeHidden: nodeHidden.slice(), edgeHidden: edgeHidden.slice(), nodeOpacity: [], nodeSize: [],
    edgeOpacity: [], edgeWidth: []};

  // ------------------------------------------------------------------ network
  // vis-network gets no label (the page places and draws them, see "labels" below), and every
  // node and edge with its first look
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var item = Object.assign({}, n), l = nodeLook(i);
    delete item.label;
    look.nodeOpacity.push(l[0]);
    look.nodeSize.push(l[1]);
    if (l[0] !== 1) { item.opacity = l[0]; }
    item.size = l[1];
    if (nodeHidden[i]) { item.hidden = true; }
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, k) {
    var item = Object.assign({}, e), l = edgeLook(k);
    look.edgeOpacity.push(l[0]);
    look.edgeWidth.push(l[1]);
    item.color = {color: e.color.color, opacity: l[0]};
    item.width = l[1];
    if (edgeHidden[k]) { item.hidden = true; }
    return item;
  }));
  var container = document.getElementById("lc-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  function refreshLook() {
    var nodeUpdates = [], edgeUpdates = [], i, k, changed = false;
    for (i = 0; i < N; i++) {
      if (nodeHidden[i] !== look.nodeHidden[i]) { nodeUpdates.push({id: i, hidden: nodeHidden[i]}); look.nodeHidden[i] = nodeHidden[i]; }
    }
    for (k = 0; k < M; k++) {
      if (edgeHidden[k] !== look.edgeHidden[k]) { edgeUpdates.push({id: k, hidden: edgeHidden[k]}); look.edgeHidden[k] = edgeHidden[k]; }
    }
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    // after a data set update vis-network may have read an item's own look again: set every one
    var all = nodeUpdates.length > 0 || edgeUpdates.length > 0, bodyNodes = network.body.nodes;
    for (i = 0; i < N; i++) {
      var l = nodeLook(i);
      if (all || l[0] !== look.nodeOpacity[i] || l[1] !== look.nodeSize[i]) {
        var bn = bodyNodes[i];
        bn.options.opacity = l[0];
        bn.options.size = l[1];
        look.nodeOpacity[i] = l[0];
        look.nodeSize[i] = l[1];
        changed = true;
      }
    }
    var bodyEdges = network.body.edges;
    for (k = 0; k < M; k++) {
      var m = edgeLook(k);
      if (all || m[0] !== look.edgeOpacity[k] || m[1] !== look.edgeWidth[k]) {
        var be = bodyEdges[k];
        be.options.color.opacity = m[0];
        be.options.width = m[1];
        look.edgeOpacity[k] = m[0];
        look.edgeWidth[k] = m[1];
        changed = true;
      }
    }
    labelsChanged();
    if (changed || all) { network.redraw(); }
  }
  function setFocus(nodeList, edgeList) {
    focusNodes = nodeList ? new Set(nodeList) : null;
    focusEdges = edgeList ? new Set(edgeList) : null;
    refreshLook();
  }
  function neighbourhood(i) {
    var ns = [i], es = [];
    for (var k = 0; k < M; k++) {
      var e = data.edges[k];
      if (edgeHidden[k] || (e.from !== i && e.to !== i)) { continue; }
      es.push(k);
      ns.push(e.from === i ? e.to : e.from);
    }
    return {nodes: ns, edges: es};
  }

  // ------------------------------------------------------------------ labels
  // Every label is placed here after each drawing, in screen pixels, by priority: the node under
  // the pointer, the selection and search hits, the selection's neighbours and ties, highlighted
  // nodes, then the nodes put forward by size, relation names where they fit, and context nodes
  // once zoomed in. A label goes below its node (else above, right, left) where it overlaps no
  // label placed before it and no other node, and lies wholly inside the canvas; otherwise it
  // waits for zoom or hover. Fonts grow a little with zoom, far less than the drawing, so zooming
  // in makes room for more labels.
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
  var REF = 10, WRAP = 135, LINE = 1.22, PAD = 2, EDGE_LABELS_AUTO = 40;
  var EDGE_SPOTS = [[0.5, 0], [0.5, -1], [0.5, 1], [0.38, 0], [0.62, 0], [0.38, -1], [0.62, 1], [0.28, 0],
    [0.72, 0]];
  var measurer = document.createElement("canvas").getContext("2d");
  var minSize = 10, maxSize = 10;
  data.nodes.forEach(function (n) { minSize = Math.min(minSize, n.size); maxSize = Math.max(maxSize, n.size); });
  var lineCache = new Map();
  function wrapped(text) {  // lines of at most WRAP px at REF px, and their widths
    var hit = lineCache.get(text);
    if (hit) { return hit; }
    measurer.font = REF + "px " + FONT;
    var words = String(text).split(/\s+/).filter(Boolean), lines = [], line = "";
    words.forEach(function (w) {
      var next = line ? line + " " + w : w;
      if (line && measurer.measureText(next).width > WRAP) { lines.push(line); line = w; } else { line = next; }
    });
    if (line || !lines.length) { lines.push(line); }
    var out = {lines: lines, width: Math.max.apply(null, lines.map(function (l) { return measurer.measureText(l).width; }))};
    lineCache.set(text, out);
    return out;
  }
  function nodeFont(i) {  // px at zoom 1: 11 for the smallest nodes to 14 for the largest
    var t = maxSize > minSize ? (data.nodes[i].size - minSize) / (maxSize - minSize) : 0.5;
    return 11 + 3 * t;
  }
  var boost = [];          // [kind, index, tier] placed first, in order
  var baseOrder = null;    // the rest, by tier then size; rebuilt when what is forward changes
  var hoverNode = null, selectedEdge = null, searchHits = [];
  var placed = [];         // the labels of the last drawing (the test hook reads them)
  var fitScale = 1;
  function labelsChanged() { baseOrder = null; }
  function buildBaseOrder() {
    var forward = [], marked = [], recessive = [], edgeLabels = [], i, k;
    for (i = 0; i < N; i++) {
      if (recessiveNode(i)) { recessive.push(i); } else if (cutSet.has(i) || brokerSet.has(i)) { marked.push(i); } else { forward.push(i); }
    }
    var bySize = function (a, b) { return data.nodes[b].size - data.nodes[a].size || a - b; };
    forward.sort(bySize); marked.sort(bySize); recessive.sort(bySize);
    var shownForward = 0;
    for (k = 0; k < M; k++) { if (!edgeHidden[k] && !recessiveEdge(k)) { shownForward += 1; } }
    if (data.edge_labels === true || (data.edge_labels === null && shownForward <= EDGE_LABELS_AUTO)) {
      for (k = 0; k < M; k++) { if (data.edge_labels === true || !recessiveEdge(k)) { edgeLabels.push(k); } }
    }
    baseOrder = [];
    marked.forEach(function (j) { baseOrder.push(["node", j, 3]); });
    forward.forEach(function (j) { baseOrder.push(["node", j, 4]); });
    edgeLabels.forEach(function (j) { baseOrder.push(["edge", j, 5]); });
    recessive.forEach(function (j) { baseOrder.push(["node", j, 6]); });
  }
  function buildBoost() {
    var out = [];
    if (hoverNode !== null) { out.push(["node", hoverNode, 0]); }
    if (hovered !== null) { out.push(["edge", hovered, 0]); }
    if (shown && shown.kind === "node") { out.push(["node", shown.index, 1]); }
    if (selectedEdge !== null) { out.push(["edge", selectedEdge, 1]); }
    searchHits.forEach(function (i) { out.push(["node", i, 1]); });
    if (focusNodes) {
      focusNodes.forEach(function (i) { out.push(["node", i, 2]); });
      focusEdges.forEach(function (k) { out.push(["edge", k, 2]); });
    }
    return out;
  }
  // a grid of screen cells holding boxes, to find what a new label would overlap
  var CELL = 48, cells = [], cols = 0, rows = 0, boxes = [];
  function gridReset(w, h) {
    cols = Math.max(1, Math.ceil(w / CELL)); rows = Math.max(1, Math.ceil(h / CELL));
    cells.length = cols * rows;
    for (var c = 0; c < cells.length; c++) { if (cells[c]) { cells[c].length = 0; } else { cells[c] = []; } }
    boxes.length = 0;
  }
  function cellRange(x0, y0, x1, y1) {
    return [Math.max(0, Math.floor(x0 / CELL)), Math.max(0, Math.floor(y0 / CELL)),
      Math.min(cols - 1, Math.floor(x1 / CELL)), Math.min(rows - 1, Math.floor(y1 / CELL))];
  }
  function gridAdd(x0, y0, x1, y1, owner) {
    var r = cellRange(x0, y0, x1, y1), id = boxes.length;
    boxes.push([x0, y0, x1, y1, owner]);
    for (var cy = r[1]; cy <= r[3]; cy++) { for (var cx = r[0]; cx <= r[2]; cx++) { cells[cy * cols + cx].push(id); } }
  }
  function gridHits(x0, y0, x1, y1, ownerA, ownerB) {
    var r = cellRange(x0, y0, x1, y1);
    for (var cy = r[1]; cy <= r[3]; cy++) {
      for (var cx = r[0]; cx <= r[2]; cx++) {
        var list = cells[cy * cols + cx];
        for (var j = 0; j < list.length; j++) {
          var b = boxes[list[j]];
          if (b[4] === ownerA || b[4] === ownerB) { continue; }
          if (b[0] < x1 && x0 < b[2] && b[1] < y1 && y0 < b[3]) { return true; }
        }
      }
    }
    return false;
  }
  function nodeRadius(body) {  // the node's shape on the canvas, border included
    var sh = body.shape, r = Math.max(sh.width || 0, sh.height || 0) / 2 || body.options.size;
    return r + (body.options.borderWidth || 1) / 2;
  }
  function placeLabels(ctx) {
    var s = network.getScale(), tr = network.body.view.translation;
    var W = container.clientWidth, H = container.clientHeight;
    var bodyNodes = network.body.nodes, bodyEdges = network.body.edges;
    if (!baseOrder) { buildBaseOrder(); }
    var order = buildBoost();
    var zoomFont = Math.min(1.25, Math.max(1, s));
    var contextZoom = s >= Math.min(1, fitScale * 1.6);
    gridReset(W, H);
    var i, body, x, y, r;
    var screen = new Array(N);
    for (i = 0; i < N; i++) {
      body = bodyNodes[i];
      if (!body || nodeHidden[i]) { continue; }
      x = body.x * s + tr.x; y = body.y * s + tr.y; r = nodeRadius(body) * s;
      screen[i] = [x, y, r];
      if (x + r < 0 || x - r > W || y + r < 0 || y - r > H) { continue; }
      gridAdd(x - r, y - r, x + r, y + r, i);
    }
    placed = [];
    var done = new Set();
    function fits(x0, y0, x1, y1, a, b) {
      return x0 >= 1 && y0 >= 1 && x1 <= W - 1 && y1 <= H - 1 && !gridHits(x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD, a, b);
    }
    function tryNode(i, tier) {
      var p = screen[i];
      if (!p || p[0] < 0 || p[0] > W || p[1] < 0 || p[1] > H || !String(nodeLabel(i)).trim()) { return; }
      var muted = tier >= 6 || recessiveNode(i) || (focusNodes !== null && !focusNodes.has(i));
      var fs = (recessiveNode(i) ? 10.5 : nodeFont(i)) * zoomFont;
      var text = wrapped(nodeLabel(i));
      var w = text.width * fs / REF * 1.04 + 2, h = text.lines.length * fs * LINE;
      var gap = 3, spots = [[p[0] - w / 2, p[1] + p[2] + gap], [p[0] - w / 2, p[1] - p[2] - gap - h],
        [p[0] + p[2] + gap + 2, p[1] - h / 2], [p[0] - p[2] - gap - 2 - w, p[1] - h / 2]];
      for (var j = 0; j < spots.length; j++) {
        var x0 = spots[j][0], y0 = spots[j][1];
        if (fits(x0, y0, x0 + w, y0 + h, i, -2)) {
          gridAdd(x0, y0, x0 + w, y0 + h, -1);
          placed.push({kind: "node", index: i, lines: text.lines, x: x0 + w / 2, y: y0, w: w, h: h, size: fs,
            bold: tier <= 1, muted: muted && tier > 1});
          return;
        }
      }
    }
    function tryEdge(k, tier) {
      var body = bodyEdges[k];
      if (!body || edgeHidden[k] || !screen[body.fromId] || !screen[body.toId]) { return; }
      var fs = 10.5 * zoomFont;
      var text = wrapped(vocab.relations[einfo.relation[k]].name);
      var w = text.width * fs / REF * 1.04 + 2, h = text.lines.length * fs * LINE;
      // on the line at its middle, else a little above or below it, else nearer one end
      for (var j = 0; j < EDGE_SPOTS.length; j++) {
        var m = body.edgeType.getPoint(EDGE_SPOTS[j][0]);
        var px = m.x * s + tr.x, py = m.y * s + tr.y;
        var x0 = px - w / 2, y0 = py - h / 2 + EDGE_SPOTS[j][1] * (h / 2 + 2);
        if (fits(x0, y0, x0 + w, y0 + h, -2, -2)) {
          gridAdd(x0, y0, x0 + w, y0 + h, -1);
          placed.push({kind: "edge", index: k, lines: text.lines, x: x0 + w / 2, y: y0, w: w, h: h, size: fs,
            bold: tier <= 1, muted: tier >= 5 && recessiveEdge(k), edge: true});
          return;
        }
      }
    }
    function tryOne(item) {
      var key = item[0] + item[1];
      if (done.has(key)) { return; }
      done.add(key);
      if (item[2] === 6 && !contextZoom) { return; }
      if (item[0] === "edge" && item[2] >= 5 && focusEdges && !focusEdges.has(item[1])) { return; }  // dimmed
      if (item[0] === "node") { tryNode(item[1], item[2]); } else { tryEdge(item[1], item[2]); }
    }
    order.forEach(tryOne);
    baseOrder.forEach(tryOne);
    // draw in screen pixels, over the chart
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    placed.forEach(function (l) {
      ctx.font = (l.bold ? "600 " : "") + l.size.toFixed(2) + "px " + FONT;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.fillStyle = l.muted ? "#808088" : l.edge ? "#4a4a52" : "#1d1d1f";
      l.lines.forEach(function (line, j) {
        var ly = l.y + j * l.size * LINE + l.size * (LINE - 1) / 2;
        ctx.strokeText(line, l.x, ly);
        ctx.fillText(line, l.x, ly);
      });
    });
    ctx.restore();
  }
  var frames = 0, animations = 0;
  network.on("afterDrawing", function (ctx) {
    placeLabels(ctx);
    frames += 1;
  });
  network.on("animationFinished", function () { animations += 1; });
  network.once("afterDrawing", function () {
    ready = true;
    readyAt = performance.now();
    document.documentElement.setAttribute("data-linkchart-ready", "true");
  });

  // A view of some nodes with their labels inside the canvas, with a margin, at a scale of at
  // most maxScale: every node at first (a small chart is not blown up), a neighbourhood on "focus".
  function fitNodes(ids, maxScale, animate) {
    var W = container.clientWidth, H = container.clientHeight, pos = network.getPositions(ids);
    if (!ids.length || !W || !H) { return; }
    var labelled = ids.length <= 400;
    var ext = ids.map(function (j) {  // screen overhang of each node: [left/right, up, down] px
      var size = look.nodeSize[j] + 3;
      if (!labelled || recessiveNode(j)) { return [size, size, size, 0]; }
      var text = wrapped(nodeLabel(j)), fs = nodeFont(j) * Math.min(1.25, maxScale);
      return [size, size, size, Math.max(0, text.width * fs / REF * 1.04 / 2 + 2),
        text.lines.length * fs * LINE + 5];
    });
    var margin = 14;
    function span(scale) {
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      ids.forEach(function (j, n) {
        var p = pos[j], e = ext[n], half = Math.max(e[0] * scale, e[3] || 0);
        x0 = Math.min(x0, p.x * scale - half); x1 = Math.max(x1, p.x * scale + half);
        y0 = Math.min(y0, p.y * scale - e[1] * scale); y1 = Math.max(y1, p.y * scale + e[2] * scale + (e[4] || 0));
      });
      return [x0, y0, x1, y1];
    }
    var lo = 1e-4, hi = maxScale;
    var b = span(hi);
    if (b[2] - b[0] > W - 2 * margin || b[3] - b[1] > H - 2 * margin) {
      for (var step = 0; step < 40; step++) {
        var mid = Math.sqrt(lo * hi);
        b = span(mid);
        if (b[2] - b[0] <= W - 2 * margin && b[3] - b[1] <= H - 2 * margin) { lo = mid; } else { hi = mid; }
      }
      hi = lo;
      b = span(hi);
    }
    network.moveTo({position: {x: (b[0] + b[2]) / 2 / hi, y: (b[1] + b[3]) / 2 / hi}, scale: hi,
      animation: animate ? {duration: 300} : false});
    return hi;
  }
  function fitAll() {
    var ids = [];
    for (var i = 0; i < N; i++) { if (!nodeHidden[i]) { ids.push(i); } }
    fitScale = fitNodes(ids, 1, false) || fitScale;
  }

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
    if (nodeContext[i]) { lines.push("context: no tie of it is read by the measures"); }
    showTooltip(lines, params.event, "node");
    hoverNode = i;
    network.redraw();
  });
  network.on("hoverEdge", function (params) {
    var k = params.edge;
    hovered = k;
    var rel = vocab.relations[einfo.relation[k]];
    var lines = [rel.name + " (" + vocab.confidence[einfo.confidence[k]].name + ")", edgeSummary(k)];
    if (edgeContext[k]) { lines.push("context: " + reasonWords(context.reasons[einfo.relation[k]])); }
    if (einfo.evidence[k]) { lines.push("\u201c" + short(einfo.evidence[k], 240) + "\u201d"); }
    showTooltip(lines, params.event, "edge");
    network.redraw();
  });
  // vis-network may report leaving a node after entering an edge: hide only what is shown
  network.on("blurNode", function () {
    if (tipKind === "node") { hideTooltip(); }
    hoverNode = null;
    network.redraw();
  });
  network.on("blurEdge", function () {
    hovered = null;
    if (tipKind === "edge") { hideTooltip(); }
    network.redraw();
  });
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // ------------------------------------------------------------------ details panel
  var panel = document.getElementById("lc-panel");
  var panelBody = document.getElementById("lc-panel-body");
  var shown = null;
  function setPanel(open) {
    // the panel takes room from the canvas: resize it now, keeping the zoom and what lies at the
    // canvas's top left corner where they are (vis-network would shrink the drawing to the new width)
    if (panel.hidden === !open) { return; }
    var scale = network.getScale(), corner = network.DOMtoCanvas({x: 0, y: 0});
    panel.hidden = !open;
    network.setSize("100%", "100%");
    var W = container.clientWidth, H = container.clientHeight;
    network.moveTo({position: {x: corner.x + W / 2 / scale, y: corner.y + H / 2 / scale}, scale: scale,
      animation: false});
  }
  function keepInView(i) {  // pan (never zoom) so that node i is not under the panel or off the canvas
    var p = network.canvasToDOM(network.getPositions([i])[i]);
    var W = container.clientWidth, H = container.clientHeight, m = 40;
    var dx = p.x > W - m ? p.x - (W - m) : p.x < m ? p.x - m : 0;
    var dy = p.y > H - m ? p.y - (H - m) : p.y < m ? p.y - m : 0;
    if (dx || dy) {
      var scale = network.getScale(), c = network.getViewPosition();
      network.moveTo({position: {x: c.x + dx / scale, y: c.y + dy / scale}, scale: scale, animation: false});
    }
  }
  function closePanel() {
    setPanel(false);
    shown = null;
    selectedEdge = null;
    network.unselectAll();
    setFocus(null, null);
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
  // a cited source, with its reliability grade, and an evidence item's own fields (more)
  function sourceBox(s, more) {
    if (!s) {
      var none = el("div", "lc-source");
      none.appendChild(el("p", "lc-muted", "No source cited."));
      if (more.length) { none.appendChild(definitionList(more)); }
      return none;
    }
    var src = [["source", s.title || s.id]];
    if (s.reliability) { src.push(["reliability", s.reliability]); }
    src = src.concat(more);
    if (s.author) { src.push(["author", s.author]); }
    if (s.date) { src.push(["date", s.date]); }
    if (s.location) { src.push(["location", s.location]); }
    if (s.unchecked) { src.push(["quote not checked", s.unchecked]); }
    if (s.title) { src.push(["source id", s.id]); }
    var box = definitionList(src);
    box.className = "lc-source";
    return box;
  }
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

  // a panel's first steps: what it shows (kind, index), its selection lit (hood: {nodes, edges}),
  // and what the panel element says it shows (dataKind, dataIndex: by default kind and index)
  function beginPanel(kind, index, hood, dataKind, dataIndex) {
    clear(panelBody);
    shown = {kind: kind, index: index};
    selectedEdge = kind === "edge" ? index : null;
    setFocus(hood.nodes, hood.edges);
    panel.setAttribute("data-kind", dataKind || kind);
    panel.setAttribute("data-index", String(dataIndex === undefined ? index : dataIndex));
  }

  function showNode(i) {
    beginPanel("node", i, neighbourhood(i));
    var t = vocab.node_types[info.types[i]];
    panelBody.appendChild(el("h2", null, nodeLabel(i)));
    var zoomTo = el("button", "lc-focus", "Focus on its ties");
    zoomTo.type = "button";
    zoomTo.id = "lc-focus";
    zoomTo.title = "Zoom to this node and its neighbours (key F)";
    zoomTo.addEventListener("click", function () { focusHood(i); });
    panelBody.appendChild(zoomTo);
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
      var note = readingNote(i);
      if (note) { panelBody.appendChild(el("p", "lc-note lc-reading-note", note)); }
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
      if (edgeContext[k]) { li.appendChild(el("span", "lc-muted", " \u00b7 not read")); }
      var claim = claimOf(k);
      if (claim) { li.appendChild(el("span", "lc-muted", " (one of " + claim.edges.length + ")")); }
      ul.appendChild(li);
    });
    if (ties.length > 200) { ul.appendChild(el("li", "lc-muted", "\u2026 and " + (ties.length - 200) + " more")); }
    panelBody.appendChild(ul);
    setPanel(true);
  }

  // why the reading leaves a tie out, in words, and a list of ties grouped by why
  function reasonWords(reason) {
    if (reason === "hostile") { return "a hostile tie, which the measures do not read"; }
    if (reason === "neutral") { return "a neutral tie (it places an actor, it does not connect it), not read"; }
    if (reason === "unread") { return "an example or a category, which no measure reads"; }
    if (reason === "positive") { return "a positive tie, not in this reading"; }
    if (reason === "relation") { return "a relation not asked for"; }
    return "a tie of the layer " + String(reason).replace(/^layer /, "") + ", not read";
  }
  function reasonGroups(ks) {  // [[reason, count, [[layer, count], ...]], ...]: hostile, neutral, then most
    var by = new Map();
    ks.forEach(function (k) {
      var reason = context.reasons[einfo.relation[k]];
      if (reason === null) { return; }
      var layer = vocab.layers[vocab.relations[einfo.relation[k]].layer].name;
      if (!by.has(reason)) { by.set(reason, {count: 0, layers: new Map()}); }
      var g = by.get(reason);
      g.count += 1;
      g.layers.set(layer, (g.layers.get(layer) || 0) + 1);
    });
    var first = {hostile: 0, neutral: 1};
    return Array.from(by.entries()).map(function (kv) {
      var layers = Array.from(kv[1].layers.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      return [kv[0], kv[1].count, layers];
    }).sort(function (a, b) {
      var fa = a[0] in first ? first[a[0]] : 2, fb = b[0] in first ? first[b[0]] : 2;
      return fa - fb || b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    });
  }
  function reasonPhrase(g) {
    var n = g[1], s = n === 1 ? "" : "s", layers = g[2];
    var which = layers.length === 1 ? layers[0][0] : layers.slice(0, 3).map(function (l) {
      return l[1] + " " + l[0];
    }).join(", ") + (layers.length > 3 ? ", \u2026" : "");
    if (g[0] === "hostile") { return n + " hostile tie" + s + " (" + which + ")"; }
    if (g[0] === "neutral") { return n + " neutral tie" + s + " (" + which + ")"; }
    if (g[0] === "unread") { return n + " tie" + s + " no measure reads (" + which + ")"; }
    if (g[0] === "positive") { return n + " positive tie" + s + " (" + which + ")"; }
    if (g[0] === "relation") { return n + " tie" + s + " of relations not asked for"; }
    return n + " " + String(g[0]).replace(/^layer /, "") + " tie" + s;
  }
  function listWords(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }
  // under the node's measures: how many of its ties the measures read, and what the others are
  function readingNote(i) {
    var mine = [], read = 0;
    for (var k = 0; k < M; k++) {
      var e = data.edges[k];
      if (e.from !== i && e.to !== i) { continue; }
      mine.push(k);
      if (!edgeContext[k]) { read += 1; }
    }
    if (read === mine.length) { return mine.length ? "" : "0 on the reading: it has no tie."; }
    var others = listWords(reasonGroups(mine).map(reasonPhrase));
    if (!read) {
      return "0 on the reading: " + (mine.length === 1 ? "its only tie is " : "its " + mine.length +
        " ties are ") + others + ", which the measures do not read.";
    }
    return "The measures read " + read + " of its " + mine.length + " ties; not read: " + others + ".";
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

  // an edge panel's title (the tie's swatch and relation) and its two ends, linked
  function edgeHeading(rel, swatch, from, to) {
    var h = el("h2");
    h.appendChild(swatch);
    h.appendChild(document.createTextNode(" " + rel.name));
    panelBody.appendChild(h);
    var ends = el("div", "lc-ends");
    ends.appendChild(nodeLink(from));
    ends.appendChild(document.createTextNode(rel.directed ? " \u2192 " : " \u2014 "));
    ends.appendChild(nodeLink(to));
    panelBody.appendChild(ends);
  }

  function showEdge(k) {
    beginPanel("edge", k, {nodes: [data.edges[k].from, data.edges[k].to], edges: [k]});
    var e = data.edges[k];
    var rel = vocab.relations[einfo.relation[k]];
    var conf = vocab.confidence[einfo.confidence[k]];
    edgeHeading(rel, lineSwatch(rel.color, conf.dashes, conf.opacity, 3, endMark(rel)), e.from, e.to);
    if (bridgeSet.has(k)) { panelBody.appendChild(badge("bridge")); }
    if (rel.negative) { panelBody.appendChild(badge("hostile")); }
    if (conflictsOf[k]) { panelBody.appendChild(badge("conflict")); }
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
    if (!rel.read) {
      pairs.push(["measures", "none read it (an example or a category, not a tie)"]);
    } else if (edgeContext[k]) {
      pairs.push(["reading", "context: " + reasonWords(context.reasons[einfo.relation[k]])]);
    }
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
    var contested = conflictsOf[k] || [];
    if (contested.length) {
      section("Conflict between sources");
      contested.forEach(function (c) {
        var p = el("p", "lc-conflict", c.kind + ": " + c.message + " ");
        c.rows.forEach(function (j) {
          if (j !== k) { p.appendChild(edgeLink(j, edgeSummary(j))); }
        });
        panelBody.appendChild(p);
      });
    }
    var items = (einfo.items || {})[String(k)];
    section(items ? "Evidence (" + items.length + (items.length === 1 ? " item" : " items") + "; the tie " + fmt(einfo.probability[k]) + ")" : "Evidence");
    if (items) {
      var list = el("ol", "lc-items");
      items.forEach(function (it) {
        var li = el("li", "lc-item");
        li.appendChild(it.quote ? el("blockquote", "lc-evidence", it.quote)
          : el("p", "lc-muted", "Reported without a quote."));
        var code = it.source >= 0 ? it.source : einfo.source[k];
        var more = [];
        if (it.confidence) { more.push(["confidence", it.confidence]); }
        if (it.credibility !== null) { more.push(["credibility", String(it.credibility)]); }
        if (it.time) { more.push(["time", it.time]); }
        li.appendChild(sourceBox(code >= 0 ? data.sources[code] : null, more));
        list.appendChild(li);
      });
      panelBody.appendChild(list);
    } else {
      panelBody.appendChild(einfo.evidence[k] ? el("blockquote", "lc-evidence", einfo.evidence[k])
        : el("p", "lc-muted", "No quote recorded."));
      panelBody.appendChild(sourceBox(einfo.source[k] >= 0 ? data.sources[einfo.source[k]] : null, []));
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
      var p = einfo.probability[k] / (claim ? claim.edges.length : 1);  // its sources combined
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
    selectedEdge = null;
    setFocus(pathFound.nodes, pathFound.edges);
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
    var labelled = params.nodes.length || params.edges.length ? null : labelAt(params.pointer.DOM);
    if (labelled !== null) {  // a click on a label is a click on its node
      network.selectNodes([labelled]);
      params.nodes = [labelled];
    }
    if (params.nodes.length) {
      showNode(params.nodes[0]);
      keepInView(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      setPanel(false);
      shown = null;
      selectedEdge = null;
      setFocus(null, null);
    }
  });
  function labelAt(p) {
    for (var j = 0; j < placed.length; j++) {
      var l = placed[j];
      if (l.kind === "node" && p.x >= l.x - l.w / 2 && p.x <= l.x + l.w / 2 && p.y >= l.y && p.y <= l.y + l.h) {
        return l.index;
      }
    }
    return null;
  }
  // the explicit way to zoom: to the node and its neighbours (the panel's button, or F)
  function focusHood(i) {
    var hood = neighbourhood(i);
    fitNodes(hood.nodes, 2.5, true);
  }
  document.addEventListener("keydown", function (ev) {
    var typing = ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT" ||
      ev.target.tagName === "TEXTAREA");
    if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && (ev.key === "f" || ev.key === "F") &&
        shown && shown.kind === "node") {
      ev.preventDefault();
      focusHood(shown.index);
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
    searchHits = found.slice(0, 10);  // their labels come first
    network.redraw();
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
    searchHits = [];
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
    legendItem(relList, lineSwatch(r.color, false, 1, 3, endMark(r)),
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
      legendItem(layerList, lineSwatch(vocab.hostile_color, false, 1, 3, "bar"), "\u2212 hostile ties (\u22a3)",
        hostileCount, function (on) { hostileOn = on; applyFilters(); }, "lc-hostile");
    }
    document.getElementById("lc-legend-layers").hidden = false;
  }
  if (data.reading) { document.getElementById("lc-reading").textContent = "Measures " + data.reading + "."; }
  // what is put forward and what is context, and the one control that brings context forward
  var forwardBox = document.getElementById("lc-context-forward");
  var contextNote = document.getElementById("lc-context");
  function contextWords() {
    var how = contextForward ? "drawn like the rest" : contextMode === "hidden" ? "hidden" :
      "drawn light and small, labelled when you zoom in or point at it";
    var ks = [];
    for (var k = 0; k < M; k++) { if (edgeContext[k]) { ks.push(k); } }
    var parts = reasonGroups(ks).map(reasonPhrase);
    var who = contextNodes + (contextNodes === 1 ? " actor" : " actors") + " with no tie read";
    return "Context (" + how + "): " + (parts.length ? listWords(parts) + ", which the measures do not read" +
      (contextNodes ? "; and " + who : "") : who) + ".";
  }
  if (contextEdges || contextNodes) {
    var readEdges = M - contextEdges;
    document.getElementById("lc-forward").textContent = "Forward: the " + readEdges + " tie" +
      (readEdges === 1 ? "" : "s") + " the measures read and the " + (N - contextNodes) + " actor" +
      (N - contextNodes === 1 ? "" : "s") + " they join.";
    contextNote.textContent = contextWords();
    forwardBox.checked = contextForward;
    forwardBox.addEventListener("change", function () {
      contextForward = forwardBox.checked;
      contextNote.textContent = contextWords();
      applyFilters();
    });
    document.getElementById("lc-legend-context").hidden = false;
  }
  var select = document.getElementById("lc-filter-confidence");
  var strokes = document.getElementById("lc-confidence-strokes");
  vocab.confidence.forEach(function (c, code) {
    var opt = el("option", null, c.name + " (" + fmt(c.probability) + ")");
    opt.value = String(code);
    select.appendChild(opt);
    var li = el("li");
    var label = el("label");
    label.appendChild(lineSwatch("#444444", c.dashes, c.opacity, c.width, null));
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
    var i, k, hideContext = contextMode === "hidden" && !contextForward;
    for (i = 0; i < N; i++) {
      nodeHidden[i] = !typeOn[info.types[i]] || (active !== null && !active[i]) || (hideContext && nodeContext[i]);
    }
    for (k = 0; k < M; k++) {
      var e = data.edges[k];
      var rel = vocab.relations[einfo.relation[k]];
      edgeHidden[k] = !relOn[einfo.relation[k]] || !layerOn[rel.layer] || (rel.negative && !hostileOn) ||
        einfo.probability[k] < vocab.confidence[maxLevel].probability - 1e-12 ||  // as min_confidence reads it
        nodeHidden[e.from] || nodeHidden[e.to] ||
        (inForce !== null && !inForce[k]) || (hideContext && edgeContext[k]);
    }
    if (shown && shown.kind === "node") {  // the selection's neighbourhood follows what is shown
      var hood = neighbourhood(shown.index);
      focusNodes = new Set(hood.nodes);
      focusEdges = new Set(hood.edges);
    }
    refreshLook();
    updateCounts();
  }

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

  applyFilters();
  fitAll();

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
    search: function (q) { return search(q); },
    // the labels of the last drawing: what each names and its box in page pixels
    labels: function () {
      var r = container.getBoundingClientRect();
      return placed.map(function (l) {
        return {kind: l.kind, index: l.index, text: l.lines.join(" "), muted: l.muted,
          box: {x0: r.left + l.x - l.w / 2, y0: r.top + l.y, x1: r.left + l.x + l.w / 2, y1: r.top + l.y + l.h}};
      });
    },
    get frames() { return frames; },
    get animations() { return animations; },
    get context() { return {mode: contextMode, forward: contextForward, edges: contextEdges, nodes: contextNodes}; },
    isContextNode: function (i) { return nodeContext[i]; },
    isContextEdge: function (k) { return edgeContext[k]; }
  });
})();
