import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'

/**
 * Dutch narration with espeak-ng (Debian package `espeak-ng`, its own voice `nl`; no mbrola voices
 * needed): one WAV per sentence, so each caption cue gets its exact time, joined with short pauses
 * into one 16-bit mono PCM track.
 */

export interface Pcm {
  sampleRate: number
  /** 16-bit little-endian mono samples. */
  data: Buffer
}

export interface ToolRunOptions {
  timeoutMs?: number
  /** Kills the tool (the promise rejects with an AbortError), e.g. when the server stops. */
  signal?: AbortSignal
}

/** Runs a tool; rejects with the end of its stderr when it exits non-zero, fails to start, runs too long or is aborted. */
export function runTool(file: string, args: string[], options: ToolRunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: options.timeoutMs ?? 120_000, killSignal: 'SIGKILL', signal: options.signal })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-8192)
    })
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${file} ${signal ? `was stopped (${signal})` : `failed (exit ${code})`}: ${stderr.trim().slice(-2000)}`))
    })
  })
}

/** The PCM of a WAV file written by espeak-ng (RIFF, `fmt ` PCM 16-bit mono, then `data`). */
export function parseWav(wav: Buffer): Pcm {
  if (wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE') throw new Error('not a WAV file')
  let sampleRate = 0
  for (let offset = 12; offset + 8 <= wav.length; ) {
    const id = wav.toString('latin1', offset, offset + 4)
    let size = wav.readUInt32LE(offset + 4)
    const body = offset + 8
    if (id === 'fmt ') {
      const format = wav.readUInt16LE(body)
      const channels = wav.readUInt16LE(body + 2)
      sampleRate = wav.readUInt32LE(body + 4)
      const bits = wav.readUInt16LE(body + 14)
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error(`unexpected WAV format ${format}/${channels}ch/${bits}bit`)
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data before its format')
      // espeak-ng writing to a pipe leaves the size at 0x7fffffff; to a file it is right, but trust the file.
      if (body + size > wav.length) size = wav.length - body
      return { sampleRate, data: wav.subarray(body, body + size - (size % 2)) }
    }
    offset = body + size + (size % 2)
  }
  throw new Error('WAV without data')
}

export function pcmSeconds(pcm: Pcm): number {
  return pcm.data.length / 2 / pcm.sampleRate
}

export function silence(sampleRate: number, seconds: number): Buffer {
  return Buffer.alloc(Math.round(sampleRate * seconds) * 2)
}

export function wavFile(pcm: Pcm): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(36 + pcm.data.length, 4)
  header.write('WAVEfmt ', 8, 'latin1')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(pcm.sampleRate, 24)
  header.writeUInt32LE(pcm.sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'latin1')
  header.writeUInt32LE(pcm.data.length, 40)
  return Buffer.concat([header, pcm.data])
}

export interface SpeakOptions {
  espeakPath: string
  /** espeak-ng voice (default `nl`). */
  voice?: string
  /** Words per minute (default 155: calm, clear Dutch). */
  wordsPerMinute?: number
  signal?: AbortSignal
}

/** One sentence spoken into `file` (WAV), returned as PCM. The text goes in as an argument, never through a shell. */
export async function speak(text: string, file: string, options: SpeakOptions): Promise<Pcm> {
  await runTool(options.espeakPath, ['-v', options.voice ?? 'nl', '-s', String(options.wordsPerMinute ?? 155), '-w', file, '--', text], { signal: options.signal })
  return parseWav(await readFile(file))
}
