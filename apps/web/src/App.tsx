import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { SudoProvider } from './components/SudoProvider.tsx'
import { makeQueryClient, makeTrpcClient, TRPCProvider } from './lib/trpc.ts'
import { routes } from './router.tsx'

const router = createBrowserRouter(routes)

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
