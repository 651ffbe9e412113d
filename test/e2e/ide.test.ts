import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { ideIsBuilt } from "../../src/ide/serveIde.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// The bundled GraphiQL IDE in a real browser (Debian's Chromium driven by playwright-core) against
// the real server over the seed record: the example tabs are there, an example runs and shows
// Arabic names, and the page never asks anything of the internet.
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const IDE_DIST = fileURLToPath(new URL("../../dist/ide", import.meta.url));
const OPERATIONS = new URL("../../examples/operations/", import.meta.url);
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

// Only a developer machine without Chromium may skip; under CI a missing browser is a failure.
const skip = !existsSync(CHROMIUM) && !process.env.CI;
const title = skip ? `the IDE in Chromium (SKIPPED: ${CHROMIUM} is absent; apt-get install -y chromium fonts-noto-core)` : "the IDE in Chromium";
if (skip) console.warn(`test/e2e/ide.test.ts skipped: ${CHROMIUM} is absent. Install it with \`apt-get install -y chromium fonts-noto-core\`; with CI set, the test runs and fails instead.`);

const EDITOR = ".graphiql-query-editor .monaco-editor";
const RESULT = ".graphiql-response .view-lines";

/** The operation names of examples/operations, in file-name order: the IDE's tabs. */
function exampleOperationNames(): string[] {
  return readdirSync(OPERATIONS)
    .filter((name) => name.endsWith(".graphql"))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
    .map((name) => {
      const operation = parse(readFileSync(new URL(name, OPERATIONS), "utf8")).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      return operation?.name?.value ?? name;
    });
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:") return true;
  return (protocol === "http:" || protocol === "https:" || protocol === "ws:") && ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
};

describe.skipIf(skip)(title, () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    if (!ideIsBuilt(IDE_DIST)) throw new Error(`The IDE is not built in ${IDE_DIST}; run \`npm run build:ide\`.`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing and CI is set: install it first (apt-get install -y chromium fonts-noto-core, as .ci/run does).`);
    database = await seededDatabase();
    server = await startServer({ file: database.file, port: 0, logger: silentLogger, ide: { distDir: IDE_DIST, enabled: true } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    // A new context is a fresh profile: GraphiQL keeps tabs and history in localStorage.
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: "block", locale: "en-GB" });
    // Every request the page, its frames and its workers make is recorded; one leaving localhost is
    // refused (so an air-gapped network would not notice a difference) and fails the test below.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      requested.push(url);
      return isLocal(url) ? route.continue() : route.abort("blockedbyclient");
    });
    context.on("request", (request) => requested.push(request.url()));
    page = await context.newPage();
    await page.goto(server.url.replace(/graphql$/, ""));
    await page.waitForSelector(EDITOR, { timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    database?.remove();
  });

  /** The result pane's text; Monaco renders spaces as no-break spaces. */
  const resultText = async () => ((await page.locator(RESULT).textContent()) ?? "").replaceAll("\u00a0", " ");
  const waitForResult = (needle: string) => expect.poll(resultText, { timeout: 15_000 }).toContain(needle);

  it("pre-loads one tab per example operation (a mismatch means dist/ide is stale: npm run build:ide)", async () => {
    const tabs = await page.locator(".graphiql-tab .graphiql-tab-button").allTextContents();
    expect(tabs).toEqual(exampleOperationNames());
  });

  // GraphiQL can still hold the previous tab's operation name for a moment after a tab switch and
  // send it ("Unknown operation named SearchActors"); a person just presses run again, so may we.
  it("runs the ActorTimeline example and shows al-Araji's Arabic name in the result pane", { retry: 2 }, async () => {
    await page.locator(".graphiql-tab .graphiql-tab-button", { hasText: /^SearchActors$/ }).click();
    await page.locator(".graphiql-tab .graphiql-tab-button", { hasText: /^ActorTimeline$/ }).click();
    await expect.poll(async () => (await page.locator(".graphiql-query-editor .view-lines").textContent())?.replaceAll("\u00a0", " ")).toContain("query ActorTimeline(");
    await page.locator(".graphiql-execute-button").click();
    await waitForResult("قاسم الأعرجي");
    const text = await resultText();
    expect(text).toContain('"nameAr": "قاسم الأعرجي"');
    expect(text).toContain('"slug": "2022-05-12-araji-iannucci"');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}ide-actor-timeline.png` });
  });

  it("runs a query typed into a new tab", { retry: 2 }, async () => {
    const tabs = page.locator(".graphiql-tab");
    const before = await tabs.count();
    await page.locator(".graphiql-tab-add").click();
    await expect.poll(() => tabs.count()).toBe(before + 1);
    await page.locator(".graphiql-query-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    // insertText, not type(): Monaco would auto-close every bracket typed.
    await page.keyboard.insertText('query WhoMetIannucci { actor(slug: "giovanni-iannucci") { nameAr counterparts { actor { nameAr } } } }');
    // GraphiQL reads the operation name from the editor after a short debounce; the tab shows it
    // once it has, and only then does running send the new operation and not the old tab's name.
    await expect.poll(() => page.locator(".graphiql-tab-active .graphiql-tab-button").textContent()).toBe("WhoMetIannucci");
    await page.keyboard.press("ControlOrMeta+Enter");
    await waitForResult("فؤاد حسين");
    const text = await resultText();
    expect(text).toContain('"nameAr": "جيوفاني اينوتشي"');
    expect(text).toContain('"nameAr": "قاسم الأعرجي"');
    await page.screenshot({ path: `${ARTIFACTS}ide-typed-query.png` });
  });

  it("made every request to the local server and none to the internet", () => {
    const origin = new URL(server.url).origin;
    expect(requested).toContain(`${origin}/`);
    expect(requested).toContain(`${origin}/graphql`);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
  });
});
