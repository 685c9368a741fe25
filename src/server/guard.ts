/**
 * The web mode's front door: every request must carry the per-run token (header, query or the
 * cookie set when the page was opened with it) and name this server as its Host and, when sent,
 * its Origin. This stops other local pages and DNS-rebinding sites from driving the API.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const tokenCookie = 'folio_token'

export interface GuardVerdict {
  ok: boolean
  status?: number
  reason?: string
  /** The token came in the URL: the response should set the cookie. */
  fromQuery?: boolean
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === tokenCookie) return rest.join('=')
  }
  return undefined
}

/** Decides whether a request may be served; `port` is the port this server listens on. */
export function checkRequest(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    return { ok: false, status: 403, reason: 'Foreign Host header.' }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    return { ok: false, status: 403, reason: 'Foreign Origin header.' }
  }
  const header = req.headers['x-folio-token']
  const candidates: [string | undefined, boolean][] = [
    [typeof header === 'string' ? header : undefined, false],
    [url.searchParams.get('token') ?? undefined, true],
    [cookieToken(req.headers.cookie), false],
  ]
  for (const [candidate, fromQuery] of candidates) {
    if (candidate && sameToken(candidate, token)) return { ok: true, fromQuery }
  }
  return {
    ok: false,
    status: 401,
    reason: 'Missing or wrong token: open the URL printed by `npm run web`.',
  }
}
