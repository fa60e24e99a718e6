/**
 * Baselines, a bare node:http server. By default it answers every request with the same bytes
 * (BARE_BODY, base64, and BARE_TYPE), after reading the request body as the gateway does
 * (scenario 1). With PROXY_TARGET it is a bare proxy (scenario 2): it sends each request on over
 * a keep-alive agent and answers with the upstream's status, type and bytes, which is what any
 * process in the path adds here (two more loopback writes, each waking another process, and two
 * more parses). With FANOUT it is the fan-out's floor (scenario 3): graphql-transport-ws just
 * enough for the bench's subscribers, and any POST an Exotel call webhook, answered at once and
 * then written to every subscriber as one frame each in one loop: no store, no GraphQL, no
 * batching, what any server here pays to reach them all.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const body = Buffer.from(process.env.BARE_BODY ?? '', 'base64');
const headers = { 'content-type': process.env.BARE_TYPE ?? 'application/json; charset=utf-8', 'content-length': String(body.length) };
const target = process.env.PROXY_TARGET ? new URL(process.env.PROXY_TARGET) : undefined;
// A timeout, so that Node gives up an idle connection before the upstream's keep-alive ends (bench/lib.ts `keepAliveAgent`).
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 60_000 });

const fixed: http.RequestListener = (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
};

function proxy(to: URL): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sent = { ...req.headers, host: to.host };
      delete sent.connection;
      const upstream = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: sent, agent }, (answer) => {
        const got: Buffer[] = [];
        answer.on('data', (c: Buffer) => got.push(c));
        answer.on('end', () => {
          const bytes = Buffer.concat(got);
          res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/octet-stream', 'content-length': String(bytes.length) });
          res.end(bytes);
        });
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(Buffer.concat(chunks));
    });
  };
}

function fanout(sockets: WebSocketServer): http.RequestListener {
  // Each subscriber's socket and its operation's id (the client names it).
  const subscribers = new Map<WebSocket, string>();
  sockets.on('connection', (ws) => {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; id?: string };
      if (m.type === 'connection_init') ws.send('{"type":"connection_ack"}');
      else if (m.type === 'subscribe') subscribers.set(ws, m.id!);
      else if (m.type === 'complete') subscribers.delete(ws);
    });
    ws.on('close', () => subscribers.delete(ws));
  });
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sid = (JSON.parse(Buffer.concat(chunks).toString()) as { call_sid: string }).call_sid;
      res.end();
      // The gateway's frame for the bench's subscription: the event's part is the same for all.
      const event = `","type":"next","payload":{"data":{"callEvents":{"id":"${randomUUID()}","providerCallId":${JSON.stringify(sid)},"status":"COMPLETED"}}}}`;
      for (const [ws, id] of subscribers) ws.send(`{"id":"${id}${event}`);
    });
  };
}

const server = http.createServer();
const sockets = process.env.FANOUT ? new WebSocketServer({ server, handleProtocols: () => 'graphql-transport-ws' }) : undefined;
server.on('request', sockets ? fanout(sockets) : target ? proxy(target) : fixed);
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  for (const ws of sockets?.clients ?? []) ws.terminate();
  agent.destroy();
});
