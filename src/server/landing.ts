/**
 * The pages a browser gets. The landing page (`/`, and `GET /graphql` for browsers) loads
 * Apollo Sandbox from Apollo's CDN; when that script cannot be had (offline, blocked, too
 * slow) it says why and shows the local GraphiQL instead, which `/graphiql` always serves.
 * Both point at this server's HTTP and WebSocket endpoints (derived in the browser, so they
 * work behind proxies) and pre-fill `headers` (the dev key on loopback).
 */
import type { ApolloServerPlugin } from '@apollo/server';

export const SANDBOX_CDN = 'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';
/** How long the landing page waits for Sandbox's script before it falls back. */
const SANDBOX_TIMEOUT_MS = 8_000;

/** URLs of the local GraphiQL's built files (src/server/explorer.ts). */
export interface ExplorerAssets {
  script: string;
  style: string;
  workers: { editor: string; json: string; graphql: string };
}

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `html,body{margin:0;height:100%;font-family:sans-serif}
body{display:flex;flex-direction:column}
#explorer{flex:1;min-height:0}
#notice{margin:0;padding:6px 12px;background:#fff4ce;color:#3b2f00;border-bottom:1px solid #e0c97a;font-size:14px}`;

export function graphiqlHtml(headers: Record<string, string>, assets: ExplorerAssets): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Switchboard — GraphiQL</title>
<link rel="stylesheet" href="${assets.style}">
<style>${STYLE}</style>
</head>
<body>
<div id="explorer"><noscript>Switchboard: GraphQL at /graphql. GraphiQL needs JavaScript.</noscript></div>
<script src="${assets.script}"></script>
<script>SwitchboardExplorer.mount(document.getElementById('explorer'), ${json({ headers, workers: assets.workers })});</script>
</body>
</html>`;
}

/** `assets` undefined: the local GraphiQL is not built, and the fallback says so. */
export function landingHtml(headers: Record<string, string>, assets: ExplorerAssets | undefined): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Switchboard — GraphQL explorer</title>
<style>${STYLE}</style>
</head>
<body>
<p id="notice" role="status" hidden></p>
<div id="explorer"><noscript>Switchboard: GraphQL at /graphql. The explorer needs JavaScript.</noscript></div>
<script>
(function () {
  var headers = ${json(headers)};
  var local = ${json(assets ?? null)};
  var target = document.getElementById('explorer');
  var endpoint = window.location.origin + '/graphql';
  var settled = false;
  function fallback(reason) {
    if (settled) return;
    settled = true;
    var notice = document.getElementById('notice');
    notice.hidden = false;
    target.textContent = '';
    if (!local) {
      notice.textContent = 'Apollo Sandbox did not load (' + reason + '), and the local GraphiQL is not built: run npm run build. GraphQL is at /graphql.';
      return;
    }
    notice.textContent = 'Apollo Sandbox did not load (' + reason + '). This is the GraphiQL built into Switchboard, which needs no network; it is always at /graphiql.';
    var style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = local.style;
    document.head.appendChild(style);
    var script = document.createElement('script');
    script.src = local.script;
    script.onload = function () { window.SwitchboardExplorer.mount(target, { headers: headers, workers: local.workers }); };
    script.onerror = function () { notice.textContent += ' Its script did not load either.'; };
    document.body.appendChild(script);
  }
  var timer = setTimeout(function () { fallback('its script did not arrive within ${SANDBOX_TIMEOUT_MS / 1000} s'); }, ${SANDBOX_TIMEOUT_MS});
  var sandbox = document.createElement('script');
  sandbox.src = ${json(SANDBOX_CDN)};
  sandbox.onerror = function () {
    clearTimeout(timer);
    fallback('its script could not be fetched from ' + new URL(sandbox.src).host + ': offline, or blocked on this network');
  };
  sandbox.onload = function () {
    clearTimeout(timer);
    if (settled) return;
    if (typeof window.EmbeddedSandbox !== 'function') return fallback('its script defined no EmbeddedSandbox');
    try {
      new window.EmbeddedSandbox({
        target: '#explorer',
        initialEndpoint: endpoint,
        initialSubscriptionEndpoint: endpoint.replace(/^http/, 'ws'),
        initialState: { sharedHeaders: headers, pollForSchemaUpdates: false },
        endpointIsEditable: false,
        includeCookies: false,
      });
      settled = true;
    } catch (err) {
      fallback('it failed to start: ' + (err && err.message));
    }
  };
  document.head.appendChild(sandbox);
})();
</script>
</body>
</html>`;
}

/** Apollo's landing-page hook, so `GET /graphql` with `Accept: text/html` shows the landing page too. */
export function landingPage(html: string): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
