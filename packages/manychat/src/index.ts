export * from './gateway.ts'
export { createManyChatGateway, MANYCHAT_API_ENDPOINT, type ManyChatClientOptions } from './manychat-client.ts'
