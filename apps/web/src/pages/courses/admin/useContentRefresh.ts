import { useQueryClient } from '@tanstack/react-query'
import { useTRPC } from '../../../lib/trpc.ts'

/** After a change: the admin tree and list, and the public catalogue and outlines. */
export function useContentRefresh(): () => Promise<void> {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.courses.pathFilter()),
      queryClient.invalidateQueries(trpc.course.pathFilter()),
    ])
  }
}
