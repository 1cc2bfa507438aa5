/** Shapes of the seedable course content. Media file names are relative to the package's media/ folder. */

export interface SeedChapter { startSeconds: number; title: string }
export interface SeedAttachment { fileName: string; title: string }   // file in media/attachments/
export interface SeedLesson {
  slug: string; title: string; summary: string; bodyMarkdown: string
  /** file name in media/videos/ */ video: string
  durationSeconds: number           // the real duration of that video file (ffprobe), rounded
  /** file name in media/captions/, Dutch WebVTT */ captions?: string
  chapters?: SeedChapter[]
  attachments?: SeedAttachment[]
  freePreview: boolean
}
export interface SeedModule { slug: string; title: string; summary: string; lessons: SeedLesson[] }
export interface SeedCourse { slug: string; title: string; summary: string; descriptionMarkdown: string; modules: SeedModule[] }
