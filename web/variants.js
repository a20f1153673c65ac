// waveopt planner page: the what-if editor. Every edit type of docs/scenarios.md, up to the
// API's variant limit, each variant with its own engine and time limit; a variant reads back
// as the JSON the API takes (and writes from it, for a scenario loaded from TOML).
// Exposes window.Variants. Plain browser JavaScript, no dependencies; text via textContent.
"use strict";
(function () {
  // The API's limit (src/service/scenarios.rs MAX_VARIANTS).
  const MAX_VARIANTS = 8;

  // Each op's fields: [name, kind, required]. Kinds: text, int, number, limit (a number or
  // "unlimited"), list (`a; b`), pairs (`KEY=number; …`), a choice "one|two", or a reference
  // to the wave (node, sku, channel, tier, method, kind, order, customer), typed with the
  // wave's names offered.
  const EDITS = {
    close_node: [["node", "node", true]],
    open_node: [["node", "node", true]],
    scale_inventory: [["factor", "number", true], ["sku", "sku"], ["node", "node"], ["kind", "kind"]],
    scale_demand: [["factor", "number", true], ["channel", "channel"], ["tier", "tier"]],
    set_capacity: [["node", "node", true], ["shipments", "limit"], ["units", "limit"]],
    add_reservation: [["channel", "channel", true], ["sku", "sku", true], ["node", "node"], ["qty", "int"], ["share", "number"]],
    remove_reservations: [["channel", "channel"], ["sku", "sku"], ["node", "node"]],
    scale_reservations: [["factor", "number", true], ["channel", "channel"], ["sku", "sku"], ["node", "node"]],
    set_policy: [["tier_order", "list"], ["allocation", "strict|weighted"], ["within_tier", "cost|fifo"], ["sla", "soft|hard"],
      ["late_penalty_per_day", "number"], ["split_penalty", "number"], ["max_shipments_per_order", "limit"], ["unfilled_penalty", "pairs"]],
    scale_ship_costs: [["factor", "number", true], ["method", "method"]],
    set_ship_method: [["method", "method", true], ["base_cost", "number"], ["per_unit", "number"], ["per_unit_km", "number"],
      ["km_per_day", "number"], ["min_days", "int"]],
    shift_as_of: [["days", "int", true]],
    shift_due_dates: [["days", "int", true], ["channel", "channel"], ["tier", "tier"]],
    add_node: [["node", "text", true], ["kind", "kind"], ["lat", "number", true], ["lon", "number", true], ["processing_days", "int"],
      ["handling_per_shipment", "number"], ["handling_per_unit", "number"], ["fixed_cost", "number"], ["shipments", "int"],
      ["units", "int"], ["channels", "list"], ["stock", "pairs"]],
    transfer_stock: [["sku", "sku", true], ["from", "node", true], ["to", "node", true], ["qty", "int", true]],
    hold: [["order", "order"], ["customer", "customer"], ["channel", "channel"], ["reason", "text"]],
    release: [["order", "order"], ["customer", "customer"], ["channel", "channel"]],
    set_fixed_cost: [["fixed_cost", "number", true], ["node", "node"], ["kind", "kind"]],
  };
  const REFERENCES = ["node", "sku", "channel", "tier", "method", "kind", "order", "customer"];

  let h = null; // the page's element builder, given by init
  let counter = 0;

  // ---------- the wave's names, offered in <datalist>s ----------
  function namesOf(wave) {
    const uniq = xs => [...new Set(xs.filter(Boolean))].sort();
    return {
      node: wave.nodes.map(n => n.id),
      sku: uniq([...wave.inventory.map(r => r.sku), ...wave.orders.flatMap(o => o.lines.map(l => l.sku))]),
      channel: uniq(wave.orders.map(o => o.channel)),
      tier: ((wave.policy && wave.policy.tiers) || [{ name: "standard" }]).map(t => t.name),
      method: (wave.ship_methods && wave.ship_methods.length ? wave.ship_methods.map(m => m.id) : ["ground"]),
      kind: ["warehouse", "store", "3pl", "dropship"],
      order: wave.orders.map(o => o.id),
      customer: uniq(wave.orders.map(o => o.customer)),
    };
  }

  function setWave(wave) {
    const box = document.getElementById("wave-names");
    const names = namesOf(wave);
    box.replaceChildren(...REFERENCES.map(kind =>
      h("datalist", { id: "names-" + kind }, names[kind].map(n => h("option", { value: n })))));
  }

  // ---------- values <-> text ----------
  function parseField(kind, text) {
    const t = text.trim();
    if (t === "") return undefined;
    if (kind === "int") return Number.isInteger(Number(t)) ? Number(t) : t;
    if (kind === "number") return Number.isFinite(Number(t)) ? Number(t) : t;
    if (kind === "limit") return t === "unlimited" ? t : (Number.isInteger(Number(t)) ? Number(t) : t);
    if (kind === "list") return t.split(";").map(s => s.trim()).filter(Boolean);
    if (kind === "pairs") {
      const out = {};
      for (const part of t.split(";").map(s => s.trim()).filter(Boolean)) {
        const at = part.lastIndexOf("=");
        const value = Number(part.slice(at + 1).trim());
        out[part.slice(0, at).trim()] = at > 0 && Number.isFinite(value) ? value : part;
      }
      return out;
    }
    return t; // text, a reference, or a choice: the server reports what it does not know
  }

  function fieldText(kind, value) {
    if (value === undefined || value === null) return "";
    if (kind === "list") return value.join("; ");
    if (kind === "pairs") return Object.entries(value).map(([k, v]) => `${k}=${v}`).join("; ");
    return String(value);
  }

  // ---------- one edit ----------
  function editRow(edit) {
    const row = h("div", { class: "edit row", "data-testid": "edit" });
    const n = ++counter;
    const op = h("select", { "data-k": "op", id: `edit-${n}-op`, "aria-label": "Edit" },
      Object.keys(EDITS).map(name => h("option", { value: name }, name.replaceAll("_", " "))));
    const fields = h("div", { class: "edit-fields row" });
    const remove = h("button", { type: "button", class: "secondary small" }, "×");
    remove.setAttribute("aria-label", "Remove this edit");
    remove.addEventListener("click", () => row.remove());
    const draw = values => {
      fields.replaceChildren(...EDITS[op.value].map(([name, kind, required]) => {
        const id = `edit-${n}-${name}`;
        let input;
        if (kind.includes("|")) {
          input = h("select", { id, "data-f": name, "data-kind": "choice" },
            h("option", { value: "" }, required ? "choose" : "unchanged"),
            kind.split("|").map(c => h("option", { value: c }, c)));
          input.value = values[name] || "";
        } else {
          const numeric = ["int", "number"].includes(kind);
          input = h("input", {
            id, "data-f": name, "data-kind": kind, type: numeric ? "number" : "text", step: numeric ? "any" : null,
            list: REFERENCES.includes(kind) ? "names-" + kind : null, required: !!required,
            placeholder: kind === "list" ? "a; b" : kind === "pairs" ? "KEY=1; KEY2=2" : kind === "limit" ? "n or unlimited"
              : required ? "required" : "any",
          });
          input.value = fieldText(kind, values[name]);
        }
        return h("div", { class: "field narrow" }, h("label", { for: id }, name.replaceAll("_", " ")), input);
      }));
    };
    op.addEventListener("change", () => draw({}));
    op.value = edit && EDITS[edit.op] ? edit.op : "close_node";
    draw(edit || {});
    row.append(h("div", { class: "field" }, h("label", { for: op.id }, "Edit"), op), fields, h("div", { class: "field actions" }, remove));
    return row;
  }

  function editOf(row) {
    const edit = { op: row.querySelector("[data-k=op]").value };
    for (const input of row.querySelectorAll("[data-f]")) {
      const value = parseField(input.dataset.kind, input.value);
      if (value !== undefined) edit[input.dataset.f] = value;
    }
    return edit;
  }

  // ---------- one variant ----------
  function add(preset) {
    const box = document.getElementById("variants");
    if (box.children.length >= MAX_VARIANTS) return null;
    const p = preset || {};
    const n = ++counter;
    const options = p.options || {};
    const fieldset = h("fieldset", { class: "variant", "data-testid": "variant" }, h("legend", {}));
    const name = h("input", { id: `v${n}-name`, "data-k": "name", type: "text", required: true, maxlength: 60 });
    name.value = p.name || `variant ${box.children.length + 1}`;
    const engine = h("select", { id: `v${n}-engine`, "data-k": "engine" },
      h("option", { value: "" }, "as the scenario"), h("option", { value: "mip" }, "mip (optimal)"),
      h("option", { value: "greedy" }, "greedy (instant)"), h("option", { value: "naive" }, "naive MIP (reference)"));
    engine.value = options.engine || "";
    const limit = h("input", { id: `v${n}-limit`, "data-k": "time_limit_ms", type: "number", min: 100, step: 100, placeholder: "scenario's" });
    limit.value = options.time_limit_ms || "";
    const edits = h("div", { class: "edits", "data-k": "edits" });
    for (const e of p.edits || []) edits.appendChild(editRow(e));
    const addEdit = h("button", { type: "button", class: "secondary", "data-testid": "add-edit" }, "Add an edit");
    addEdit.addEventListener("click", () => edits.appendChild(editRow()));
    const remove = h("button", { type: "button", class: "secondary remove" }, "Remove variant");
    remove.addEventListener("click", () => { fieldset.remove(); renumber(); });
    fieldset.append(
      h("div", { class: "row" },
        h("div", { class: "field" }, h("label", { for: name.id }, "Name"), name),
        h("div", { class: "field" }, h("label", { for: engine.id }, "Engine"), engine),
        h("div", { class: "field narrow" }, h("label", { for: limit.id }, "Time limit (ms)"), limit),
        h("div", { class: "field actions" }, addEdit, remove)),
      edits);
    box.appendChild(fieldset);
    renumber();
    return fieldset;
  }

  function renumber() {
    const sets = document.getElementById("variants").querySelectorAll("fieldset.variant");
    sets.forEach((f, i) => { f.querySelector("legend").textContent = `Variant ${i + 1}`; });
    document.getElementById("add-variant").disabled = sets.length >= MAX_VARIANTS;
  }

  function variantOf(fieldset) {
    const get = k => fieldset.querySelector(`[data-k=${k}]`).value;
    const variant = { name: get("name").trim(), edits: [...fieldset.querySelectorAll("[data-testid=edit]")].map(editOf) };
    const options = {};
    if (get("engine")) options.engine = get("engine");
    const limit = parseInt(get("time_limit_ms"), 10);
    if (limit > 0) options.time_limit_ms = limit;
    if (Object.keys(options).length) variant.options = options;
    return variant;
  }

  function all() {
    return [...document.getElementById("variants").querySelectorAll("fieldset.variant")].map(variantOf);
  }

  function replaceAll(variants) {
    document.getElementById("variants").replaceChildren();
    for (const v of variants.slice(0, MAX_VARIANTS)) add(v);
    renumber();
  }

  function init(builder) { h = builder; }

  window.Variants = { init, setWave, add, all, replaceAll, MAX_VARIANTS, EDITS };
})();
