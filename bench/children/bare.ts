/**
 * Baseline: a bare node:http server answering every request with the same bytes
 * (BARE_BODY, base64, and BARE_TYPE), after reading the request body as the gateway does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const body = Buffer.from(process.env.BARE_BODY ?? '', 'base64');
const headers = { 'content-type': process.env.BARE_TYPE ?? 'application/json; charset=utf-8', 'content-length': String(body.length) };

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
