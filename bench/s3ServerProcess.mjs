// The bench's local S3-protocol server in a process of its own (see s3Server.ts): starts s3rver on
// 127.0.0.1 with the buckets given, prints {"port": N} on stdout, and stops when stdin closes.
import S3rver from 's3rver'

const [directory, ...buckets] = process.argv.slice(2)
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
})
const address = await server.run()
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`)
process.stdin.resume()
process.stdin.on('end', () => server.close().then(() => process.exit(0)))
