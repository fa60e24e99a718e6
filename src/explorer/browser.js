/**
 * The local explorer: GraphiQL from npm, bundled by `npm run build` (scripts/bundle.ts) into
 * dist/explorer with its Monaco workers, so it needs nothing from the network but this server.
 * Browser code (plain JS, not compiled by tsc). `SwitchboardExplorer.mount(element, options)`
 * renders it; /graphiql and the landing page's offline fallback call it.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const DEFAULT_QUERY = '# Switchboard: press Run (Ctrl-Enter)\n{\n  providers { provider mode healthy operations }\n}\n';

/**
 * GraphiQL picks the transport (WebSocket for a subscription) from the document and operation
 * name it parses a moment after each edit. Run at once after a paste, it went by the text before:
 * a subscription went over HTTP and was refused. Here both come from the text actually sent.
 */
function fromTextSent(fetcher) {
  return (params, opts) => {
    let documentAST;
    try {
      documentAST = parse(params.query);
    } catch {
      return fetcher(params, opts); // the server says what is wrong with it
    }
    // The named operation, or, when GraphiQL's name is stale, the only one.
    const chosen = getOperationAST(documentAST, params.operationName) ?? getOperationAST(documentAST);
    const operationName = chosen ? (chosen.name?.value ?? null) : params.operationName;
    return fetcher({ ...params, operationName }, { ...opts, documentAST });
  };
}

/**
 * options.workers: URLs of the editor, json and graphql workers (hashed names from the build).
 * options.headers: headers pre-filled in the editor (the dev key on loopback), not persisted.
 */
function mount(element, options) {
  globalThis.MonacoEnvironment = {
    getWorker(_id, label) {
      return new Worker(options.workers[label] ?? options.workers.editor);
    },
  };
  const endpoint = `${window.location.origin}/graphql`;
  // Headers typed in the editor go with every request, and in connection_init for subscriptions.
  const fetcher = fromTextSent(createGraphiQLFetcher({ url: endpoint, subscriptionUrl: endpoint.replace(/^http/, 'ws') }));
  const headers = Object.keys(options.headers).length > 0 ? JSON.stringify(options.headers, null, 2) : undefined;
  createRoot(element).render(
    createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, initialHeaders: headers, defaultHeaders: headers, shouldPersistHeaders: false }),
  );
}

window.SwitchboardExplorer = { mount };
