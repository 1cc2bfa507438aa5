import { expect } from 'vitest'

/** A media route's refusal: JSON `{ error: { message } }`, never cached, and nothing for nginx to act on. */
export async function expectRefused(response: Response, status: number, message: string): Promise<void> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('x-accel-redirect')).toBeNull()
  expect(response.headers.get('x-accel-expires')).toBeNull()
  expect(await response.json()).toEqual({ error: { message } })
}
