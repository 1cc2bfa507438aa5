/**
 * Short-lived cache of per-viewer course state (access and progress) for `course.outline`. The
 * process that changes it (a progress save, a grant or revoke) invalidates at once; other
 * processes see the change within `ttlMs`. Only the outline reads it: lessons, media and
 * certificates always check access against the database. Expired entries are dropped at most one
 * TTL later: the outline keeps its rendered JSON with the state object, so memory follows the viewers
 * of the last TTL, not every viewer since the start.
 */
export class ViewerCourseCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>()
  private sweptAt = Date.now()
  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(userId: string, courseId: string, load: () => Promise<T>): Promise<T> {
    const key = `${userId}:${courseId}`
    const hit = this.entries.get(key)
    const now = Date.now()
    if (hit && now - hit.at < this.ttlMs) return hit.value
    if (now - this.sweptAt >= this.ttlMs) {
      this.sweptAt = now
      for (const [k, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(k)
    }
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    const value = load()
    this.entries.set(key, { at: now, value })
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    return value
  }

  invalidate(userId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${userId}:`)) this.entries.delete(key)
  }
}
