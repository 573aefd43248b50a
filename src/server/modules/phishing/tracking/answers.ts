import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Response headers of the public listener. No cookie is ever set; nothing is cached (each hit is
 * an event); pages run no script and load nothing from elsewhere (inline styles only); no
 * Referer leaves these pages (it would carry the token); search engines keep out.
 */
export function baseHeaders(secure: boolean): OutgoingHttpHeaders {
  const h: OutgoingHttpHeaders = {
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow',
    'x-content-type-options': 'nosniff',
  };
  if (secure) h['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return h;
}

const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The 1×1 transparent GIF of the open image and the landing-page beacon. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Headers as node:http takes them fastest: names and values in one flat array, built once. */
function flat(h: OutgoingHttpHeaders): string[] {
  return Object.entries(h).flatMap(([name, value]) => [name, String(value)]);
}

export class Answers {
  private readonly page: OutgoingHttpHeaders;
  private readonly image: string[];
  private readonly redirect: string[];

  constructor(secure: boolean) {
    const base = baseHeaders(secure);
    this.page = {
      ...base,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'cross-origin-resource-policy': 'same-origin',
    };
    // Mail clients load the open image from their own origin: it must stay embeddable.
    this.image = flat({
      ...base,
      'content-type': 'image/gif',
      'content-length': PIXEL.length,
      'content-security-policy': "default-src 'none'",
      'cross-origin-resource-policy': 'cross-origin',
    });
    this.redirect = flat({ ...base, 'content-length': 0, 'content-security-policy': "default-src 'none'" });
  }

  pixel(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, this.image);
    res.end(req.method === 'HEAD' ? undefined : PIXEL);
  }

  redirectTo(res: ServerResponse, status: 302 | 303, location: string): void {
    const headers = this.redirect.slice();
    headers.push('location', location);
    res.writeHead(status, headers);
    res.end();
  }

  html(req: IncomingMessage, res: ServerResponse, status: number, body: string, extra: OutgoingHttpHeaders = {}): void {
    const buf = Buffer.from(body, 'utf8');
    res.writeHead(status, { ...this.page, 'content-length': buf.length, ...extra });
    res.end(req.method === 'HEAD' ? undefined : buf);
  }
}
