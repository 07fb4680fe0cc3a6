/** One answer to a navigation: a page, or a redirect the browser has not followed yet. */
export interface Visit {
  url: URL;
  status: number;
  /** Where a redirect (3xx) sends the browser. */
  location?: URL;
  body: string;
}

/**
 * Navigates as a browser does, for sign-in round trips across sites: keeps the cookies it is
 * given and sends them back, follows redirects one at a time (so a spec can stop where the
 * browser would cross to another site), and submits a page's form. Cookies are kept by name
 * for every site and path, which on 127.0.0.1 (cookies ignore the port) is what a browser
 * sends to the console and to a provider beside it.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, string>();

  /** The value of the cookie `name`, if the browser holds it. */
  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  /** The `Cookie` header the browser sends, for an API call made in its name. */
  cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Opens `url`, a link or an address typed in: a top-level GET. */
  open(url: string | URL): Promise<Visit> {
    return this.#send(new URL(url), { method: 'GET' });
  }

  /**
   * Follows `visit`'s redirects while they stay on `origin` (one site's own hops), and returns
   * the page shown there, or the redirect that leaves it.
   */
  async followWithin(origin: string, visit: Visit): Promise<Visit> {
    let current = visit;
    for (let hops = 0; current.location?.origin === origin; hops++) {
      if (hops === 20) throw new Error(`More than 20 redirects from ${visit.url.href}`);
      current = await this.open(current.location);
    }
    return current;
  }

  /** Submits the first form of `page` with `fields` on top of its hidden inputs. */
  submit(page: Visit, fields: Record<string, string> = {}): Promise<Visit> {
    const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(page.body);
    if (!form) throw new Error(`No form on ${page.url.href}: ${page.body.slice(0, 200)}`);
    const hidden = [...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\s*\/?>/g)];
    const body = new URLSearchParams([...hidden.map(([, name, value]) => [name!, value!]), ...Object.entries(fields)]);
    return this.#send(new URL(decodeEntities(form[1]!), page.url), { method: 'POST', body });
  }

  /** Follows the link with the text `text` on `page`. */
  click(page: Visit, text: string): Promise<Visit> {
    const link = [...page.body.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].find(([, , label]) => label!.includes(text));
    if (!link) throw new Error(`No link "${text}" on ${page.url.href}`);
    return this.open(new URL(decodeEntities(link[1]!), page.url));
  }

  async #send(url: URL, init: RequestInit): Promise<Visit> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.#keep(line);
    const location = response.headers.get('location');
    return { url, status: response.status, location: location ? new URL(location, url) : undefined, body: await response.text() };
  }

  #keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const expires = attributes.find((attribute) => /^expires=/i.test(attribute));
    const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute));
    const gone = (expires && Date.parse(expires.slice(8)) <= Date.now()) || (maxAge && Number(maxAge.slice(8)) <= 0);
    if (gone) this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#x2F;/gi, '/')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}
