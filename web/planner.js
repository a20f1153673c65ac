// waveopt planner page: pick or upload a wave, POST /v1/plan (with explain), show KPIs, map,
// exceptions and per-order detail; define variants and POST /v1/scenarios to compare them.
// Plain browser JavaScript, no dependencies; all text goes in through textContent.
"use strict";
(function () {
  const $ = id => document.getElementById(id);
  const state = { wave: null, waveLabel: "", plan: null, variantCount: 0 };

  // ---------- helpers ----------
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v; else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  const money = v => v === null || v === undefined ? "–" : v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = v => v === null || v === undefined ? "–" : (v * 100).toFixed(1) + "%";
  const signed = (v, f) => (v > 0 ? "+" : v < 0 ? "−" : "±") + f(Math.abs(v));

  function table(target, headers, rows, numeric) {
    const t = typeof target === "string" ? $(target) : target;
    t.replaceChildren(
      h("thead", {}, h("tr", {}, headers.map((x, i) => h("th", { scope: "col", class: numeric && numeric[i] ? "num" : null }, x)))),
      h("tbody", {}, rows.map(r => r instanceof HTMLElement ? r
        : h("tr", {}, r.map((x, i) => h("td", { class: numeric && numeric[i] ? "num" : null }, x))))));
    return t;
  }

  function setStatus(id, message, isError) {
    const s = $(id);
    s.textContent = message;
    s.classList.toggle("error", !!isError);
  }

  async function api(path, body) {
    const headers = {};
    const key = $("api-key").value.trim();
    if (key) headers.Authorization = "Bearer " + key;
    const init = { headers };
    if (body !== undefined) {
      init.method = "POST";
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch (_) { /* not JSON */ }
    if (!response.ok) {
      const err = json && json.error;
      let message = `${response.status}: ` + (err ? err.message : text.slice(0, 200));
      if (err && err.details && err.details.length) {
        message += "\n" + err.details.slice(0, 12).map(d => `  ${d.path || "/"} [${d.code}] ${d.message}`).join("\n");
      }
      throw new Error(message);
    }
    return json;
  }

  // ---------- the wave ----------
  async function loadDatasets() {
    const select = $("dataset");
    try {
      const list = await api("/v1/datasets");
      select.replaceChildren(...list.map(d => h("option", { value: d.name }, `${d.name}: ${d.title}`)));
      await pickDataset();
      setStatus("status", "");
    } catch (e) {
      select.replaceChildren(h("option", { value: "" }, "(enter the API key, then reload the list)"));
      setStatus("status", "Could not list the bundled datasets: " + e.message, true);
    }
  }

  async function pickDataset() {
    const name = $("dataset").value;
    if (!name) return;
    setWave(await api("/v1/datasets/" + encodeURIComponent(name)), `bundled dataset “${name}”`);
  }

  function setWave(wave, label) {
    state.wave = wave;
    state.waveLabel = label;
    const lines = wave.orders.reduce((a, o) => a + o.lines.length, 0);
    $("wave-info").textContent = `${label}: wave ${wave.wave_id}, ${wave.orders.length} orders, ` +
      `${lines} lines, ${wave.nodes.length} nodes` +
      (wave.options && wave.options.engine ? `, engine ${wave.options.engine}` : "") +
      (wave.options && wave.options.time_limit_ms ? `, time limit ${wave.options.time_limit_ms} ms` : "");
    fillNodeChoices();
  }

  function upload(event) {
    const file = event.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      try {
        setWave(JSON.parse(reader.result), `uploaded file “${file.name}”`);
        setStatus("status", "");
      } catch (e) {
        setStatus("status", `${file.name} is not JSON: ${e.message}`, true);
      }
    };
    reader.readAsText(file);
  }

  function solverOptions() {
    const options = {};
    if ($("engine").value) options.engine = $("engine").value;
    const limit = parseInt($("time-limit").value, 10);
    if (limit > 0) options.time_limit_ms = limit;
    return options;
  }

  // ---------- plan ----------
  async function runPlan(event) {
    event.preventDefault();
    if (!state.wave) { setStatus("status", "Pick a dataset or upload a wave first.", true); return; }
    const body = JSON.parse(JSON.stringify(state.wave));
    body.options = Object.assign({}, body.options || {}, solverOptions(), { explain: true });
    const button = $("run");
    button.disabled = true;
    setStatus("status", "Planning…");
    const started = performance.now();
    try {
      const plan = await api("/v1/plan", body);
      state.plan = plan;
      state.planned = body;
      showPlan(body, plan);
      const secs = ((performance.now() - started) / 1000).toFixed(2);
      setStatus("status", `Planned ${plan.orders.length} orders in ${secs} s (${plan.solver.engine}, ${plan.status}).`);
    } catch (e) {
      setStatus("status", e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function kpi(label, value, note, testid) {
    return h("dl", { class: "kpi", "data-testid": testid },
      h("dt", {}, label), h("dd", {}, value, note ? h("small", {}, " " + note) : null));
  }

  function showPlan(wave, plan) {
    const k = plan.kpis;
    const gap = plan.gap === null || plan.gap === undefined ? "" : `gap ${(plan.gap * 100).toFixed(2)}%`;
    const held = plan.orders.filter(o => o.status === "held").length;
    $("kpis").replaceChildren(
      kpi("Fill rate", pct(k.fill_rate), `${k.units_allocated}/${k.units_demanded} units`, "kpi-fill"),
      kpi("Total cost", money(plan.objective.total), null, "kpi-cost"),
      kpi("Shipments", k.shipments, null, "kpi-shipments"),
      kpi("Split orders", k.split_orders, null, "kpi-split"),
      kpi("On time", pct(k.on_time_rate), null, "kpi-ontime"),
      kpi("Orders complete", `${k.orders_complete}/${k.orders}`, held ? `${held} held` : null, "kpi-complete"),
      kpi("Cost per unit", money(k.cost_per_unit), null, "kpi-cpu"),
      kpi("Status", plan.status, gap, "kpi-status"));

    const tiers = (wave.policy && wave.policy.tiers ? wave.policy.tiers.map(t => t.name) : Object.keys(k.by_tier || {}));
    table("tier-table", ["Tier", "Orders", "Units", "Fill"],
      tiers.filter(t => k.by_tier[t]).map(t => {
        const g = k.by_tier[t];
        return [t, g.orders, `${g.units_allocated}/${g.units_demanded}`, pct(g.fill_rate)];
      }), [false, true, true, true]);
    const o = plan.objective;
    table("cost-table", ["Part", "Cost"],
      [["Shipping", o.shipping], ["Handling", o.handling], ["Node fixed", o.fixed], ["Split penalty", o.split_penalty],
        ["Late penalty", o.late_penalty], ["Unfilled penalty", o.unfilled_penalty], ["Total", o.total]]
        .map(([n, v]) => [n, money(v)]), [false, true]);

    const svg = Charts.map(wave, plan);
    $("map").replaceChildren(svg);
    const legend = $("map-legend");
    legend.replaceChildren(
      ...wave.nodes.map((n, i) => h("span", {}, swatch(n.active === false ? "#b8bec6" : Charts.colorOf(i)), n.id + (n.active === false ? " (closed)" : ""))),
      h("span", {}, "● ship-to, coloured by its main node"),
      h("span", {}, "○ red ring: nothing shipped · grey ring: on hold"));

    table("exceptions", ["Severity", "Kind", "Order", "Node", "SKU", "Qty", "Message"],
      plan.exceptions.map(e => [h("span", { class: "pill " + e.severity }, e.severity), e.kind, e.order || "", e.node || "",
        e.sku || "", e.qty === undefined ? "" : e.qty, e.message]),
      [false, false, false, false, false, true, false]);
    if (!plan.exceptions.length) $("exceptions").tBodies[0].appendChild(h("tr", {}, h("td", { colspan: 7 }, "No exceptions.")));

    const byId = new Map(wave.orders.map(x => [x.id, x]));
    const rows = plan.orders.map((r, i) => {
      const order = byId.get(r.id) || {};
      const units = (order.lines || []).reduce((a, l) => a + l.qty, 0);
      const shipped = r.shipments.reduce((a, s) => a + s.lines.reduce((b, l) => b + l.qty, 0), 0);
      const tr = h("tr", { tabindex: 0, "aria-selected": "false", "data-order": r.id },
        h("td", {}, r.id), h("td", {}, order.tier || ""), h("td", {}, order.channel || ""),
        h("td", {}, h("span", { class: "pill " + r.status }, r.status)),
        h("td", { class: "num" }, `${shipped}/${units}`),
        h("td", {}, [...new Set(r.shipments.map(s => s.node))].join(", ")),
        h("td", { class: "num" }, money(r.shipments.reduce((a, s) => a + s.cost, 0))));
      const select = () => showOrder(r, order, tr);
      tr.addEventListener("click", select);
      tr.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(); } });
      if (i === 0) setTimeout(select, 0);
      return tr;
    });
    table("orders", ["Order", "Tier", "Channel", "Status", "Units", "Nodes", "Cost"], rows,
      [false, false, false, false, true, false, true]);
    $("results").hidden = false;
    $("whatif").hidden = false;
  }

  function swatch(color) {
    const s = h("span", { class: "sw" });
    s.style.background = color;
    return s;
  }

  function showOrder(result, order, row) {
    for (const tr of $("orders").querySelectorAll("tr[aria-selected=true]")) tr.setAttribute("aria-selected", "false");
    row.setAttribute("aria-selected", "true");
    const parts = [h("h4", {}, `${result.id} `, h("span", { class: "pill " + result.status }, result.status))];
    parts.push(h("p", { class: "muted" }, [order.customer, order.channel, order.tier, order.due_by ? "due " + order.due_by : null]
      .filter(Boolean).join(" · ")));
    for (const s of result.shipments) {
      parts.push(h("p", {}, `Ships from ${s.node} by ${s.method} on ${s.ship_date}, arrives ${s.eta}` +
        (s.on_time ? " (on time)" : ` (${s.days_late} day(s) late)`) + `: ` +
        s.lines.map(l => `${l.sku} ×${l.qty}`).join(", ") + ` · ${money(s.cost)}`));
    }
    for (const u of result.unfilled || []) {
      parts.push(h("p", { class: "delta-bad" }, `Unfilled: ${u.sku} ×${u.qty} (${u.reason.replaceAll("_", " ")})`));
    }
    const alternatives = result.explain && result.explain.alternatives;
    if (alternatives && alternatives.length) {
      const t = h("table", { "data-testid": "alternatives" });
      table(t, ["Node", "Method", "Cost", "ETA", "In stock", "Why not"],
        alternatives.map(a => {
          const tr = h("tr", { class: a.chosen ? "chosen" : null },
            h("td", {}, a.node), h("td", {}, a.method), h("td", { class: "num" }, money(a.cost)),
            h("td", {}, a.eta + (a.on_time ? "" : " (late)")), h("td", { class: "num" }, a.units_in_stock),
            h("td", {}, a.chosen ? "chosen" : a.note));
          return tr;
        }), [false, false, true, false, true, false]);
      parts.push(h("h4", {}, "Alternatives considered"), t);
    } else {
      parts.push(h("p", { class: "muted" }, "No alternatives (the order was not planned)."));
    }
    $("order-detail").replaceChildren(...parts);
  }

  // ---------- variants ----------
  function fillNodeChoices() {
    for (const select of document.querySelectorAll("select[data-k=close]")) {
      const keep = select.value;
      select.replaceChildren(h("option", { value: "" }, "none"),
        ...state.wave.nodes.map(n => h("option", { value: n.id }, n.id)));
      select.value = state.wave.nodes.some(n => n.id === keep) ? keep : "";
    }
  }

  function addVariant(preset) {
    const box = $("variants");
    if (box.children.length >= 3) return;
    const n = ++state.variantCount;
    const fragment = $("variant-template").content.cloneNode(true);
    const fieldset = fragment.querySelector("fieldset");
    fieldset.setAttribute("data-testid", "variant");
    for (const label of fieldset.querySelectorAll("label[data-for]")) {
      const id = `v${n}-${label.dataset.for}`;
      label.htmlFor = id;
      fieldset.querySelector(`[data-k=${label.dataset.for}]`).id = id;
    }
    fieldset.querySelector(".remove").addEventListener("click", () => { fieldset.remove(); renumber(); });
    box.appendChild(fragment);
    if (state.wave) fillNodeChoices();
    const p = preset || {};
    fieldset.querySelector("[data-k=name]").value = p.name || `variant ${n}`;
    if (p.close) fieldset.querySelector("[data-k=close]").value = p.close;
    if (p.demand) fieldset.querySelector("[data-k=demand]").value = p.demand;
    if (p.inventory) fieldset.querySelector("[data-k=inventory]").value = p.inventory;
    if (p.allocation) fieldset.querySelector("[data-k=allocation]").value = p.allocation;
    if (p.sla) fieldset.querySelector("[data-k=sla]").value = p.sla;
    renumber();
  }

  function renumber() {
    const sets = $("variants").querySelectorAll("fieldset");
    sets.forEach((f, i) => { f.querySelector("legend").textContent = `Variant ${i + 1}`; });
    $("add-variant").disabled = sets.length >= 3;
  }

  function variantOf(fieldset) {
    const get = k => fieldset.querySelector(`[data-k=${k}]`).value;
    const edits = [];
    if (get("close")) edits.push({ op: "close_node", node: get("close") });
    const demand = parseFloat(get("demand"));
    if (!Number.isNaN(demand) && demand !== 1) edits.push({ op: "scale_demand", factor: demand });
    const inventory = parseFloat(get("inventory"));
    if (!Number.isNaN(inventory) && inventory !== 1) edits.push({ op: "scale_inventory", factor: inventory });
    const policy = {};
    if (get("allocation")) policy.allocation = get("allocation");
    if (get("sla")) policy.sla = get("sla");
    if (Object.keys(policy).length) edits.push(Object.assign({ op: "set_policy" }, policy));
    return { name: get("name").trim(), edits };
  }

  async function runVariants(event) {
    event.preventDefault();
    if (!state.wave) return;
    const variants = [...$("variants").querySelectorAll("fieldset")].map(variantOf);
    const empty = variants.filter(v => !v.edits.length).map(v => v.name || "(unnamed)");
    if (!variants.length) { setStatus("compare-status", "Add a variant first.", true); return; }
    if (empty.length) { setStatus("compare-status", `Change at least one control in: ${empty.join(", ")}.`, true); return; }
    const base = JSON.parse(JSON.stringify(state.wave));
    if (base.options) delete base.options.explain;
    const body = { name: `What-if on ${state.wave.wave_id}`, base, options: solverOptions(), variants };
    const button = $("run-variants");
    button.disabled = true;
    setStatus("compare-status", `Planning the base and ${variants.length} variant(s)…`);
    const started = performance.now();
    try {
      const answer = await api("/v1/scenarios", body);
      showComparison(answer);
      setStatus("compare-status", `Compared ${answer.comparison.variants.length} plans in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    } catch (e) {
      setStatus("compare-status", e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function deltaCell(value, format, goodWhenUp) {
    if (value === undefined || value === null) return h("td", { class: "num muted" }, "–");
    const good = goodWhenUp ? value > 0 : value < 0;
    return h("td", { class: "num " + (value === 0 ? "" : good ? "delta-good" : "delta-bad") }, signed(value, format));
  }

  function showComparison(answer) {
    const c = answer.comparison;
    const rows = c.variants.map(v => h("tr", {},
      h("th", { scope: "row" }, v.name),
      h("td", { class: "num" }, money(v.cost.total)), deltaCell(v.delta && v.delta.total_cost, money, false),
      h("td", { class: "num" }, pct(v.fill_rate)), deltaCell(v.delta && v.delta.fill_rate, x => (x * 100).toFixed(1) + " pt", true),
      ...c.tiers.map(t => h("td", { class: "num" }, pct((v.fill_by_tier.find(g => g.name === t) || {}).fill_rate))),
      h("td", { class: "num" }, v.shipments), h("td", { class: "num" }, v.split_orders),
      h("td", { class: "num" }, pct(v.on_time_rate)), h("td", {}, v.status)));
    const numeric = [false, true, true, true, true, ...c.tiers.map(() => true), true, true, true, false];
    table("compare-table", ["Variant", "Cost", "Δ cost", "Fill", "Δ fill", ...c.tiers.map(t => `Fill ${t}`),
      "Shipments", "Split", "On time", "Status"], rows, numeric);

    const names = c.variants.map(v => v.name);
    $("chart-cost").replaceChildren(Charts.bars({
      label: "Total cost per variant", categories: names, series: ["total cost"],
      values: [c.variants.map(v => v.cost.total)], format: v => Math.round(v).toLocaleString("en-US"),
    }));
    $("chart-fill").replaceChildren(Charts.bars({
      label: "Fill rate by tier per variant", categories: [...c.tiers, "overall"], series: names, max: 1,
      values: c.variants.map(v => [...c.tiers.map(t => (v.fill_by_tier.find(g => g.name === t) || {}).fill_rate ?? null), v.fill_rate]),
      format: v => Math.round(v * 100) + "%",
    }));
    // The server's SVGs are shown as images: an <img> never runs anything inside an SVG.
    $("server-figures").replaceChildren(...[...answer.charts, ...answer.maps].map(f =>
      h("figure", {}, h("img", { src: "data:image/svg+xml;charset=utf-8," + encodeURIComponent(f.svg), alt: f.title, loading: "lazy" }),
        h("figcaption", {}, f.title))));
    $("comparison").hidden = false;
  }

  // ---------- wiring ----------
  document.addEventListener("DOMContentLoaded", () => {
    $("dataset").addEventListener("change", () => pickDataset().catch(e => setStatus("status", e.message, true)));
    $("upload").addEventListener("change", upload);
    $("wave-form").addEventListener("submit", runPlan);
    $("variants-form").addEventListener("submit", runVariants);
    $("add-variant").addEventListener("click", () => addVariant());
    $("api-key").addEventListener("change", () => loadDatasets());
    addVariant({ name: "first node closed" });
    addVariant({ name: "demand +30%", demand: 1.3, allocation: "weighted" });
    loadDatasets().then(() => {
      const first = document.querySelector("select[data-k=close]");
      if (first && state.wave && state.wave.nodes.length) first.value = state.wave.nodes[0].id;
      const f = $("variants").querySelector("fieldset [data-k=name]");
      if (f && state.wave && state.wave.nodes.length) f.value = `${state.wave.nodes[0].id} closed`;
    });
  });
})();
