// The dashboard in a real Chromium (Debian's, never a downloaded one): sign in, open the top
// campaign and its graph, decide a case, find the audit entry — and attacker-written text in
// prompts, user agents and account ids never runs as script. Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { chromiumPath, hasChromium as hasChromiumInstalled, launchChromium } from "./testing/chromium.js";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCI } from "../config/index.js";
import { startTestServer, type TestServer } from "../server/fixture/test-server.js";
import { hostilePayloads } from "../server/fixture/seed-store.js";

const hasChromium = hasChromiumInstalled();
const artifacts = join(process.cwd(), "test-artifacts");
if (!hasChromium && !isCI())
  console.warn(`dashboard browser tests skipped: ${chromiumPath} not found (apt-get install -y chromium)`);

describe.skipIf(!hasChromium && !isCI())("dashboard in Chromium", () => {
  let t: TestServer;
  let ctx: BrowserContext;
  let page: Page;
  let profile: string;
  let webRoot: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is required under CI but ${chromiumPath} is missing`);
    webRoot = mkdtempSync(join(tmpdir(), "distillwatch-web-"));
    await build({
      configFile: join(process.cwd(), "vite.config.web.ts"),
      logLevel: "warn",
      build: { outDir: webRoot, emptyOutDir: true, sourcemap: false },
    });
    t = await startTestServer({
      accounts: 3000,
      campaigns: 6,
      attackShare: 0.5,
      bigCampaign: 1200,
      exchangesPerAccount: 3,
      hostile: true,
      cases: 6,
      webRoot,
    });
    profile = mkdtempSync(join(tmpdir(), "distillwatch-chromium-"));
    mkdirSync(artifacts, { recursive: true });
    ctx = await launchChromium(profile);
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(artifacts, `dashboard-${name}.png`), fullPage: true });

  it("signs in with a key and shows the overview with a traffic chart", async () => {
    await page.goto(t.url);
    await page.getByLabel("API key").fill(t.keys.analyst);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.locator(".chart canvas").first().waitFor();
    await expect.poll(() => page.getByTestId("campaign-table").locator("tbody tr").count()).toBe(6);
    await shot("overview");
  });

  it("opens the top campaign and draws its graph with its accounts", async () => {
    await page.getByTestId("campaign-table").locator("tbody tr").first().getByRole("link").click();
    await page.getByRole("heading", { name: /Campaign c1/ }).waitFor();
    const graph = page.getByTestId("account-graph");
    await graph.locator("canvas").first().waitFor();
    expect(Number(await graph.getAttribute("data-nodes"))).toBe(1000);
    await page.getByRole("button", { name: "Show up to 5,000 accounts" }).click();
    await expect
      .poll(async () => Number(await page.getByTestId("account-graph").getAttribute("data-nodes")))
      .toBeGreaterThanOrEqual(1200);
    expect(Number(await graph.getAttribute("data-edges"))).toBeGreaterThan(1000);
    await expect.poll(() => page.getByTestId("account-table").locator("tbody tr").count()).toBe(50);
    await expect.poll(() => page.getByTestId("indicators").textContent()).toContain("Payment fingerprints");
    await shot("campaign");
  });

  it("decides a case in the review queue and shows who decided", async () => {
    await page.getByRole("link", { name: "Review queue" }).click();
    const first = page.getByTestId("case").first();
    const subject = (await first.getByRole("link").textContent()) ?? "";
    await first.getByLabel("action").selectOption("confirm");
    await first.getByLabel("reason").selectOption("confirmed-distillation");
    await first.getByLabel("note").fill("shared payment instruments");
    await first.getByRole("button", { name: "Decide" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain(`${subject}: Decided: confirm`);
    await page.getByRole("button", { name: "decided" }).click();
    await expect.poll(() => page.getByTestId("case").first().textContent()).toContain("by test-analyst");
    await shot("queue");
  });

  it("finds the decision in the audit log", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("textbox", { name: "action" }).fill("decision.create");
    const row = page.getByTestId("audit-table").locator("tbody tr").first();
    await expect.poll(() => row.textContent()).toContain("test-analyst");
    await expect.poll(() => row.textContent()).toContain("decision.create");
    await shot("audit");
  });

  it("renders planted script and HTML payloads as inert text", async () => {
    const hostile = t.fixture.hostileAccount as string;
    await page.goto(`${t.url}/#/accounts/${encodeURIComponent(hostile)}`);
    await expect.poll(() => page.getByTestId("account-id").textContent()).toBe(hostile);
    await expect
      .poll(() => page.getByTestId("samples").textContent())
      .toContain(hostilePayloads[0] as string);
    await page.getByTestId("timeline").waitFor();
    await page.goto(`${t.url}/#/campaigns/c1`);
    await expect
      .poll(() => page.getByTestId("indicators").textContent())
      .toContain(hostilePayloads[0] as string);
    await page.getByTestId("account-graph").locator("canvas").first().waitFor();
    await page.goto(`${t.url}/#/accounts`);
    await page.getByLabel("search accounts").fill("script");
    await expect.poll(() => page.getByTestId("account-table").textContent()).toContain(hostile);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator("main script, main img, main svg[onload]").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await shot("xss");
  });
});
