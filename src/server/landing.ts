/**
 * The Apollo Sandbox landing page, served at `/` and on `GET /graphql` for browsers, in every
 * environment. It points Sandbox at this server's HTTP and WebSocket endpoints (derived in
 * the browser, so it works behind proxies) and, on loopback with a generated dev key,
 * pre-fills the key as a shared header.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function sandboxHtml(sharedHeaders: Record<string, string>): string {
  const config = JSON.stringify({ sharedHeaders }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Switchboard — Apollo Sandbox</title>
<style>html,body{margin:0;height:100%;font-family:sans-serif}#sandbox{width:100vw;height:100vh}</style>
</head>
<body>
<div id="sandbox"><noscript>Switchboard: GraphQL at /graphql. Apollo Sandbox needs JavaScript.</noscript></div>
<script src="https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js"></script>
<script>
  var endpoint = window.location.origin + '/graphql';
  var initial = ${config};
  new window.EmbeddedSandbox({
    target: '#sandbox',
    initialEndpoint: endpoint,
    initialSubscriptionEndpoint: endpoint.replace(/^http/, 'ws'),
    initialState: { sharedHeaders: initial.sharedHeaders, pollForSchemaUpdates: false },
    endpointIsEditable: false,
    includeCookies: false,
  });
</script>
</body>
</html>`;
}

/** Apollo's landing-page hook, so `GET /graphql` with `Accept: text/html` shows Sandbox too. */
export function sandboxLandingPage(html: string): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
