/**
 * Baselines, a bare node:http server. By default it answers every request with the same bytes
 * (BARE_BODY, base64, and BARE_TYPE), after reading the request body as the gateway does
 * (scenario 1). With PROXY_TARGET it is a bare proxy (scenario 2): it sends each request on over
 * a keep-alive agent and answers with the upstream's status, type and bytes, which is what any
 * process in the path adds here (two more loopback writes, each waking another process, and two
 * more parses).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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

const server = http.createServer(target ? proxy(target) : fixed);
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  agent.destroy();
});
