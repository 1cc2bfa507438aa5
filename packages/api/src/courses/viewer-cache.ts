/**
 * Short-lived cache of per-viewer course state (access and progress) for `course.outline`. The
 * process that changes it (a progress save, a grant or revoke) invalidates at once; other
 * processes see the change within `ttlMs`. Only the outline reads it: lessons, media and
 * certificates always check access against the database. Expired entries are dropped at most one
 * TTL later: the outline keeps its rendered JSON with the state object, so memory follows the viewers
 * of the last TTL, not every viewer since the start.
 */
export class ViewerCourseCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  /** Each viewer's keys: every progress save invalidates its viewer, without a scan of all viewers' entries. */
  private readonly keysByUser = new Map<string, Set<string>>()
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
      for (const [k, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.drop(k, entry)
    }
    if (this.entries.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value!
      this.drop(oldestKey, oldest)
    }
    const entry = { userId, at: now, value: load() }
    this.entries.set(key, entry)
    let keys = this.keysByUser.get(userId)
    if (!keys) this.keysByUser.set(userId, (keys = new Set()))
    keys.add(key)
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.drop(key, entry)
    })
    return entry.value
  }

  invalidate(userId: string): void {
    const keys = this.keysByUser.get(userId)
    if (!keys) return
    for (const key of keys) this.entries.delete(key)
    this.keysByUser.delete(userId)
  }

  private drop(key: string, entry: Entry<T>): void {
    this.entries.delete(key)
    const keys = this.keysByUser.get(entry.userId)
    keys?.delete(key)
    if (keys?.size === 0) this.keysByUser.delete(entry.userId)
  }
}

interface Entry<T> {
  userId: string
  at: number
  value: Promise<T>
}
