import { eq, lessons, or, sql, type DbOrTx } from '@jouwbot/db'

/** Whether any lesson still refers to `key` (video, captions or an attachment). Seeded videos are shared. */
export async function isStorageKeyInUse(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(or(eq(lessons.videoKey, key), eq(lessons.captionsKey, key), sql`${lessons.attachments} @> ${JSON.stringify([{ key }])}::jsonb`))
    .limit(1)
  return row !== undefined
}
