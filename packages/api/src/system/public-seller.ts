import type { AppDeps } from '../deps.ts'

/** Who sells, as the terms page shows it: the invoice header without the bank account. */
export interface PublicSeller {
  name: string
  addressLines: string[]
  /** ISO 3166-1 alpha-2, e.g. NL. */
  country: string
  kvkNumber: string
  vatNumber: string
  email: string | null
}

/** Copies the public fields one by one, so a field added to the seller later is not published by accident. */
export function publicSeller(deps: Pick<AppDeps, 'seller'>): PublicSeller {
  const { name, addressLines, country, kvkNumber, vatNumber, email } = deps.seller
  return { name, addressLines: [...addressLines], country, kvkNumber, vatNumber, email: email ?? null }
}
