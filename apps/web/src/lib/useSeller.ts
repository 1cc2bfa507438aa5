import { useQuery } from '@tanstack/react-query'
import { useTRPC } from './trpc.ts'

/**
 * Who runs the site, as the server is configured (`system.seller`: the same details as on invoices):
 * the footer, the terms and the privacy statement name the seller from here, never from the catalogs.
 */
export function useSeller() {
  const trpc = useTRPC()
  // The seller's details change only with the server's configuration.
  return useQuery({ ...trpc.system.seller.queryOptions(), staleTime: Infinity })
}
