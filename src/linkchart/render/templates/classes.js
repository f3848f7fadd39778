  // ------------------------------------------------------------------ classes: one class alone, the projection
  // Inserted by render/html.py into the page script's closure, only on the page of a chart of
  // several classes (data.projection is there): a one-class page is the page it always was.
  // "only" shows one class (through each class's own box, so every filter follows); the
  // projection shows the projected class tied through what its nodes share, ties computed in
  // Python (linkchart.one_mode), each with the affiliation ties it rests on.
  (function () {
    var proj = data.projection;
    var classItems = Array.prototype.slice.call(document.querySelectorAll("#lc-filter-classes li"));
    var onlyClass = null, projOn = false, saved = null, added = false;
    var P = proj.ties.length, projHidden = [];
    var PROJ_COLOR = "#555555";
    function classOf(i) { return vocab.node_types[info.types[i]]["class"]; }
    function boxOf(li) { return li.querySelector("input"); }
    function setClasses(want) {  // want: class -> shown?
      classItems.forEach(function (li) {
        var box = boxOf(li), on = want(li.getAttribute("data-class"));
        if (box.checked !== on) { box.checked = on; box.dispatchEvent(new Event("change")); }
      });
    }
    var onlyButtons = classItems.map(function (li) {
      var c = li.getAttribute("data-class");
      var b = el("button", "lc-only", "only");
      b.type = "button";
      b.title = "Show only the " + c + " class (again: show every class)";
      b.setAttribute("aria-pressed", "false");
      b.setAttribute("data-class", c);
      b.addEventListener("click", function () { showOnly(onlyClass === c ? null : c); });
      // styled here, not in linkchart.css, which a one-class page inlines too
      li.style.display = "flex";
      li.style.alignItems = "center";
      li.firstChild.style.flex = "1";
      b.style.fontSize = "11px";
      b.style.marginLeft = "4px";
      b.style.padding = "0 5px";
      li.appendChild(b);
      boxOf(li).addEventListener("change", function () {  // a box changed by hand ends "only"
        if (onlyClass !== null && !projOn && boxOf(li).checked !== (c === onlyClass)) { pressOnly(null); }
      });
      return b;
    });
    function pressOnly(c) {
      onlyClass = c;
      onlyButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-class") === c)); });
    }
    function showOnly(c) {
      if (projOn) { setProjection(false); projBox.checked = false; }
      pressOnly(c);
      setClasses(function (x) { return c === null || x === c; });
    }

    // the projected ties, after the chart's own: edge ids M + j, with what the panels and labels read
    var relCode = vocab.relations.length;
    vocab.relations.push({name: proj.relation, description: "", color: PROJ_COLOR, directed: false,
      negative: false, neutral: false, read: true, layer: 0});
    var levels = vocab.confidence.map(function (c) { return c.probability; });
    proj.ties.forEach(function (t, j) {
      var k = M + j, level = 0;
      levels.forEach(function (p, l) { if (p <= t.probability + 1e-12) { level = l; } });
      data.edges[k] = {from: t.from, to: t.to};
      einfo.relation[k] = relCode;
      einfo.confidence[k] = level;
      einfo.evidence[k] = "shared: " + t.via.map(function (v) { return nodeLabel(v[0]); }).join(", ");
      einfo.time[k] = null;
      einfo.weight[k] = t.weight;
      projHidden[j] = true;
    });
    function projItems() {
      return proj.ties.map(function (t, j) {
        return {id: M + j, from: t.from, to: t.to, hidden: true, smooth: false,
          color: {color: PROJ_COLOR, opacity: 0.8}, width: Math.min(8, 1 + t.weight)};
      });
    }

    // what is hidden follows the projection: the chart's own ties go, the projected ties between
    // shown actors come
    var baseRefresh = refreshLook;
    refreshLook = function () {
      if (projOn) { for (var k = 0; k < M; k++) { edgeHidden[k] = true; } }
      var updates = [];
      proj.ties.forEach(function (t, j) {
        var hide = !projOn || nodeHidden[t.from] || nodeHidden[t.to];
        if (hide !== projHidden[j]) { projHidden[j] = hide; updates.push({id: M + j, hidden: hide}); }
      });
      if (updates.length && added) { edges.update(updates); }
      baseRefresh();
    };
    var baseHood = neighbourhood;
    neighbourhood = function (i) {
      var hood = baseHood(i);
      proj.ties.forEach(function (t, j) {
        if (projHidden[j] || (t.from !== i && t.to !== i)) { return; }
        hood.edges.push(M + j);
        hood.nodes.push(t.from === i ? t.to : t.from);
      });
      return hood;
    };
    var baseCounts = updateCounts;
    updateCounts = function () {
      baseCounts();
      if (projOn) {
        var shownTies = projHidden.filter(function (h) { return !h; }).length;
        counts.textContent += " \u00b7 projection: " + shownTies + " tie" + (shownTies === 1 ? "" : "s");
      }
    };

    function setProjection(on) {
      if (on === projOn) { return; }
      if (on && !added) { edges.add(projItems()); added = true; }
      if (on) {
        saved = classItems.map(function (li) { return boxOf(li).checked; });
        pressOnly(null);
        projOn = true;
        setClasses(function (x) { return x === proj.onto; });
      } else {
        projOn = false;
        if (shown && shown.kind === "edge" && shown.index >= M) { closePanel(); }
        var before = saved;
        setClasses(function (x) { return before ? before[classItems.findIndex(function (li) {
          return li.getAttribute("data-class") === x; })] : true; });
      }
      applyFilters();
    }

    // the panel of a projected tie: its weight and probability, and each shared affiliation with
    // the two ends' ties to it and their evidence
    var baseShowEdge = showEdge;
    showEdge = function (k) {
      if (k < M) { baseShowEdge(k); return; }
      var t = proj.ties[k - M];
      beginPanel("edge", k, {nodes: [t.from, t.to], edges: [k]}, "projected", k - M);
      edgeHeading({name: proj.relation, directed: false}, lineSwatch(PROJ_COLOR, false, 1, 3, null), t.from, t.to);
      panelBody.appendChild(badge("projection"));
      panelBody.appendChild(definitionList([
        ["weight", fmt(t.weight) + " (shared affiliations)"],
        ["probability", fmt(t.probability) + " that they share at least one"],
        ["through", proj.via.join(", ")]
      ]));
      section("Shared affiliations (" + t.via.length + ")");
      var list = el("ul", "lc-affiliations");
      t.via.forEach(function (v) {
        var li = el("li");
        li.appendChild(nodeLink(v[0]));
        li.appendChild(document.createTextNode(" (" + (classOf(v[0]) || typeName(v[0])) + ")"));
        var ties = el("ul");
        v[1].forEach(function (r) {
          var item = el("li");
          item.appendChild(edgeLink(r, edgeSummary(r)));
          item.appendChild(document.createTextNode(": " + vocab.relations[einfo.relation[r]].name + ", " +
            vocab.confidence[einfo.confidence[r]].name + (einfo.time[r] ? ", " + einfo.time[r] : "")));
          item.appendChild(einfo.evidence[r] ? el("blockquote", "lc-evidence", einfo.evidence[r])
            : el("p", "lc-muted", "No quote recorded."));
          ties.appendChild(item);
        });
        li.appendChild(ties);
        list.appendChild(li);
      });
      panelBody.appendChild(list);
      setPanel(true);
    };

    var classSection = document.getElementById("lc-legend-classes");
    var projLabel = el("label", "lc-toggle");
    var projBox = el("input");
    projBox.type = "checkbox";
    projBox.id = "lc-projection";
    projLabel.appendChild(projBox);
    projLabel.appendChild(document.createTextNode(" Projection: " + proj.onto + " \u00d7 " + proj.onto +
      " through shared " + proj.via.join(", ") + " (" + P + " tie" + (P === 1 ? "" : "s") + ")"));
    classSection.appendChild(projLabel);
    if (proj.declined) {
      projBox.disabled = true;
      classSection.appendChild(el("p", "lc-note", "No projection on this page: " + proj.declined + "."));
    }
    projBox.addEventListener("change", function () { setProjection(projBox.checked); });
  })();

