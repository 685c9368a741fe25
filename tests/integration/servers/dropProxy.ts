/**
 * A TCP proxy on 127.0.0.1 in front of a test server, so a test can cut every connection in the
 * middle of a transfer (a dropped network), refuse new ones until it is restored, or slow uploads
 * down enough to watch their progress.
 */
import { createServer, connect, type Socket } from 'node:net'

/** A running proxy: `port` to connect to, and the switches a test flips. */
export interface DropProxy {
  port: number
  /** Destroys every open connection now. */
  dropAll(): void
  /** While blocked, new connections are closed at once (the host is unreachable). */
  setBlocked(blocked: boolean): void
  /** Slows the client-to-server direction to `bytesPerSecond`; null is full speed again, at once. */
  setRate(bytesPerSecond: number | null): void
  close(): Promise<void>
}

/** Starts a proxy that forwards to 127.0.0.1:`targetPort`. */
export function startDropProxy(targetPort: number): Promise<DropProxy> {
  const sockets = new Set<Socket>()
  const throttled = new Map<Socket, ReturnType<typeof setTimeout>>()
  let blocked = false
  let rate: number | null = null
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
    client.on('data', (chunk: Buffer) => {
      const flushed = upstream.write(chunk)
      if (rate !== null) {
        // NOTE: pausing after each chunk for as long as it takes at `rate` is what slows uploads.
        client.pause()
        const delay = (chunk.length * 1000) / rate
        throttled.set(
          client,
          setTimeout(() => {
            throttled.delete(client)
            client.resume()
          }, delay),
        )
      } else if (!flushed) {
        client.pause()
        upstream.once('drain', () => client.resume())
      }
    })
    client.on('end', () => upstream.end())
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
        setRate(value) {
          rate = value
          if (value !== null) return
          for (const [client, timer] of throttled) {
            clearTimeout(timer)
            client.resume()
          }
          throttled.clear()
        },
        close() {
          for (const socket of sockets) socket.destroy()
          return new Promise((done) => server.close(() => done()))
        },
      })
    })
  })
}
