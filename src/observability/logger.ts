/** Structured logs. Secrets are redacted at the source: headers, tokens, credentials. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.auth',
        'req.headers.cookie',
        'headers.authorization',
        'headers.auth',
        '*.password',
        '*.secret',
        '*.apiToken',
        '*.authToken',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}

/** Remove `token` from a URL or path before it is logged. */
export function withoutToken(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1[redacted]');
}
