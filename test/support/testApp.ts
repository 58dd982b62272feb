import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/platform/config';
import type { TestWorld } from '../factories';

export async function testApp(t: TestWorld, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ HEARTH_DATA_DIR: '/nonexistent', HEARTH_LOG_LEVEL: 'silent', HEARTH_RATE_LIMIT_PER_MINUTE: '100000', HEARTH_SIGN_IN_LIMIT_PER_MINUTE: '100000', ...env });
  return createApp(t.services, { config, authorityName: 'Test Borough Council', logger: false });
}

/** Like a browser: keeps cookies, and sends the CSRF token of the last page it saw with each form. */
export class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  last: LightMyRequestResponse | null = null;

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (cookie.value === '' || cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token?.[1]) this.csrf = token[1];
    this.last = response;
    return response;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: string } = {}) {
    const body = new URLSearchParams();
    body.append('_csrf', options.csrf ?? this.csrf);
    for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  /** A form with a file, as a browser sends it (multipart/form-data), with the CSRF token. */
  async postFile(url: string, form: Record<string, string>, file: { field: string; filename: string; content: Buffer } | null, options: { csrf?: string } = {}) {
    const boundary = `----hearth${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    field('_csrf', options.csrf ?? this.csrf);
    for (const [k, v] of Object.entries(form)) field(k, v);
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
      }),
    );
  }

  async json(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method,
        url,
        headers: { cookie: this.cookieHeader(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  }

  async signIn(username: string, password: string) {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password, next: '/' });
  }
}

/** The text of a page's main content, for assertions about what a person reads. */
export function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
