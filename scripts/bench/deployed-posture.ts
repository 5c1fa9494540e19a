import { randomBytes } from 'node:crypto';

/**
 * The read benches run the storefront as it is deployed: NODE_ENV=production (graphql-js without
 * its development checks, Apollo and the gateway in their production posture), which refuses the
 * published development secrets, so the run gets a gateway secret and a shipping quote secret of
 * its own (its JWT secret is already the run's). BENCH_POSTURE=development measures as `pnpm dev`
 * runs instead, the way the figures before 30 November 2026 were taken.
 */
export function asDeployed(env: NodeJS.ProcessEnv): string {
  const posture = process.env.BENCH_POSTURE ?? 'production';
  if (posture !== 'production' && posture !== 'development') throw new Error('BENCH_POSTURE must be "production" or "development"');
  if (posture === 'production') Object.assign(env, { NODE_ENV: 'production', GATEWAY_SHARED_SECRET: randomBytes(24).toString('hex'), SHIPPING_QUOTE_SECRET: randomBytes(24).toString('hex') });
  return posture;
}
