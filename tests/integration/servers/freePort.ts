/** Free TCP ports on 127.0.0.1 and waiting for a server to listen on one. */
import { createServer, connect } from 'node:net'

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once something accepts connections on `port`, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline)
      throw new Error(`Nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * Waits until `child` listens on `port`. Since another process can take a port between
 * `freePort()` and the child's bind, a child that exits right after the port answered did not get
 * it: that is reported as `'port-taken'` so the caller can retry on another port.
 */
export async function waitForChild(
  child: { exitCode: number | null; signalCode: string | null },
  exited: Promise<void>,
  port: number,
  describe: () => string,
): Promise<'listening' | 'port-taken'> {
  await Promise.race([
    waitForPort(port),
    exited.then(() => {
      throw new Error(describe())
    }),
  ])
  await new Promise((resolve) => setTimeout(resolve, 300))
  return child.exitCode === null && child.signalCode === null ? 'listening' : 'port-taken'
}
