import { spawn } from 'node:child_process'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { contentTypeFor, readText, StorageError, type Storage } from '@jouwbot/storage'
import { findTool } from './find-tool.ts'

/**
 * HLS renditions of an uploaded lesson video, made with ffmpeg when the machine has it:
 * `<key without .mp4>/hls/master.m3u8` plus `<rendition>/index.m3u8` and 4-second `.ts` segments per
 * rendition (360p and 240p, H.264 + AAC). Without ffmpeg nothing happens (null): the MP4 keeps
 * playing as uploaded.
 *
 * Works with any Storage: the source is read in place on local disk (`localPath`) or downloaded to a
 * temp folder first (S3); ffmpeg writes into a temp folder and every file is then written through
 * `storage.write` — segments and rendition playlists first, the master playlist last, so a master
 * that exists always names complete renditions. Meant to run in a background job (it takes about a
 * fifth of the video's length per rendition on a small machine).
 */

export interface HlsRendition {
  /** Folder name and label, e.g. `360p`. */
  name: string
  height: number
  videoBitrateKbps: number
}

export const DEFAULT_RENDITIONS: readonly HlsRendition[] = [
  { name: '360p', height: 360, videoBitrateKbps: 600 },
  { name: '240p', height: 240, videoBitrateKbps: 300 },
]

export interface MakeHlsOptions {
  storage: Storage
  /** The stored MP4. */
  key: string
  /** ffmpeg to use; `undefined` looks it up (`findFfmpeg`), `null` means there is none. */
  ffmpegPath?: string | null
  renditions?: readonly HlsRendition[]
  segmentSeconds?: number
  /** ffmpeg is killed after this long (default 30 minutes). */
  timeoutMs?: number
  /** Per written file (default 512 MB). */
  maxFileBytes?: number
  /** Kills ffmpeg and rejects, e.g. when the server stops (the job runs again later). */
  signal?: AbortSignal
}


/** `/usr/bin/ffmpeg`, else the first `ffmpeg` on PATH; null when there is none. */
export function findFfmpeg(): string | null {
  return findTool('ffmpeg', `/usr/bin${path.delimiter}${process.env.PATH ?? ''}`)
}

export function hasFfmpeg(): boolean {
  return findFfmpeg() !== null
}

/** Where the renditions of `key` go: `courses/a/uploads/x.mp4` → `courses/a/uploads/x/hls`. */
export function hlsPrefixFor(key: string): string {
  return `${key.replace(/\.[^./]+$/, '')}/hls`
}

/** Runs ffmpeg; rejects with the end of its stderr when it fails, runs too long or is aborted. */
function runFfmpeg(ffmpegPath: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL', signal })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-16_384)
    })
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (signal) reject(new Error(`ffmpeg was stopped (${signal}): ${stderr.trim().slice(-2000)}`))
      else resolve({ code, stderr })
    })
  })
}

/** Whether the input has an audio stream (`ffmpeg -i` lists the streams on stderr, then exits with 1). */
async function hasAudioStream(ffmpegPath: string, input: string, signal?: AbortSignal): Promise<boolean> {
  const { stderr } = await runFfmpeg(ffmpegPath, ['-hide_banner', '-nostdin', '-i', input], 60_000, signal)
  return /Stream #\d+:\d+[^\n]*: Audio:/.test(stderr)
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
}

/**
 * Transcodes the stored MP4 `key` into HLS renditions next to it and returns the master playlist's
 * key — or null when there is no ffmpeg. Rejects when the object is missing or ffmpeg fails (a job
 * retries; the MP4 stays playable meanwhile).
 */
