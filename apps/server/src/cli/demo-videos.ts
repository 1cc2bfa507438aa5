// pnpm demo:videos [folder] — renders every lesson video of the demo course (the Premium Cursus in
// @jouwbot/course-content) into a folder (default .data/demo-videos-preview), as the background job
// courses.demo-videos does for a running server, and prints the time, length and size of each. For
// previewing the slides and the voice, and for measuring; the server needs none of it.
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findDemoVideoTools, renderLessonVideo } from '@jouwbot/api/courses'
import { premiumCursus } from '@jouwbot/course-content'
import { repoRoot } from '../env.ts'

const out = path.resolve(process.argv[2] ?? path.join(repoRoot, '.data', 'demo-videos-preview'))
const tools = findDemoVideoTools()
if ('missing' in tools) {
  console.error(`${tools.missing.join(' and ')} not found: apt-get install ffmpeg espeak-ng`)
  process.exit(1)
}
await mkdir(out, { recursive: true })
const started = Date.now()
let seconds = 0
let bytes = 0
let count = 0
for (const module of premiumCursus.modules) {
  for (const lesson of module.lessons) {
    const workDir = await mkdtemp(path.join(tmpdir(), 'jb-demo-video-'))
    try {
      const t = Date.now()
      const video = await renderLessonVideo({ lesson: { ...lesson, moduleTitle: module.title }, courseTitle: premiumCursus.title, workDir, ...tools })
      await copyFile(video.videoFile, path.join(out, `${lesson.slug}.mp4`))
      await writeFile(path.join(out, `${lesson.slug}.nl.vtt`), video.captions)
      const size = (await stat(video.videoFile)).size
      count += 1
      seconds += video.seconds
      bytes += size
      console.log(`${lesson.slug.padEnd(44)} ${String(video.slides).padStart(2)} slides ${video.seconds.toFixed(1).padStart(6)} s ${(size / 1024).toFixed(0).padStart(6)} kB  ${((Date.now() - t) / 1000).toFixed(1)} s to render`)
    } finally {
      await rm(workDir, { recursive: true, force: true })
    }
  }
}
console.log(
  `\n${count} lessons, ${(seconds / 60).toFixed(1)} minutes of video, ${(bytes / 1024 / 1024).toFixed(1)} MB, ` +
    `rendered in ${((Date.now() - started) / 1000).toFixed(0)} s → ${out}`,
)
