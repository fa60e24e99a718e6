/**
 * The explorer in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
 * playwright-core, with every host but the gateway's unreachable, as on a machine offline.
 * The landing page must say why Apollo Sandbox is missing and run queries and subscriptions
 * through the local GraphiQL, with the dev key it pre-fills. Without Chromium these tests are
 * skipped, unless REQUIRE_BROWSER=1 (set by .ci/run, which installs it) makes that a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import { SANDBOX_CDN } from '../../src/server/landing.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const DEV_KEY = 'dev-key-of-the-browser-test';
const CDN_HOST = new URL(SANDBOX_CDN).host;

if (!available && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`);
}
if (!available) console.warn(`explorer-browser: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium; REQUIRE_BROWSER=1 makes this a failure)`);

// A 5 MB explorer in a browser on a busy 2-core machine takes its time.
describe.skipIf(!available)('the explorer in Chromium, offline', { timeout: 90_000 }, () => {
  let gw: TestGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Requests that left the gateway's origin (all refused) and errors the pages raised. */
  let external: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    // No configured keys: the gateway runs with a dev key, which the pages pre-fill on loopback.
    gw = await startTestGateway({ SWITCHBOARD_API_KEYS: '', SWITCHBOARD_DEV_KEY: DEV_KEY });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Without the background-networking flags Chromium keeps calling Google's hosts.
      // (Playwright gives every launch a new, empty profile directory of its own.)
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  /** `cdn`: what Sandbox's CDN does; every other host is unreachable. */
  async function open(url: string, cdn: (route: Route) => Promise<void> = (route) => route.abort('internetdisconnected')) {
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    external = [];
    pageErrors = [];
    const origin = new URL(gw.url).origin;
    await context.route(
      (u) => u.origin !== origin,
      (route) => {
        const target = new URL(route.request().url());
        external.push(target.host);
        return target.host === CDN_HOST ? cdn(route) : route.abort('internetdisconnected');
      },
    );
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    // Not 'load': a script that never arrives holds the load event, not the page.
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  }
  beforeEach(() => {
    external = [];
  });
  afterEach(async () => {
    await context?.close();
  });

  const notice = () => page.locator('#notice');
  const queryEditor = () => page.locator('.graphiql-query-editor .monaco-editor').first();

  /**
   * Paste a document into GraphiQL's query editor and run it at once (Ctrl-Enter): before
   * GraphiQL has parsed the new text, which must not decide how it is sent.
   */
  async function run(document: string) {
    await queryEditor().click();
    await page.keyboard.press('Control+A');
    // Cleared first: typing "{" over a selection would wrap the selection in braces.
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(document);
    await page.keyboard.press('Control+Enter');
  }
  /** An editor's text as shown (Monaco draws spaces as no-break spaces). */
  const shown = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\u00a0/g, ' ');
  /** Wait until the result pane shows every one of `parts`; returns its text. */
  async function resultShows(...parts: string[]): Promise<string> {
    for (const part of parts) await expect.poll(() => shown('.graphiql-response'), { timeout: 20_000 }).toContain(part);
    return shown('.graphiql-response');
  }

  it('the landing page says Apollo Sandbox could not load and runs a typed query in the local GraphiQL', async () => {
    await open(`${gw.url}/`);
    await expect.poll(() => notice().isVisible()).toBe(true);
    expect(await notice().textContent()).toMatch(new RegExp(`^Apollo Sandbox did not load \\(its script could not be fetched from ${CDN_HOST.replace(/\./g, '\\.')}: offline, or blocked on this network\\)\\. This is the GraphiQL built into Switchboard.*/graphiql\\.$`));
    await queryEditor().waitFor({ timeout: 30_000 });
    // The dev key is in the headers editor, so the query is authenticated.
    expect(await shown('.graphiql-editor-tool')).toContain(`"Authorization": "Bearer ${DEV_KEY}"`);

    await run('query Modes { providers { provider mode } }');
    const result = await resultShows('"provider": "DELACON"', '"provider": "AVANSER"', '"provider": "EXOTEL"', '"provider": "VOIP_INNOVATIONS"');
    expect(result).toContain('"mode": "SANDBOX"');
    expect(result).not.toContain('"errors"');
    // Only Sandbox's script was asked of another host; everything else came from the gateway.
    expect(external).toEqual([CDN_HOST]);
    expect(pageErrors).toEqual([]);
  });

  it('a subscription run in the local GraphiQL receives a call over the WebSocket', async () => {
    await open(`${gw.url}/`);
    await queryEditor().waitFor({ timeout: 30_000 });
    const to = (gw.running.registry.entry('DELACON').simulator as DelaconSimulator).seed.numbers[0]!;
    await run(`subscription Calls { callEvents(filter: { number: "${to}" }) { providerCallId status } }`);
    // The subscription is live once GraphiQL shows its Stop button.
    await page.locator('.graphiql-execute-button[aria-label^="Stop"]').waitFor();
    // GraphiQL shows Stop before the gateway has the subscribe message: wait until it serves it.
    await expect.poll(() => gw.metric('switchboard_subscription_source_streams')).toBe(1);
    const call = await gw.post('mutation ($input: SimulateIncomingCallInput!) { simulateIncomingCall(input: $input) { providerCallId } }', { input: { from: '+61412345678', to, outcome: 'ANSWERED', durationSeconds: 7 } }, DEV_KEY);
    const { providerCallId } = (call.body.data as { simulateIncomingCall: { providerCallId: string } }).simulateIncomingCall;
    await resultShows(`"providerCallId": "${providerCallId}"`, '"status": "ANSWERED"');
    expect(pageErrors).toEqual([]);
  });

  it('GET /graphiql is the local GraphiQL, with no notice and no request to another host', async () => {
    await open(`${gw.url}/graphiql`);
    await queryEditor().waitFor({ timeout: 30_000 });
    await run('{ providers { provider healthy } }');
    await resultShows('"provider": "EXOTEL"', '"healthy": true');
    expect(await page.locator('#notice').count()).toBe(0);
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('uses Apollo Sandbox when its script loads: this endpoint, its WebSocket, the dev key; no notice', async () => {
    // Apollo's script stands in here as a stub recording what the page asks of it.
    const stub = 'window.EmbeddedSandbox = function (options) { window.sandboxOptions = options; document.querySelector(options.target).textContent = "sandbox"; };';
    await open(`${gw.url}/`, (route) => route.fulfill({ contentType: 'text/javascript', body: stub }));
    await expect.poll(() => page.evaluate('window.sandboxOptions !== undefined')).toBe(true);
    const options = await page.evaluate('window.sandboxOptions');
    expect(options).toMatchObject({
      initialEndpoint: `${gw.url}/graphql`,
      initialSubscriptionEndpoint: `${gw.url.replace(/^http/, 'ws')}/graphql`,
      initialState: { sharedHeaders: { Authorization: `Bearer ${DEV_KEY}` } },
    });
    expect(await notice().isVisible()).toBe(false);
    expect(await page.locator('#explorer').textContent()).toBe('sandbox');
  });

  it('falls back, saying so, when the script loads but is not Sandbox', async () => {
    await open(`${gw.url}/`, (route) => route.fulfill({ contentType: 'text/javascript', body: '/* a captive portal page */' }));
    await expect.poll(() => notice().textContent()).toMatch(/^Apollo Sandbox did not load \(its script defined no EmbeddedSandbox\)/);
  });

  it('falls back after 8 s when the CDN never answers', async () => {
    await open(`${gw.url}/`, () => new Promise<void>(() => undefined));
    await expect.poll(() => notice().textContent(), { timeout: 15_000 }).toMatch(/^Apollo Sandbox did not load \(its script did not arrive within 8 s\)/);
  });
});
