import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { RouterProvider, type DataRouter } from 'react-router'
import { SudoProvider } from './components/SudoProvider.tsx'
import { setHydrating } from './lib/ssr.ts'
import { makeTrpcClient, TRPCProvider } from './lib/trpc.ts'

export function App({ router, queryClient }: { router: DataRouter; queryClient: QueryClient }) {
  const [trpcClient] = useState(makeTrpcClient)
  // The first commit is done: components start from this browser's own state from now on. The
  // mark tells anyone waiting (the browser tests) that the page now runs, not only shows its markup.
  useEffect(() => {
    setHydrating(false)
    document.documentElement.dataset.app = 'ready'
  }, [])
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <SudoProvider>
          <RouterProvider router={router} />
        </SudoProvider>
      </TRPCProvider>
    </QueryClientProvider>
  )
}
