/**
 * A real vsftpd for FTP/FTPS tests: a temp config on a free port of 127.0.0.1, explicit TLS with
 * a self-signed certificate for 127.0.0.1 made by openssl, and a local test user with a password.
 * Needs root (vsftpd starts as root; the user is created with useradd if it is missing).
 */
import { execFile, spawn } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, waitForChild } from './freePort'

const run = promisify(execFile)

/** The local account the tests log in with. */
export const ftpUser = { name: 'folioftp', password: 'folio-ftp-test-pw' }

/** A running vsftpd and what a client needs to reach it. */
export interface FtpServer {
  port: number
  user: string
  password: string
  /** Absolute folder the test user may write to. */
  dataDir: string
  /** PEM of the server's self-signed certificate, to trust it as a CA. */
  certPath: string
  stop(): Promise<void>
}

async function ensureUser(): Promise<string> {
  const home = `/home/${ftpUser.name}`
  const exists = await run('id', [ftpUser.name]).then(
    () => true,
    () => false,
  )
  if (!exists) await run('useradd', ['--create-home', '--shell', '/bin/sh', ftpUser.name])
  // chpasswd reads "user:password" from stdin.
  await new Promise<void>((resolve, reject) => {
    const child = spawn('chpasswd')
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`chpasswd exited ${code}`)),
    )
    child.stdin.end(`${ftpUser.name}:${ftpUser.password}\n`)
  })
  return home
}

/** Starts vsftpd in the foreground with explicit TLS (plain FTP still allowed when `requireTls` is false). */
export async function startFtpServer(options: { requireTls?: boolean } = {}): Promise<FtpServer> {
  const home = await ensureUser()
  const dir = await mkdtemp(join(tmpdir(), 'folio-vsftpd-'))
  const dataDir = await mkdtemp(join(home, 'data-'))
  await run('chown', [`${ftpUser.name}:`, dataDir])
  await chmod(dataDir, 0o755)
  await mkdir('/var/run/vsftpd/empty', { recursive: true })
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ])
  const port = await freePort()
  const pasv = await freePort()
  const requireTls = options.requireTls ?? true
  const config = [
    'listen=YES',
    'listen_ipv6=NO',
    'listen_address=127.0.0.1',
    `listen_port=${port}`,
    'background=NO',
    'anonymous_enable=NO',
    'local_enable=YES',
    'write_enable=YES',
    'local_umask=022',
    'pasv_enable=YES',
    'pasv_address=127.0.0.1',
    `pasv_min_port=${pasv}`,
    `pasv_max_port=${pasv + 40}`,
    'seccomp_sandbox=NO',
    'pam_service_name=vsftpd',
    'secure_chroot_dir=/var/run/vsftpd/empty',
    'ssl_enable=YES',
    `rsa_cert_file=${certPath}`,
    `rsa_private_key_file=${keyPath}`,
    'allow_anon_ssl=NO',
    `force_local_data_ssl=${requireTls ? 'YES' : 'NO'}`,
    `force_local_logins_ssl=${requireTls ? 'YES' : 'NO'}`,
    'require_ssl_reuse=NO',
    'ssl_ciphers=HIGH',
    `vsftpd_log_file=${join(dir, 'vsftpd.log')}`,
  ].join('\n')
  await writeFile(join(dir, 'vsftpd.conf'), config + '\n', { mode: 0o600 })
  const child = spawn('/usr/sbin/vsftpd', [join(dir, 'vsftpd.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += String(chunk)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let state: 'listening' | 'port-taken'
  try {
    state = await waitForChild(child, exited, port, () => `vsftpd exited: ${stderr}`)
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  if (state === 'port-taken') {
    // NOTE: another process took the free port before vsftpd bound it; start again on a new one.
    await rm(dir, { recursive: true, force: true })
    return startFtpServer(options)
  }
  return {
    port,
    user: ftpUser.name,
    password: ftpUser.password,
    dataDir,
    certPath,
    async stop() {
      child.kill('SIGTERM')
      await exited
      await rm(dir, { recursive: true, force: true })
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
