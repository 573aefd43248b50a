/**
 * The web shell's one way to reach the API: same-origin fetch with the session cookie and the
 * CSRF header read from the rempart_csrf cookie. Errors become ApiError with the server's code,
 * message (already in the user's language) and field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues?: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)rempart_csrf=([^;]+)/);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; raw?: BodyInit; contentType?: string } = {},
): Promise<T> {
  const method = init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET');
  // The server words its errors in the page's language (it reads the rempart_locale cookie first).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': document.documentElement.lang || 'fr' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let body: BodyInit | undefined;
  if (init.raw !== undefined) {
    body = init.raw;
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body } : {}) });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; field?: string; issues?: Array<{ field: string; message: string }> } })
      ?.error;
    throw new ApiError(res.status, e?.code ?? 'error', e?.message ?? res.statusText, e?.field, e?.issues);
  }
  return data as T;
}

/** For paginated lists: `{ items, total, page, pageSize }`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
