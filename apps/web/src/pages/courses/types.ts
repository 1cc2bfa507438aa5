import type { RouterInputs, RouterOutputs } from '../../lib/trpc.ts'

export type CourseSummary = RouterOutputs['course']['list'][number]
export type CourseOutline = RouterOutputs['course']['outline']
export type OutlineModule = CourseOutline['modules'][number]
export type OutlineLesson = OutlineModule['lessons'][number]
export type Lesson = RouterOutputs['lesson']['get']
export type LessonProgress = RouterOutputs['lesson']['saveProgress']
export type SaveProgressInput = RouterInputs['lesson']['saveProgress']
