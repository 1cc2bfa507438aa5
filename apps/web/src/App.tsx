import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { SudoProvider } from './components/SudoProvider.tsx'
import { makeQueryClient, makeTrpcClient, TRPCProvider } from './lib/trpc.ts'
import { router } from './router.tsx'

export function App() {
  const [queryClient] = useState(makeQueryClient)
  const [trpcClient] = useState(makeTrpcClient)
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
