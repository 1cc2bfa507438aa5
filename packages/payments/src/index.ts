export * from './gateway.ts'
export { createMollieGateway, type MollieGatewayOptions } from './mollie-gateway.ts'
export { createTrustingMollieClient } from './mollie-client.ts'
export * from './emulator/index.ts'
