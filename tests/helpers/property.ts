/**
 * The seeds a seeded property test runs: `count` by default (CI), or PROPERTY_SEEDS of them from
 * PROPERTY_SEED_START (default 1) to run many more by hand, or to replay one failing seed:
 * `PROPERTY_SEEDS=1 PROPERTY_SEED_START=4242 pnpm vitest run --project integration tests/integration/checkout-property.test.ts`.
 */
export function propertySeeds(count: number): number[] {
  const n = Number(process.env.PROPERTY_SEEDS ?? count)
  const start = Number(process.env.PROPERTY_SEED_START ?? 1)
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(start)) throw new Error('PROPERTY_SEEDS and PROPERTY_SEED_START must be whole numbers, PROPERTY_SEEDS at least 1')
  return Array.from({ length: n }, (_, i) => start + i)
}
