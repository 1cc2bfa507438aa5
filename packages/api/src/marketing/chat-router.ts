import { authedProcedure, publicProcedure, router } from '../trpc.ts'
import { getChatSettings, getMyChatContact } from './chat/get-chat-settings.ts'

/** `chat.*` (marketing, Messenger chat): the entry link's settings and the member's contact state. */
export const chatRouter = router({
  settings: publicProcedure.query(({ ctx }) => getChatSettings(ctx.deps)),
  myContact: authedProcedure.query(({ ctx }) => getMyChatContact(ctx.deps, { userId: ctx.user.id })),
})
