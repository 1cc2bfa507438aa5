import { chmod, lstat, unlink } from 'node:fs/promises'
import type { Server } from 'node:http'
import { connect } from 'node:net'

/**
 * Lets `server` listen on the Unix socket `file` (LISTEN_SOCKET), for nginx on the same machine:
 * nginx → app over a Unix socket skips the loopback TCP stack on both sides (bench:media, X-Accel:
 * ~20 µs less app CPU per range request).
 *
 *  - A socket file left behind by a process that stopped without closing (kill -9) is removed; one
 *    that still answers belongs to a running server, and the start fails instead of taking it over.
 *    Any other kind of file at that path is refused, never removed.
 *  - The socket is made connectable by every local user (0666), as the loopback port is: who may
 *    reach it is up to the folder it is in (e.g. /run/jouwbot, group www-data, mode 0750).
 *  - Peers on a Unix socket have no IP address, so they never count as this machine for the dev
 *    mailbox (`isLocalRequest`): nginx passes on anyone's request.
 *  - `server.close()` removes the socket file (Node does).
 */
export async function listenOnUnixSocket(server: Server, file: string): Promise<void> {
  const existing = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (existing) {
    if (!existing.isSocket()) throw new Error(`LISTEN_SOCKET=${file}: a file that is not a socket is in the way (not removed)`)
    if (await answers(file)) throw new Error(`LISTEN_SOCKET=${file}: another server is listening on this socket`)
    await unlink(file)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(file, () => {
      server.off('error', reject)
      resolve()
    })
  })
  await chmod(file, 0o666)
}

/** Whether something accepts connections on the socket `file`. */
function answers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(file)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
