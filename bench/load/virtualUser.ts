import { loopback } from './server';

/**
 * One signed-in member of staff, as a browser is: a session cookie and the form's CSRF token,
 * every request bounded in time and sent only to 127.0.0.1.
 */
export interface Outcome {
  kind: string;
  ms: number;
  status: number;
  /** A network error, a timeout, or a status that is neither success nor a redirect after a save. */
  error: string | null;
}

const timeoutMs = 10_000;

export class VirtualUser {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(
    readonly baseUrl: string,
    readonly username: string,
  ) {
    if (new URL(baseUrl).hostname !== loopback) throw new Error(`The load test sends requests only to ${loopback}`);
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  /** What the page said was wrong (the error summary's items), to say why a request failed. */
  private static problems(html: string): string {
    const items = [...html.matchAll(/<a href="#[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]).slice(0, 3);
    return items.length ? `: ${items.join('; ')}` : '';
  }

  private static token(html: string): string | null {
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
  }

  async raw(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        cookie: this.cookieHeader(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams({ ...form, _csrf: this.csrf }).toString() : undefined,
    });
    this.keep(response);
    return { status: response.status, body: await response.text(), location: response.headers.get('location') };
  }

  async signIn(password: string) {
    const page = await this.raw('GET', '/sign-in');
    this.csrf = VirtualUser.token(page.body) ?? '';
    const signedIn = await this.raw('POST', '/sign-in', { username: this.username, password });
    if (signedIn.status !== 302) throw new Error(`${this.username} could not sign in (${signedIn.status})`);
    // The session's token, from any page with a form.
    const home = await this.raw('GET', '/people');
    this.csrf = VirtualUser.token(home.body) ?? this.csrf;
  }

  /** Times one request. A save succeeds with a redirect (303/302); a page with 200. */
  async timed(kind: string, method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Outcome & { location: string | null }> {
    const start = process.hrtime.bigint();
    try {
      const { status, location, body } = await this.raw(method, path, form);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const ok = method === 'GET' ? status === 200 : status === 302 || status === 303;
      return { kind, ms, status, error: ok ? null : `HTTP ${status} ${path}${VirtualUser.problems(body)}`, location };
    } catch (error) {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      return { kind, ms, status: 0, error: (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message, location: null };
    }
  }
}
