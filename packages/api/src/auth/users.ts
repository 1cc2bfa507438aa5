import type { UserRow } from '@jouwbot/auth'
import { eq, users, type DbOrTx } from '@jouwbot/db'
import type { Locale } from '@jouwbot/shared'

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1)
  return user
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  return user
}

export function mailLocale(user: Pick<UserRow, 'locale'>): Locale {
  return user.locale === 'en' ? 'en' : 'nl'
}

export function appLink(appOrigin: string, path: string, token?: string): string {
  const url = new URL(path, appOrigin)
  if (token) url.searchParams.set('token', token)
  return url.toString()
}
