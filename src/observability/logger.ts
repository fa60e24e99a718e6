/** Structured logs. Secrets are redacted at the source: headers, tokens, credentials. */
import { pino, type DestinationStream, type Logger } from 'pino';

/** `destination`: where lines go (stdout by default; tests capture them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.auth',
          'req.headers.cookie',
          'headers.authorization',
          'headers.auth',
          '*.authorization',
          '*.password',
          '*.secret',
          '*.apiToken',
          '*.authToken',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        // Fastify's request log would write every webhook URL with its `?token=`; no headers either.
        req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: req.url === undefined ? undefined : withoutToken(req.url), remoteAddress: req.ip }),
      },
    },
    destination,
  );
}

/** A query parameter named token, however its name is cased or percent-encoded. */
function isTokenParam(name: string): boolean {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).trim().toLowerCase() === 'token';
  } catch {
    return true; // an undecodable name may be anything: redact its value
  }
}

const SECRET_NAME = '(?:pin|password|secret|token|apitoken|authtoken)';
const SECRET_ELEMENT = new RegExp(`<((?:\\w+:)?${SECRET_NAME})>[^<]*</\\1>`, 'gi');
const SECRET_MEMBER = new RegExp(`("${SECRET_NAME}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');

/**
 * An upstream body cut for a log line, without the values of XML elements or JSON members that
 * name a secret (VoIP Innovations' `<PIN>` rides on every SOAP answer).
 */
export function withoutSecretValues(body: string): string {
  return withoutToken(body).replace(SECRET_ELEMENT, '<$1>[redacted]</$1>').replace(SECRET_MEMBER, '$1"[redacted]"');
}

/** Remove the value of every `token` query parameter from a URL or path before it is logged. */
export function withoutToken(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return isTokenParam(name) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}
