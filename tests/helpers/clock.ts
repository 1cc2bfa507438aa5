import type { Clock } from '@jouwbot/auth'

/** A clock tests move by hand. Starts at the real time so PostgreSQL defaults stay close. */
export class TestClock implements Clock {
  private current = new Date()
  now(): Date {
    return new Date(this.current)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
  set(date: Date): void {
    this.current = new Date(date)
  }
}
