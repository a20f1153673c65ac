// Real-browser test of the planner page: Debian's chromium, headless, driven by playwright-core.
// It starts nothing itself: scripts/e2e.sh starts `waveopt serve` and passes its address in
// WAVEOPT_URL (and, optionally, one with WAVEOPT_API_KEYS=$WAVEOPT_KEY in WAVEOPT_KEYED_URL).
// Screenshots go to SHOTS_DIR (default target/e2e).
//
//   WAVEOPT_URL=http://127.0.0.1:8080 node tests/e2e/planner.spec.mjs
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import assert from "node:assert/strict";

const base = process.env.WAVEOPT_URL;
if (!base) {
  console.error("WAVEOPT_URL is not set (scripts/e2e.sh sets it)");
  process.exit(2);
}
const shots = process.env.SHOTS_DIR || "target/e2e";
// The sample's CSV folder as one .zip (scripts/e2e.sh makes it).
const sampleZip = process.env.SAMPLE_ZIP;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let failed = false;
const step = async (name, fn) => {
  const started = Date.now();
  await fn();
  console.log(`ok  ${name} (${Date.now() - started} ms)`);
};

try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const consoleErrors = [];
  // The page plans through the plan-jobs API; any console error fails the run.
  page.on("console", m => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", e => consoleErrors.push(String(e)));
  const external = [];
  const jobSubmissions = [];
  page.on("request", r => {
    const url = r.url();
    if (r.method() === "POST" && url.endsWith("/v1/jobs")) jobSubmissions.push(url);
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:" + base)) external.push(url);
  });
  // Reads a download the page starts with `click`.
  const downloaded = async click => {
    const [file] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
  };
  const byId = id => page.getByTestId(id);

  await step("page loads and lists the bundled datasets", async () => {
    await page.goto(base + "/", { waitUntil: "load" });
    await assert.doesNotReject(byId("wave-info").filter({ hasText: "20 orders" }).waitFor({ timeout: 10000 }));
    const options = await byId("dataset").locator("option").allTextContents();
    assert.ok(options.some(o => o.startsWith("sample")), `datasets: ${options}`);
    assert.ok(options.some(o => o.startsWith("s:")), `datasets: ${options}`);
  });

  await step("the sample wave plans: KPIs", async () => {
    await byId("dataset").selectOption("sample");
    await byId("run").click();
    await byId("status").filter({ hasText: "Planned 20 orders" }).waitFor({ timeout: 30000 });
    const fill = await byId("kpi-fill").locator("dd").textContent();
    assert.match(fill, /^\d+\.\d%/, `fill rate KPI: ${fill}`);
    assert.match(fill, /84\.1%/, "the sample wave's fill rate is 90/107");
    const status = await byId("kpi-status").locator("dd").textContent();
    assert.match(status, /optimal/);
    const cost = await byId("kpi-cost").locator("dd").textContent();
    assert.match(cost, /^\d{1,3}(,\d{3})*\.\d{2}$/, `cost KPI: ${cost}`);
    const tiers = await byId("tier-table").locator("tbody tr").count();
    assert.equal(tiers, 3, "three tiers");
    const exceptions = await byId("exceptions").locator("tbody tr").count();
    assert.ok(exceptions > 0, "the sample wave has exceptions");
  });

  await step("the map renders nodes, ship-to points and assignment lines", async () => {
    const map = byId("map").locator("svg");
    await map.waitFor();
    const nodes = await map.locator("g.node-marker").count();
    const lines = await map.locator("line.ship-line").count();
    const dots = await map.locator("circle.ship-to").count();
    assert.equal(nodes, 5, "five nodes in the sample wave");
    assert.equal(lines, 18, "one line per shipment (18 in the sample plan)");
    assert.equal(dots, 20, "one point per order");
    const outline = await map.locator("polyline.basemap-line").count();
    assert.ok(outline > 10, `coastlines and borders drawn: ${outline}`);
    const box = await map.boundingBox();
    assert.ok(box.width > 300 && box.height > 150, `map size ${box.width}x${box.height}`);
  });

  await step("per-order detail shows the explain alternatives", async () => {
    await byId("orders").locator("tbody tr", { hasText: "SO-1001" }).click();
    const detail = byId("order-detail");
    await detail.locator("h4", { hasText: "SO-1001" }).waitFor();
    const rows = await detail.getByTestId("alternatives").locator("tbody tr").count();
    assert.ok(rows >= 2, `alternatives: ${rows}`);
    const chosen = await detail.locator("tr.chosen").count();
    assert.equal(chosen, 1);
  });
  await page.screenshot({ path: `${shots}/planner-plan.png`, fullPage: true });

  await step("the plan downloads as JSON", async () => {
    const file = await downloaded(() => byId("download-plan-json").click());
    assert.equal(file.name, "sample-2026-11-26.plan.json");
    assert.equal(JSON.parse(file.text).orders.length, 20);
  });

  await step("the sample's CSV folder uploads as one .zip", async () => {
    assert.ok(sampleZip, "SAMPLE_ZIP is not set (scripts/e2e.sh makes it)");
    await byId("upload").setInputFiles(sampleZip);
    await byId("wave-info").filter({ hasText: "uploaded file" }).waitFor({ timeout: 15000 });
    const info = await byId("wave-info").textContent();
    assert.match(info, /wave sample-2026-11-26, 20 orders, \d+ lines, 5 nodes/, info);
  });

  await step("the uploaded wave plans with greedy and its assignments CSV downloads", async () => {
    await byId("engine").selectOption("greedy");
    await byId("run").click();
    await byId("status").filter({ hasText: "(greedy," }).waitFor({ timeout: 30000 });
    const file = await downloaded(() => byId("download-plan-csv").click());
    assert.equal(file.name, "sample-2026-11-26.assignments.csv");
    // The server's own CSV of the same wave: the zip through /v1/convert/wave, planned greedy.
    const zip = readFileSync(sampleZip);
    const wave = await (await fetch(base + "/v1/convert/wave", {
      method: "POST", headers: { "Content-Type": "application/zip" }, body: zip })).json();
    wave.options = Object.assign({}, wave.options, { engine: "greedy", explain: true });
    const server = await (await fetch(base + "/v1/plan?format=csv", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(wave) })).text();
    assert.equal(file.text, server, "the page's assignments CSV is the server's");
    assert.ok(file.text.startsWith("order,order_status,node,method,line,sku,qty,"));
    await byId("engine").selectOption("");
  });

  await step("three variants with different engines compare: table, charts and the order diff", async () => {
    const variants = byId("variant");
    assert.equal(await variants.count(), 2);
    const first = variants.nth(0);
    await first.getByLabel("Name").fill("DC-EAST closed, greedy");
    await first.getByLabel("Engine").selectOption("greedy");
    await first.getByTestId("edit").first().getByLabel("node", { exact: true }).fill("DC-EAST");
    const second = variants.nth(1);
    await second.getByLabel("Name").fill("demand +30%, mip");
    await second.getByLabel("Engine").selectOption("mip");
    await byId("add-variant").click();
    const third = variants.nth(2);
    await third.getByLabel("Name").fill("3PL hold + transfer, naive");
    await third.getByLabel("Engine").selectOption("naive");
    const edit = third.getByTestId("edit").first();
    await edit.getByLabel("Edit", { exact: true }).selectOption("transfer_stock");
    await edit.getByLabel("sku", { exact: true }).fill("MON-27");
    await edit.getByLabel("from", { exact: true }).fill("DC-EAST");
    await edit.getByLabel("to", { exact: true }).fill("DC-WEST");
    await edit.getByLabel("qty", { exact: true }).fill("10");
    await third.getByTestId("add-edit").click();
    const hold = third.getByTestId("edit").nth(1);
    await hold.getByLabel("Edit", { exact: true }).selectOption("hold");
    await hold.getByLabel("customer", { exact: true }).fill("ACME");
    await byId("run-variants").click();
    await byId("compare-status").filter({ hasText: "Compared 4 plans" }).waitFor({ timeout: 90000 });
    const rows = await byId("compare-table").locator("tbody tr").allTextContents();
    assert.equal(rows.length, 4);
    assert.ok(rows[0].startsWith("base") && rows[1].startsWith("DC-EAST closed, greedy"), rows.join(" | "));
    assert.ok(rows[1].includes("greedy") && rows[2].includes("mip") && rows[3].includes("naive"), rows.join(" | "));
    const costBars = await byId("chart-cost").locator("svg rect.bar").count();
    assert.equal(costBars, 4, "one cost bar per plan");
    const figures = byId("server-figures").locator("img");
    assert.equal(await figures.count(), 3 + 4, "three charts and four maps from the server");

    const diff = await byId("orders-diff").locator("tbody tr").allTextContents();
    assert.ok(diff.length > 0, "closing DC-EAST changes orders");
    const moved = diff.filter(r => r.startsWith("DC-EAST closed, greedy") && r.includes("DC-EAST"));
    assert.ok(moved.length > 0, diff.join("\n"));
    assert.ok(diff.some(r => r.startsWith("3PL hold + transfer, naive") && r.includes("held")), diff.join("\n"));
    assert.match(await byId("orders-diff-note").textContent(), /\d+ order\(s\) changed/);
  });

  await step("the comparison, the order diff and the report download", async () => {
    const csv = await downloaded(() => byId("download-comparison-csv").click());
    assert.equal(csv.name, "comparison.csv");
    assert.equal(csv.text.trim().split("\n").length, 1 + 4);
    const md = await downloaded(() => byId("download-comparison-md").click());
    assert.match(md.text, /Biggest movers/);
    const diff = await downloaded(() => byId("download-orders-diff").click());
    assert.ok(diff.text.startsWith("variant,order,customer,tier,channel,changes,"));
    const report = await downloaded(() => byId("download-report").click());
    assert.ok(report.text.startsWith("<!DOCTYPE html>"));
  });

  await step("the server's figures load as images", async () => {
    await page.locator("summary", { hasText: "server's charts" }).click();
    const img = byId("server-figures").locator("img").first();
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const i = document.querySelector("[data-testid=server-figures] img");
      return i && i.complete && i.naturalWidth > 0;
    }, null, { timeout: 10000 });
  });
  await page.screenshot({ path: `${shots}/planner-compare.png`, fullPage: true });
  await page.locator("#results").screenshot({ path: `${shots}/planner-results.png` });

  await step("the scenario saves as TOML and loads back", async () => {
    await byId("scenario-name").fill("e2e what-if");
    const toml = await downloaded(() => byId("save-scenario").click());
    assert.equal(toml.name, "e2e-what-if.toml");
    assert.match(toml.text, /engine = "naive"/);
    assert.match(toml.text, /op = "transfer_stock"/);
    await byId("variant").nth(2).getByRole("button", { name: "Remove variant" }).click();
    assert.equal(await byId("variant").count(), 2);
    const saved = `${shots}/e2e-what-if.toml`;
    (await import("node:fs")).writeFileSync(saved, toml.text);
    await byId("load-scenario").setInputFiles(saved);
    await byId("compare-status").filter({ hasText: "Loaded e2e-what-if.toml: 3 variant(s)" }).waitFor({ timeout: 10000 });
    const names = await byId("variant").evaluateAll(sets => sets.map(f => f.querySelector("[data-k=name]").value));
    assert.deepEqual(names, ["DC-EAST closed, greedy", "demand +30%, mip", "3PL hold + transfer, naive"]);
    const engines = await byId("variant").evaluateAll(sets => sets.map(f => f.querySelector("[data-k=engine]").value));
    assert.deepEqual(engines, ["greedy", "mip", "naive"]);
  });

  await step("a bad variant shows the server's 422 with its path", async () => {
    await byId("variant").first().getByTestId("edit").first().getByLabel("node", { exact: true }).fill("DC-GONE");
    await byId("run-variants").click();
    await byId("compare-status").filter({ hasText: "422" }).waitFor({ timeout: 20000 });
    const text = await byId("compare-status").textContent();
    assert.match(text, /\/variants\/0\/edits\/0\/node/);
  });

  if (process.env.WAVEOPT_KEYED_URL) {
    await step("with API keys: the page asks for the key and sends it", async () => {
      const keyed = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      await keyed.goto(process.env.WAVEOPT_KEYED_URL + "/", { waitUntil: "load" });
      await keyed.getByTestId("status").filter({ hasText: "401" }).waitFor({ timeout: 10000 });
      await keyed.getByTestId("api-key").fill(process.env.WAVEOPT_KEY);
      await keyed.getByTestId("api-key").dispatchEvent("change");
      await keyed.getByTestId("wave-info").filter({ hasText: "20 orders" }).waitFor({ timeout: 10000 });
      await keyed.getByTestId("run").click();
      await keyed.getByTestId("status").filter({ hasText: "Planned 20 orders" }).waitFor({ timeout: 30000 });
      await keyed.close();
    });
  }

  assert.deepEqual(external, [], "no request leaves the server's origin");
  assert.ok(jobSubmissions.length >= 2, "the page plans through POST /v1/jobs");
  assert.deepEqual(consoleErrors.filter(e => !e.includes("422")), [], "no console errors");
} catch (e) {
  failed = true;
  console.error("FAIL", e);
  try {
    const [page] = browser.contexts()[0]?.pages() || [];
    if (page) await page.screenshot({ path: `${shots}/planner-failure.png`, fullPage: true });
  } catch (_) { /* best effort */ }
} finally {
  await browser.close();
}
if (failed) process.exit(1);
console.log(`planner e2e passed; screenshots in ${shots}/`);
