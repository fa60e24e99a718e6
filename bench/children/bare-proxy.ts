/**
 * Baseline for one upstream call: a bare node:http proxy that reads each request, sends it on
 * to PROXY_TARGET over a keep-alive agent and answers with the upstream's status, type and
 * bytes. What any process in the path adds on this machine: two more loopback writes, each
 * waking another process, and two more parses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const target = new URL(process.env.PROXY_TARGET ?? 'http://127.0.0.1:1');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const headers = { ...req.headers, host: target.host };
    delete headers.connection;
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      const body: Buffer[] = [];
      answer.on('data', (c: Buffer) => body.push(c));
      answer.on('end', () => {
        const bytes = Buffer.concat(body);
        res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/octet-stream', 'content-length': String(bytes.length) });
        res.end(bytes);
      });
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    up.end(Buffer.concat(chunks));
  });
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  agent.destroy();
});
