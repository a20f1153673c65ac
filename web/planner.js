// waveopt planner page: pick or upload a wave (JSON, or the CSV folder's files or one .zip,
// converted by POST /v1/convert/wave), plan it through the plan-jobs API when the server has
// it (progress line and cancel; else POST /v1/plan), show KPIs, map, exceptions and per-order
// detail, download the plan; define variants (web/variants.js) and POST /v1/scenarios to
// compare them, with the order diff and the report's files to download, and the scenario
// saved and loaded as TOML (POST /v1/convert/scenario).
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

  function authHeaders() {
    const headers = {};
    const key = $("api-key").value.trim();
    if (key) headers.Authorization = "Bearer " + key;
    return headers;
  }

  // `body`: an object (sent as JSON), or {raw, type} (sent as is; a FormData sets its own type).
  async function api(path, body, method, asText) {
    const headers = authHeaders();
    const init = { headers, method: method || (body === undefined ? "GET" : "POST") };
    if (body !== undefined && body.raw !== undefined) {
      if (body.type) headers["Content-Type"] = body.type;
      init.body = body.raw;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch (_) { /* not JSON */ }
    if (response.ok && asText) return text;
    if (!response.ok) {
      const err = json && json.error;
      let message = `${response.status}: ` + (err ? err.message : text.slice(0, 200));
      if (err && err.details && err.details.length) {
        message += "\n" + err.details.slice(0, 12).map(d => `  ${d.path || "/"} [${d.code}] ${d.message}`).join("\n");
      }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  // Saves text as a file through a same-origin blob: URL.
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
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
    Variants.setWave(wave);
  }

  // One .json is a wave; one .zip or several files are the CSV folder, read by the server.
  async function upload(event) {
    const files = [...event.target.files];
    if (!files.length) return;
    const label = files.length === 1 ? `uploaded file “${files[0].name}”` : `${files.length} uploaded files`;
    try {
      if (files.length === 1 && /\.json$/i.test(files[0].name) && files[0].name !== "wave.json") {
        setWave(JSON.parse(await files[0].text()), label);
      } else if (files.length === 1 && /\.zip$/i.test(files[0].name)) {
        setStatus("status", "Reading the CSV folder…");
        setWave(await api("/v1/convert/wave", { raw: files[0], type: "application/zip" }), label);
      } else {
        const form = new FormData();
        for (const f of files) form.append("files", f, f.name);
        setStatus("status", "Reading the CSV folder…");
        setWave(await api("/v1/convert/wave", { raw: form }), label);
      }
      state.waveFile = files.length === 1 ? files[0].name : "csv";
      setStatus("status", "");
    } catch (e) {
      setStatus("status", `${label}: ${e.message}`, true);
    }
  }

  function solverOptions() {
    const options = {};
    if ($("engine").value) options.engine = $("engine").value;
    const limit = parseInt($("time-limit").value, 10);
    if (limit > 0) options.time_limit_ms = limit;
    return options;
  }

  // ---------- plan ----------
  // Through the plan-jobs API (SPEC.md §5) when the server has it: a progress line while it
  // runs and a cancel button that keeps the best plan. A server without it (404/405 on
  // POST /v1/jobs) plans in one request.
  async function planThroughJobs(body) {
    let job;
    try {
      job = await api("/v1/jobs", body);
    } catch (e) {
      if (e.status === 404 || e.status === 405) return api("/v1/plan", body);
      throw e;
    }
    const url = "/v1/jobs/" + encodeURIComponent(job.id);
    const cancel = $("cancel");
    cancel.hidden = false;
    cancel.disabled = false;
    cancel.onclick = () => {
      cancel.disabled = true;
      api(url, undefined, "DELETE").catch(e => setStatus("status", e.message, true));
    };
    try {
      for (;;) {
        const now = await api(url);
        showProgress(now);
        if (now.status === "done" || (now.status === "cancelled" && now.plan)) return now.plan;
        if (now.status === "failed") throw new Error("the plan failed: " + JSON.stringify(now.error || {}));
        if (now.status === "cancelled") throw new Error("cancelled before any plan was found");
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    } finally {
      cancel.hidden = true;
      cancel.onclick = null;
    }
  }

  function showProgress(job) {
    const p = job.progress || {};
    const best = p.objective ?? p.best_objective;
    const parts = [`Job ${job.status}`];
    if (p.stage) parts.push(`stage ${p.stage}`);
    if (best !== undefined && best !== null) parts.push(`best cost ${money(best)}`);
    if (p.bound !== undefined && p.bound !== null) parts.push(`bound ${money(p.bound)}`);
    if (p.gap !== undefined && p.gap !== null) parts.push(`gap ${(p.gap * 100).toFixed(2)}%`);
    $("progress").textContent = parts.join(" · ");
  }

  async function runPlan(event) {
    event.preventDefault();
    if (!state.wave) { setStatus("status", "Pick a dataset or upload a wave first.", true); return; }
    const body = JSON.parse(JSON.stringify(state.wave));
    body.options = Object.assign({}, body.options || {}, solverOptions(), { explain: true });
    const button = $("run");
    button.disabled = true;
    setStatus("status", "Planning…");
    $("progress").textContent = "";
    const started = performance.now();
    try {
      const plan = await planThroughJobs(body);
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

  // The assignments CSV of src/format/assignments.rs: one row per shipped line and one per
  // unfilled line (the browser test checks it against POST /v1/plan?format=csv).
  function assignmentsCsv(plan) {
    const cell = v => {
      const t = String(v);
      return /[",\n\r]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
    };
    const rows = [["order", "order_status", "node", "method", "line", "sku", "qty", "ship_date", "eta", "on_time", "days_late", "unfilled_reason"]];
    for (const o of plan.orders) {
      for (const s of o.shipments) {
        for (const l of s.lines) rows.push([o.id, o.status, s.node, s.method, l.line, l.sku, l.qty, s.ship_date, s.eta, s.on_time, s.days_late, ""]);
      }
      for (const u of o.unfilled) rows.push([o.id, o.status, "", "", u.line, u.sku, u.qty, "", "", "", "", u.reason]);
    }
    return rows.map(r => r.map(cell).join(",")).join("\n") + "\n";
  }

  function downloadPlan(kind) {
    if (!state.plan) return;
    const stem = (state.plan.wave_id || "plan").replace(/[^A-Za-z0-9._-]+/g, "-");
    if (kind === "json") download(`${stem}.plan.json`, JSON.stringify(state.plan, null, 2) + "\n", "application/json");
    else download(`${stem}.assignments.csv`, assignmentsCsv(state.plan), "text/csv");
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
  function scenarioFile() {
    const options = solverOptions();
    const file = { name: $("scenario-name").value.trim() || `What-if on ${state.wave ? state.wave.wave_id : "a wave"}`,
      base: state.waveFile || "wave.json", variants: Variants.all() };
    if (Object.keys(options).length) file.options = options;
    return file;
  }

  async function saveScenario() {
    try {
      const toml = await api("/v1/convert/scenario", scenarioFile(), "POST", true);
      const stem = $("scenario-name").value.trim().replace(/[^A-Za-z0-9._-]+/g, "-") || "scenario";
      download(`${stem}.toml`, toml, "application/toml");
      setStatus("compare-status", `Saved the scenario as ${stem}.toml.`);
    } catch (e) {
      setStatus("compare-status", "Cannot save the scenario: " + e.message, true);
    }
  }

  async function loadScenario(event) {
    const file = event.target.files[0];
    if (!file) return;
    try {
      const s = await api("/v1/convert/scenario", { raw: await file.text(), type: "application/toml" });
      $("scenario-name").value = s.name || "";
      const o = s.options || {};
      $("engine").value = o.engine || "";
      $("time-limit").value = o.time_limit_ms || "";
      Variants.replaceAll(s.variants || []);
      setStatus("compare-status", `Loaded ${file.name}: ${(s.variants || []).length} variant(s); its base is the wave loaded above` +
        (s.base ? ` (the file names ${s.base})` : "") + ".");
    } catch (e) {
      setStatus("compare-status", `${file.name}: ${e.message}`, true);
    } finally {
      event.target.value = "";
    }
  }

  async function runVariants(event) {
    event.preventDefault();
    if (!state.wave) return;
    const file = scenarioFile();
    const variants = file.variants;
    if (!variants.length) { setStatus("compare-status", "Add a variant first.", true); return; }
    const base = JSON.parse(JSON.stringify(state.wave));
    if (base.options) delete base.options.explain;
    const body = { name: file.name, base, options: file.options || {}, variants };
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
      h("td", { class: "num" }, pct(v.on_time_rate)), h("td", {}, v.engine), h("td", {}, v.status)));
    const numeric = [false, true, true, true, true, ...c.tiers.map(() => true), true, true, true, false, false];
    table("compare-table", ["Variant", "Cost", "Δ cost", "Fill", "Δ fill", ...c.tiers.map(t => `Fill ${t}`),
      "Shipments", "Split", "On time", "Engine", "Status"], rows, numeric);
    showOrdersDiff(answer.orders_diff || []);
    state.files = answer.files;

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

  // Every order a variant changed against the base, both outcomes side by side.
  function showOrdersDiff(diffs) {
    const nodes = list => list.length ? list.join(" + ") : "—";
    const shown = diffs.slice(0, 500);
    table("orders-diff", ["Variant", "Order", "Tier", "Channel", "Changes", "Base nodes", "Variant nodes", "Units", "Δ cost", "Days later", "Reason"],
      shown.map(d => [d.variant, d.order, d.tier, d.channel, d.changes.join(", ").replaceAll("_", " "),
        nodes(d.base.nodes), nodes(d.in_variant.nodes), `${d.base.units} → ${d.in_variant.units}`,
        signed(d.cost_delta, money), d.days_later === null || d.days_later === undefined ? "–" : (d.days_later > 0 ? "+" : "") + d.days_later,
        d.in_variant.reasons.join(", ").replaceAll("_", " ")]),
      [false, false, false, false, false, false, false, true, true, true, false]);
    $("orders-diff-note").textContent = diffs.length
      ? `${diffs.length} order(s) changed` + (diffs.length > shown.length ? ` (first ${shown.length} shown; download orders_diff.csv for all)` : "") + "."
      : "No order changed against the base.";
  }

  function downloadReport(kind) {
    const f = state.files;
    if (!f) return;
    const files = {
      "comparison-csv": ["comparison.csv", f.comparison_csv, "text/csv"],
      "comparison-md": ["comparison.md", f.comparison_md, "text/markdown"],
      "orders-diff": ["orders_diff.csv", f.orders_diff_csv, "text/csv"],
      "report": ["report.html", f.report_html, "text/html"],
    };
    download(...files[kind]);
  }

  // ---------- wiring ----------
  document.addEventListener("DOMContentLoaded", () => {
    $("dataset").addEventListener("change", () => pickDataset().catch(e => setStatus("status", e.message, true)));
    $("upload").addEventListener("change", upload);
    $("wave-form").addEventListener("submit", runPlan);
    $("variants-form").addEventListener("submit", runVariants);
    $("add-variant").addEventListener("click", () => Variants.add({ edits: [{}] }));
    $("api-key").addEventListener("change", () => loadDatasets());
    $("save-scenario").addEventListener("click", saveScenario);
    $("load-scenario").addEventListener("change", loadScenario);
    for (const b of document.querySelectorAll("[data-download]")) {
      const kind = b.dataset.download;
      b.addEventListener("click", () => kind.startsWith("plan-") ? downloadPlan(kind.slice(5)) : downloadReport(kind));
    }
    Variants.init(h);
    fetch("/assets/basemap.json").then(r => r.ok ? r.json() : null).then(Charts.setBasemap).catch(() => {});
    loadDatasets().then(() => {
      const first = state.wave && state.wave.nodes.length ? state.wave.nodes[0].id : "";
      Variants.add({ name: first ? `${first} closed` : "variant 1", edits: [{ op: "close_node", node: first }] });
      Variants.add({ name: "demand +30%", edits: [{ op: "scale_demand", factor: 1.3 }, { op: "set_policy", allocation: "weighted" }] });
    });
  });
})();
