/**
 * Short-lived cache of per-viewer course state (access and progress) for `course.outline`. The
 * process that changes it (a progress save, a grant or revoke) invalidates at once; other
 * processes see the change within `ttlMs`. Only the outline reads it: lessons, media and
 * certificates always check access against the database.
 */
export class ViewerCourseCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>()
  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(userId: string, courseId: string, load: () => Promise<T>): Promise<T> {
    const key = `${userId}:${courseId}`
    const hit = this.entries.get(key)
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    const value = load()
    this.entries.set(key, { at: Date.now(), value })
    value.catch(() => this.entries.delete(key))
    return value
  }

  invalidate(userId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${userId}:`)) this.entries.delete(key)
  }
}
