/**
 * Lifecycle of the real servers an integration test file runs against: started once before the
 * file's tests, stopped after them.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startDropProxy, type DropProxy } from './dropProxy'

/** Anything started for a test file that can be stopped again. */
interface Stoppable {
  stop(): Promise<void>
}

/**
 * Starts `start()`'s server before the file's tests and stops it after them; the returned holder's
 * `server` is set once the file's `beforeAll` hooks ran, so read it inside tests and hooks only.
 */
export function useServer<S extends Stoppable>(start: () => Promise<S>): { server: S } {
  const holder = {} as { server: S }
  beforeAll(async () => {
    holder.server = await start()
  })
  afterAll(async () => {
    await holder.server?.stop()
  })
  return holder
}

/**
 * Like `useServer`, plus a drop proxy in front of the server (connect to `proxy.port` to be
 * cut off on demand); the proxy is unblocked after each test so one test's outage ends with it.
 */
export function useProxiedServer<S extends Stoppable & { port: number }>(
  start: () => Promise<S>,
): { server: S; proxy: DropProxy } {
  const holder = useServer(start) as { server: S; proxy: DropProxy }
  beforeAll(async () => {
    holder.proxy = await startDropProxy(holder.server.port)
  })
  afterAll(async () => {
    await holder.proxy?.close()
  })
  afterEach(() => {
    holder.proxy.setBlocked(false)
  })
  return holder
}
