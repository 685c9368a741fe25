/**
 * A TCP proxy on 127.0.0.1 in front of a test server, so a test can cut every connection in the
 * middle of a transfer (a dropped network) and refuse new ones until it is restored.
 */
import { createServer, connect, type Socket } from 'node:net'

/** A running proxy: `port` to connect to, and the switches a test flips. */
export interface DropProxy {
  port: number
  /** Destroys every open connection now. */
  dropAll(): void
  /** While blocked, new connections are closed at once (the host is unreachable). */
  setBlocked(blocked: boolean): void
  close(): Promise<void>
}

/** Starts a proxy that forwards to 127.0.0.1:`targetPort`. */
export function startDropProxy(targetPort: number): Promise<DropProxy> {
  const sockets = new Set<Socket>()
  let blocked = false
  const server = createServer((client) => {
    if (blocked) {
      client.destroy()
      return
    }
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({
        port,
        dropAll() {
          for (const socket of sockets) socket.destroy()
        },
        setBlocked(value) {
          blocked = value
        },
        close() {
          for (const socket of sockets) socket.destroy()
          return new Promise((done) => server.close(() => done()))
        },
      })
    })
  })
}
