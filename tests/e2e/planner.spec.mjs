// Real-browser test of the planner page: Debian's chromium, headless, driven by playwright-core.
// It starts nothing itself: scripts/e2e.sh starts `waveopt serve` and passes its address in
// WAVEOPT_URL (and, optionally, one with WAVEOPT_API_KEYS=$WAVEOPT_KEY in WAVEOPT_KEYED_URL).
// Screenshots go to SHOTS_DIR (default target/e2e).
//
//   WAVEOPT_URL=http://127.0.0.1:8080 node tests/e2e/planner.spec.mjs
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import assert from "node:assert/strict";

const base = process.env.WAVEOPT_URL;
if (!base) {
  console.error("WAVEOPT_URL is not set (scripts/e2e.sh sets it)");
  process.exit(2);
}
const shots = process.env.SHOTS_DIR || "target/e2e";
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
  page.on("console", m => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", e => consoleErrors.push(String(e)));
  const external = [];
  page.on("request", r => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) external.push(r.url()); });
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

  await step("two variants compare: table and charts", async () => {
    const variants = byId("variant");
    assert.equal(await variants.count(), 2);
    const first = variants.nth(0);
    await first.getByLabel("Name").fill("DC-EAST closed");
    await first.getByLabel("Close node").selectOption("DC-EAST");
    const second = variants.nth(1);
    await second.getByLabel("Name").fill("demand +30%");
    await second.getByLabel("Demand ×").fill("1.3");
    await byId("run-variants").click();
    await byId("compare-status").filter({ hasText: "Compared 3 plans" }).waitFor({ timeout: 60000 });
    const rows = await byId("compare-table").locator("tbody tr").allTextContents();
    assert.equal(rows.length, 3);
    assert.ok(rows[0].startsWith("base") && rows[1].startsWith("DC-EAST closed") && rows[2].startsWith("demand +30%"), rows.join(" | "));
    const costBars = await byId("chart-cost").locator("svg rect.bar").count();
    assert.equal(costBars, 3, "one cost bar per plan");
    const fillBars = await byId("chart-fill").locator("svg rect.bar").count();
    assert.equal(fillBars, 3 * 4, "three plans × (three tiers + overall)");
    const figures = byId("server-figures").locator("img");
    assert.equal(await figures.count(), 3 + 3, "three charts and three maps from the server");
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

  await step("a bad variant shows the server's 422 with its path", async () => {
    await page.evaluate(() => {
      const select = document.querySelector("[data-testid=variant] select[data-k=close]");
      select.appendChild(new Option("DC-GONE", "DC-GONE"));
      select.value = "DC-GONE";
    });
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
