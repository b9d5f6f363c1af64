// The analyst's path over a real run, in Debian's Chromium: simulate → analyze (engine and
// SQLite store) → serve that store → sign in, open the top campaign, see its graph and
// accounts, decide its case, find the audit entry. Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { chromiumPath, hasChromium as hasChromiumInstalled, launchChromium } from "./testing/chromium.js";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCI, parseConfig } from "../config/index.js";
import { runAnalyze } from "../analyze/run-analyze.js";
import { startServer } from "../server/index.js";
import { runSimulation } from "../simulate/index.js";
import { openSqliteStore, type Store } from "../store/index.js";

const hasChromium = hasChromiumInstalled();
const artifacts = join(process.cwd(), "test-artifacts");
if (!hasChromium && !isCI()) console.warn(`simulated-run browser test skipped: ${chromiumPath} not found`);

describe.skipIf(!hasChromium && !isCI())("dashboard over a simulated and analyzed run", () => {
  const dir = mkdtempSync(join(tmpdir(), "dw-simrun-"));
  const adminKey = "test-admin-key-0123456789abcdef";
  let store: Store;
  let server: Awaited<ReturnType<typeof startServer>>;
  let ctx: BrowserContext;
  let page: Page;
  let topCampaign = "";

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is required under CI but ${chromiumPath} is missing`);
    const webRoot = join(dir, "web");
    await build({
      configFile: join(process.cwd(), "vite.config.web.ts"),
      logLevel: "warn",
      build: { outDir: webRoot, emptyOutDir: true, sourcemap: false },
    });
    await runSimulation({ scenario: "small", seed: 5, scale: 0.3, outDir: join(dir, "sim") });
    const config = parseConfig({ server: { adminKey } });
    const result = await runAnalyze({
      files: [join(dir, "sim", "exchanges.jsonl")],
      outDir: join(dir, "out"),
      config,
      db: join(dir, "run.db"),
      progress: false,
    });
    topCampaign = result.campaigns[0]!.campaign;
    store = openSqliteStore(join(dir, "run.db"));
    server = await startServer({ port: 0, store, config, webRoot });
    ctx = await launchChromium(join(dir, "profile"));
    page = ctx.pages()[0] ?? (await ctx.newPage());
    mkdirSync(artifacts, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens the top campaign found by the engine, with its graph and accounts", async () => {
    await page.goto(server.url);
    await page.getByLabel("API key").fill(adminKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.getByTestId("campaign-table").locator("tbody tr").first().getByRole("link").click();
    await page.getByRole("heading", { name: new RegExp(`Campaign ${topCampaign}\\b`) }).waitFor();
    const graph = page.getByTestId("account-graph");
    await graph.locator("canvas").first().waitFor();
    await expect.poll(async () => Number(await graph.getAttribute("data-nodes"))).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId("account-table").locator("tbody tr").count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(artifacts, "simulated-run-campaign.png"), fullPage: true });
  });

  it("decides the campaign's case and finds the decision in the audit log", async () => {
    await page.getByRole("link", { name: "Review queue" }).click();
    const item = page.getByTestId("case").filter({ hasText: topCampaign }).first();
    await item.getByLabel("action").selectOption("confirm");
    await item.getByLabel("reason").selectOption("confirmed-distillation");
    await item.getByRole("button", { name: "Decide" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Decided: confirm");
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("textbox", { name: "action" }).fill("decision.create");
    await expect
      .poll(() => page.getByTestId("audit-table").locator("tbody tr").first().textContent())
      .toContain(topCampaign);
    await page.screenshot({ path: join(artifacts, "simulated-run-audit.png"), fullPage: true });
    const lists = await store.listListEntries({ list: "block" });
    expect(lists.length).toBeGreaterThan(0);
  });
});
