import { randomInt } from 'node:crypto'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Mollie-looking ids: a resource prefix and 10 random alphanumerics (`tr_7UhSN1zuXS`). */
export function newId(prefix: 'tr_' | 're_' | 'chb_' | 'pfl_'): string {
  let id = prefix
  for (let i = 0; i < 10; i++) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]
  return id
}

