/**
 * The FolioBridge of the web mode: every API method is `POST /api/<method>` on the local Folio
 * server with the per-run token, and events arrive over one Server-Sent Events stream.
 */
import { apiMethods } from '../../../core/api'
import type {
  ApiMethod,
  ApiResult,
  FolioBridge,
  FolioEventName,
  FolioEvents,
} from '../../../core/api'
import type { FolioErrorData } from '../../../core/errors'

/** Where the web bridge reaches the server: the page's origin and the token from its URL. */
export interface WebBridgeOptions {
  /** Origin (or base URL) of the Folio web server; defaults to the page's own origin. */
  baseUrl?: string
  token: string
}

const unreachable: FolioErrorData = {
  code: 'network',
  message: 'The Folio server did not answer. Check that `folio web` is still running, then retry.',
}

async function post(options: WebBridgeOptions, method: ApiMethod, input: unknown) {
  const url = new URL(`/api/${method}`, options.baseUrl ?? window.location.href)
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Folio-Token': options.token },
      body: JSON.stringify(input ?? {}),
    })
  } catch (err) {
    console.warn(`Folio API call ${method} failed`, err)
    return { ok: false, error: unreachable } satisfies ApiResult<never>
  }
  try {
    return (await response.json()) as ApiResult<unknown>
  } catch (err) {
    console.warn(`Folio API call ${method} returned no JSON (HTTP ${response.status})`, err)
    const message =
      response.status === 401 || response.status === 403
        ? 'The Folio server refused this page: open the address printed by `folio web` again.'
        : `The Folio server answered ${method} with HTTP ${response.status} instead of a result.`
    return { ok: false, error: { code: 'network', message } } satisfies ApiResult<never>
  }
}

/**
 * Builds a FolioBridge that talks to the web server over fetch and EventSource. The event stream
 * is opened on the first subscription and shared by all listeners.
 */
export function createWebBridge(options: WebBridgeOptions): FolioBridge {
  let source: EventSource | null = null
  const openSource = (): EventSource => {
    if (!source) {
      const url = new URL('/api/events', options.baseUrl ?? window.location.href)
      url.searchParams.set('token', options.token)
      source = new EventSource(url)
    }
    return source
  }
  const bridge: Record<string, unknown> = {}
  for (const method of apiMethods) {
    bridge[method] = (input: unknown) => post(options, method, input)
  }
  bridge.on = <E extends FolioEventName>(event: E, listener: (payload: FolioEvents[E]) => void) => {
    const handler = (message: MessageEvent<string>) => {
      let payload: FolioEvents[E]
      try {
        payload = JSON.parse(message.data) as FolioEvents[E]
      } catch (err) {
        console.warn(`Ignoring a malformed ${event} event from the Folio server`, err)
        return
      }
      listener(payload)
    }
    const stream = openSource()
    stream.addEventListener(event, handler as EventListener)
    return () => stream.removeEventListener(event, handler as EventListener)
  }
  return bridge as FolioBridge
}

/**
 * The web token for this page: from `?token=` in the address (remembered for reloads in this tab)
 * or from the tab's session storage. Returns null when the page was opened without one.
 */
export function readWebToken(location: Location, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    storage.setItem('folio.token', fromUrl)
    return fromUrl
  }
  return storage.getItem('folio.token')
}