export async function makeHlsRenditions(options: MakeHlsOptions): Promise<string | null> {
  const { storage, key } = options
  const ffmpegPath = options.ffmpegPath === undefined ? findFfmpeg() : options.ffmpegPath
  if (!ffmpegPath) return null
  const renditions = options.renditions ?? DEFAULT_RENDITIONS
  const segmentSeconds = options.segmentSeconds ?? 4
  if (renditions.length === 0 || renditions.some((r) => !/^[a-z0-9]+$/.test(r.name))) throw new Error('invalid renditions')
  if (!(await storage.stat(key))) throw new StorageError('notFound', 'no such object')

  const work = await mkdtemp(path.join(tmpdir(), 'jb-hls-'))
  try {
    let input = storage.localPath?.(key)
    if (!input) {
      input = path.join(work, 'source.mp4')
      await pipeline(await storage.read(key), createWriteStream(input))
    }
    const out = path.join(work, 'out')
    await mkdir(out)
    const audio = await hasAudioStream(ffmpegPath, input, options.signal)
    const n = renditions.length
    const split = `[0:v]split=${n}${renditions.map((_, i) => `[s${i}]`).join('')}`
    const scales = renditions.map((r, i) => `[s${i}]scale=-2:${r.height},setsar=1[v${i}]`)
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
      '-i', input,
      '-filter_complex', [split, ...scales].join(';'),
      ...renditions.flatMap((_, i) => ['-map', `[v${i}]`]),
      ...(audio ? renditions.flatMap(() => ['-map', '0:a:0']) : []),
      '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
      ...renditions.flatMap((r, i) => [
        `-b:v:${i}`, `${r.videoBitrateKbps}k`,
        `-maxrate:v:${i}`, `${Math.round(r.videoBitrateKbps * 1.2)}k`,
        `-bufsize:v:${i}`, `${r.videoBitrateKbps * 2}k`,
      ]),
      // A keyframe at every segment boundary, and nowhere else forced: segments of equal length.
      '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`, '-sc_threshold', '0',
      ...(audio ? ['-c:a', 'aac', '-b:a', '64k'] : []),
      '-f', 'hls',
      '-hls_time', String(segmentSeconds),
      '-hls_playlist_type', 'vod',
      '-hls_flags', 'independent_segments',
      '-hls_segment_filename', path.join(out, '%v', 'segment-%03d.ts'),
      '-master_pl_name', 'master.m3u8',
      '-var_stream_map', renditions.map((r, i) => `v:${i}${audio ? `,a:${i}` : ''},name:${r.name}`).join(' '),
      path.join(out, '%v', 'index.m3u8'),
    ]
    const result = await runFfmpeg(ffmpegPath, args, options.timeoutMs ?? 30 * 60_000, options.signal)
    if (result.code !== 0) throw new Error(`ffmpeg failed (exit ${result.code}): ${result.stderr.trim().slice(-2000)}`)

    const prefix = hlsPrefixFor(key)
    const files = (await filesUnder(out)).filter((file) => file !== 'master.m3u8')
    // Segments before the playlists that name them; the master last.
    files.sort((a, b) => Number(a.endsWith('.m3u8')) - Number(b.endsWith('.m3u8')) || a.localeCompare(b))
    for (const file of [...files, 'master.m3u8']) {
      const target = `${prefix}/${file.split(path.sep).join('/')}`
      await storage.write(target, createReadStream(path.join(out, file)), { contentType: contentTypeFor(target), maxBytes: options.maxFileBytes ?? 512 * 1024 * 1024 })
    }
    return `${prefix}/master.m3u8`
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}


/** The relative URIs a playlist names (variant playlists or segments), resolved against its folder. */
export function playlistEntries(playlistKey: string, text: string): string[] {
  const folder = playlistKey.slice(0, playlistKey.lastIndexOf('/') + 1)
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(line) && !line.startsWith('/'))
    .map((line) => folder + line)
}

/**
 * Deletes what `makeHlsRenditions` wrote, found through the playlists themselves (works on S3,
 * which has no folders to remove): segments, rendition playlists, then the master.
 */
export async function deleteHlsRenditions(storage: Storage, masterKey: string): Promise<void> {
  const master = await readText(storage, masterKey)
  if (master === null) return
  for (const variantKey of playlistEntries(masterKey, master)) {
    const variant = await readText(storage, variantKey)
    for (const segmentKey of variant === null ? [] : playlistEntries(variantKey, variant)) await storage.delete(segmentKey)
    await storage.delete(variantKey)
  }
  await storage.delete(masterKey)
  if (storage.localPath) {
    // Local disk keeps folders: remove the now empty rendition folders, `hls/` and the one above it.
    const hlsDir = path.dirname(storage.localPath(masterKey))
    const variantDirs = playlistEntries(masterKey, master).map((key) => path.dirname(storage.localPath!(key)))
    for (const dir of [...new Set(variantDirs)].filter((d) => d.startsWith(hlsDir + path.sep)).concat(hlsDir, path.dirname(hlsDir))) {
      await rmdir(dir).catch(() => {}) // not empty (or gone): leave it
    }
  }
}
