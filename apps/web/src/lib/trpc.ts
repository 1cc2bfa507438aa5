import { QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink, httpLink, isTRPCClientError, splitLink, type TRPCClient } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import superjson from 'superjson'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
// The one place the client names the server's router (a type-only import: no server code is bundled).
import type { AppRouter } from '@jouwbot/api'

export type { AppRouter }
/** What each procedure takes, e.g. `RouterInputs['lesson']['saveProgress']`. */
export type RouterInputs = inferRouterInputs<AppRouter>
/** What each procedure answers, e.g. `RouterOutputs['checkout']['order']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

/** Queries the server answers with an ETag (`Cache-Control: private, no-cache`): sent on their own. */
const revalidated = new Set(['course.outline'])

/**
 * Same-origin, non-streaming batch link: responses must be able to set the HttpOnly session cookie,
 * which a streamed response cannot once its headers are sent. The client never sees the token.
 * The outline goes alone (one URL per course): a batch gets an ETag only when every call in it
 * has one, and alone the browser can revalidate it with If-None-Match and reuse its copy on 304.
 */
export function makeTrpcClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'query' && revalidated.has(op.path),
        true: httpLink({ url: '/trpc', transformer: superjson }),
        false: httpBatchLink({ url: '/trpc', transformer: superjson }),
      }),
    ],
  })
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry only what may succeed a second time: network failures and 5xx, never 4xx answers.
        retry: (failureCount, error) => {
          const status = isTRPCClientError(error) ? httpStatusOf(error.data) : undefined
          return failureCount < 2 && (status === undefined || status >= 500)
        },
      },
      mutations: { retry: false },
    },
  })
}

function httpStatusOf(data: unknown): number | undefined {
  if (data && typeof data === 'object' && 'httpStatus' in data && typeof data.httpStatus === 'number') {
    return data.httpStatus
  }
  return undefined
}
