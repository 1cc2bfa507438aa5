/**
 * Rendered public pages for visitors, kept briefly so that a flood of anonymous `GET /` costs one
 * React render per page and TTL instead of one per request. Bounded (least recently used goes
 * first) and short-lived; requests for a key that is being rendered share that render. A load that
 * fails, or answers `cache: false`, is given to its waiting requests but not kept.
 *
 * `generation` is compared on every hit: the course structure cache's counter, raised by every
 * admin edit in this process, so an edit shows at once here; other processes see it within the
 * TTL (plus the structure cache's own 60 s).
 */
export interface RenderCacheOptions {
  maxEntries: number
  ttlMs: number
  now: () => number
  generation: () => number
}

interface Entry<V> {
  at: number
  generation: number
  value: Promise<V>
}

export class RenderCache<V> {
  private readonly entries = new Map<string, Entry<V>>()
  constructor(private readonly options: RenderCacheOptions) {}

  /** A fresh (or in-flight) page is kept for `key`: `get` would not load. */
  has(key: string): boolean {
    const hit = this.entries.get(key)
    return hit !== undefined && this.fresh(hit)
  }

  private fresh(entry: Entry<V>): boolean {
    return this.options.now() - entry.at < this.options.ttlMs && entry.generation === this.options.generation()
  }

  get(key: string, load: () => Promise<{ value: V; cache: boolean }>): Promise<V> {
    const { now, generation, maxEntries } = this.options
    const hit = this.entries.get(key)
    if (hit && this.fresh(hit)) {
      // Map order is insertion order: moving the hit to the end makes the first key the least recent.
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value
    }
    const entry: Entry<V> = { at: now(), generation: generation(), value: Promise.resolve(null as V) }
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    }
    entry.value = load().then(
      (loaded) => {
        if (!loaded.cache) drop()
        return loaded.value
      },
      (error: unknown) => {
        drop()
        throw error
      },
    )
    this.entries.delete(key)
    this.entries.set(key, entry)
    while (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value!)
    return entry.value
  }

  get size(): number {
    return this.entries.size
  }
}

/**
 * At most `perSecond` takes in each second of `now()` (a fixed window): the renders a process may
 * start for pages not in the cache. Distinct URLs (`/?x=<random>`) each miss the cache; past the
 * budget they get the plain shell, which works the same once its scripts run.
 */
export function renderBudget(perSecond: number, now: () => number): { take(): boolean } {
  let window = -1
  let taken = 0
  return {
    take() {
      const current = Math.floor(now() / 1000)
      if (current !== window) [window, taken] = [current, 0]
      if (taken >= perSecond) return false
      taken++
      return true
    },
  }
}
