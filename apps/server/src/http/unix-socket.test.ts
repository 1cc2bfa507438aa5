import { spawn } from 'node:child_process'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { listenOnUnixSocket } from './unix-socket.ts'

let dir: string
const servers: Server[] = []
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jouwbot-unix-socket-'))
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
  await rm(dir, { recursive: true, force: true })
})

const hello = () => {
  const server = createServer((req, res) => res.end(`hello ${req.url} from ${String(req.socket.remoteAddress)}`))
  servers.push(server)
  return server
}

/** GET over the Unix socket `file`. */
const getOver = (file: string, url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    request({ socketPath: file, path: url }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body }))
    })
      .on('error', reject)
      .end()
  })

describe('listenOnUnixSocket', () => {
  test('the server answers over the socket; every local user may connect; the peer has no IP address', async () => {
    const file = path.join(dir, 'app.sock')
    await listenOnUnixSocket(hello(), file)
    expect(await getOver(file, '/healthz')).toEqual({ status: 200, body: 'hello /healthz from undefined' })
    expect((await stat(file)).mode & 0o777).toBe(0o666)
  })

  test('a socket file left by a stopped process is replaced', async () => {
    const file = path.join(dir, 'app.sock')
    // What kill -9 leaves behind: the socket file, nobody listening on it.
    const crashed = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(file)}, () => console.log('up'))`])
    await new Promise((resolve) => crashed.stdout.once('data', resolve))
    crashed.kill('SIGKILL')
    await new Promise((resolve) => crashed.once('exit', resolve))
    await expect(stat(file)).resolves.toBeTruthy()
    await listenOnUnixSocket(hello(), file)
    expect((await getOver(file, '/')).status).toBe(200)
  })

  test('a socket another server answers on is not taken over', async () => {
    const file = path.join(dir, 'app.sock')
    await listenOnUnixSocket(hello(), file)
    await expect(listenOnUnixSocket(hello(), file)).rejects.toThrow(/another server is listening/)
    expect((await getOver(file, '/')).status).toBe(200)
  })

  test('a file that is not a socket is refused and left alone', async () => {
    const file = path.join(dir, 'notes.txt')
    await writeFile(file, 'keep me')
    await expect(listenOnUnixSocket(hello(), file)).rejects.toThrow(/not a socket/)
    expect((await stat(file)).isFile()).toBe(true)
  })
})
