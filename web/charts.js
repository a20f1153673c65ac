// waveopt planner: SVG drawing (map and bar charts), built with DOM calls only (no innerHTML,
// so names from a wave are never parsed as markup). Exposes window.Charts.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
    "#17becf", "#bcbd22", "#7f7f7f", "#d62728", "#393b79", "#637939"];

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, content, attrs) {
    const t = el("text", Object.assign({ x, y }, attrs || {}), parent);
    t.textContent = content;
    return t;
  }
  function svgRoot(width, height, label) {
    return el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label,
      "font-family": "DejaVu Sans, sans-serif" });
  }
  function colorOf(index) { return PALETTE[index % PALETTE.length]; }

  // Coastlines and borders (Natural Earth 1:110m, public domain; /assets/basemap.json, the file
  // the server's maps use), set once the page has fetched it.
  let basemap = null;
  function setBasemap(data) { basemap = data; }

  // Map: nodes (squares), ship-to points (dots in the colour of the node shipping most of the
  // order; red ring: nothing shipped; grey ring: on hold) and one line per shipment.
  function map(wave, plan) {
    const width = 760, height = 440, pad = 28;
    const nodes = new Map(wave.nodes.filter(n => n.location).map(n => [n.id, n]));
    const orders = new Map(wave.orders.filter(o => o.ship_to && o.ship_to.lat !== undefined)
      .map(o => [o.id, o]));
    const points = [...[...nodes.values()].map(n => n.location), ...[...orders.values()].map(o => o.ship_to)];
    const svg = svgRoot(width, height, `Map of ${nodes.size} nodes and ${orders.size} ship-to points`);
    el("rect", { x: 0, y: 0, width, height, fill: "#eef3f8" }, svg);
    if (points.length === 0) {
      text(svg, width / 2, height / 2, "No coordinates in this wave", { "text-anchor": "middle" });
      return svg;
    }
    let [minLat, maxLat] = [Math.min(...points.map(p => p.lat)), Math.max(...points.map(p => p.lat))];
    let [minLon, maxLon] = [Math.min(...points.map(p => p.lon)), Math.max(...points.map(p => p.lon))];
    const squeeze = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
    const spanX = Math.max((maxLon - minLon) * squeeze, 1e-6), spanY = Math.max(maxLat - minLat, 1e-6);
    const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
    const offX = (width - spanX * scale) / 2, offY = (height - spanY * scale) / 2;
    const project = p => [offX + (p.lon - minLon) * squeeze * scale, offY + (maxLat - p.lat) * scale];

    if (basemap) {
      const [w, e, so, no] = [minLon - 10, maxLon + 10, minLat - 10, maxLat + 10];
      const near = line => line.some(([lon, lat]) => lon >= w && lon <= e && lat >= so && lat <= no);
      const outline = el("g", { class: "basemap", fill: "none", "stroke-linejoin": "round" }, svg);
      for (const [lines, colour] of [[basemap.borders, "#c4cad2"], [basemap.coast, "#8c96a2"]]) {
        for (const line of lines.filter(near)) {
          el("polyline", { class: "basemap-line", stroke: colour, "stroke-width": 1,
            points: line.map(([lon, lat]) => project({ lon, lat }).map(v => v.toFixed(1)).join(",")).join(" ") }, outline);
        }
      }
    }

    // a light graticule every 5 degrees
    const grid = el("g", { stroke: "#d6dee8", "stroke-width": 1 }, svg);
    for (let lon = Math.ceil(minLon / 5) * 5; lon <= maxLon; lon += 5) {
      const [x] = project({ lat: minLat, lon });
      el("line", { x1: x, y1: 0, x2: x, y2: height }, grid);
    }
    for (let lat = Math.ceil(minLat / 5) * 5; lat <= maxLat; lat += 5) {
      const [, y] = project({ lat, lon: minLon });
      el("line", { x1: 0, y1: y, x2: width, y2: y }, grid);
    }

    const nodeIndex = new Map(wave.nodes.map((n, i) => [n.id, i]));
    const lines = el("g", { class: "ship-lines", "stroke-width": 1.3, "stroke-opacity": 0.7 }, svg);
    const dots = el("g", { class: "ship-tos" }, svg);
    for (const result of plan.orders) {
      const order = orders.get(result.id);
      if (!order) continue;
      const [ox, oy] = project(order.ship_to);
      const units = new Map();
      for (const s of result.shipments) {
        const node = nodes.get(s.node);
        const qty = s.lines.reduce((a, l) => a + l.qty, 0);
        units.set(s.node, (units.get(s.node) || 0) + qty);
        if (!node) continue;
        const [nx, ny] = project(node.location);
        el("line", { class: "ship-line", x1: nx, y1: ny, x2: ox, y2: oy,
          stroke: colorOf(nodeIndex.get(s.node)) }, lines);
      }
      let main = null;
      for (const [node, qty] of units) if (main === null || qty > units.get(main)) main = node;
      const dot = main === null
        ? el("circle", { class: "ship-to", cx: ox, cy: oy, r: 4.5, fill: "none", "stroke-width": 2,
          stroke: result.status === "held" ? "#8a939e" : "#c62828" }, dots)
        : el("circle", { class: "ship-to", cx: ox, cy: oy, r: 3.5, fill: colorOf(nodeIndex.get(main)),
          stroke: "#fff", "stroke-width": 0.8 }, dots);
      el("title", {}, dot).textContent = `${result.id} (${result.status})`;
    }
    const used = new Set(plan.nodes ? plan.nodes.filter(n => n.shipments > 0).map(n => n.id) : []);
    const markers = el("g", { class: "nodes" }, svg);
    for (const node of nodes.values()) {
      const [x, y] = project(node.location);
      const inactive = node.active === false;
      const g = el("g", { class: "node-marker", "data-node": node.id }, markers);
      el("rect", { x: x - 6, y: y - 6, width: 12, height: 12, rx: 2,
        fill: inactive ? "#b8bec6" : colorOf(nodeIndex.get(node.id)),
        stroke: used.has(node.id) ? "#14202e" : "#fff", "stroke-width": 1.5 }, g);
      const label = text(g, x + 9, y + 4, node.id, { "font-size": 11, "font-weight": "bold",
        fill: "#14202e", stroke: "#eef3f8", "stroke-width": 3, "paint-order": "stroke" });
      if (x > width - 80) { label.setAttribute("x", x - 9); label.setAttribute("text-anchor", "end"); }
      el("title", {}, g).textContent = `${node.id} (${node.kind})${inactive ? ": closed" : ""}`;
    }
    return svg;
  }

  // The smallest 1, 2, 2.5 or 5 × 10^k at or above v, so that quarter ticks are round numbers.
  function niceCeiling(v) {
    const power = Math.pow(10, Math.floor(Math.log10(v)));
    for (const step of [1, 2, 2.5, 4, 5, 8, 10]) if (step * power >= v) return step * power;
    return 10 * power;
  }

  // Vertical bars, one group per category, one bar per series. values[s][c] may be null.
  function bars({ categories, series, values, format, label, max }) {
    const width = 520, height = 260, left = 58, right = 12, top = 14, bottom = 62;
    const svg = svgRoot(width, height, label);
    const flat = values.flat().filter(v => v !== null && v !== undefined);
    const top_ = max !== undefined ? max : niceCeiling(Math.max(1e-9, ...flat) * 1.05);
    const plotW = width - left - right, plotH = height - top - bottom;
    const y = v => top + plotH - (v / top_) * plotH;
    const axis = el("g", { "font-size": 10, fill: "#5b6776" }, svg);
    for (let i = 0; i <= 4; i++) {
      const v = (top_ * i) / 4;
      el("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#e3e7ec" }, axis);
      text(axis, left - 6, y(v) + 3, format(v), { "text-anchor": "end" });
    }
    const groupW = plotW / categories.length;
    const barW = Math.min(34, (groupW * 0.8) / series.length);
    categories.forEach((cat, c) => {
      const x0 = left + c * groupW + (groupW - barW * series.length) / 2;
      series.forEach((s, i) => {
        const v = values[i][c];
        if (v === null || v === undefined) return;
        const r = el("rect", { class: "bar", x: x0 + i * barW, y: y(v), width: barW - 2,
          height: Math.max(0, top + plotH - y(v)), fill: colorOf(i) }, svg);
        el("title", {}, r).textContent = `${cat} · ${s}: ${format(v)}`;
      });
      const lab = text(svg, left + c * groupW + groupW / 2, top + plotH + 14, cat,
        { "text-anchor": "middle", "font-size": 11, fill: "#1d2733" });
      if (cat.length > groupW / 6.5) {
        lab.setAttribute("transform", `rotate(-18 ${left + c * groupW + groupW / 2} ${top + plotH + 14})`);
        lab.setAttribute("text-anchor", "end");
      }
    });
    el("line", { x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, stroke: "#5b6776" }, svg);
    if (series.length > 1) {
      const legend = el("g", { "font-size": 11 }, svg);
      let x = left;
      series.forEach((s, i) => {
        el("rect", { x, y: height - 14, width: 10, height: 10, fill: colorOf(i) }, legend);
        text(legend, x + 14, height - 5, s);
        x += 24 + s.length * 6.5;
      });
    }
    return svg;
  }

  window.Charts = { map, bars, colorOf, setBasemap };
})();
