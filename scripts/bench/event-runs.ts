import { serverCpuMs } from './service-cpu';
import { distribution, type Distribution } from './stats';
import { wallClock, type Delivery, type EventPipeline } from './event-pipeline';

export interface BurstResult {
  events: number;
  committers: number;
  /** First commit to last effect. */
  endToEndSeconds: number;
  /** First commit started to last commit done: how fast catalog alone took them. */
  commitSeconds: number;
  /** First effect to last effect: how fast inventory alone worked through them. */
  effectSeconds: number;
  latency: Distribution;
  /** CPU time per event: catalog, its relay, inventory and its consumer together (node); PostgreSQL and Redis server-wide. */
  cpuMsPerEvent: { node: number; postgres: number; redis: number };
}

export interface PacedResult {
  events: number;
  ratePerSecond: number;
  latency: Distribution;
  /** How far behind schedule the slowest commit started (a check that the load was really steady). */
  worstLagMs: number;
}

async function deliveries(pipeline: EventPipeline, commits: readonly { productId: string; committedAt: number }[], timeoutMs: number): Promise<Delivery[]> {
  const effects = await pipeline.effects(commits.map((commit) => commit.productId), timeoutMs);
  return commits.map((commit) => ({ ...commit, effectAt: effects.get(commit.productId)! }));
}

/** Commits `events` products as fast as `committers` concurrent callers can, then waits for all their effects. */
export async function burst(pipeline: EventPipeline, events: number, committers: number): Promise<BurstResult> {
  const commits: { productId: string; committedAt: number }[] = [];
  const started = wallClock();
  const cpuBefore = { node: pipeline.cpuMs(), ...serverCpuMs() };
  let next = 0;
  await Promise.all(
    Array.from({ length: committers }, async () => {
      while (next < events) {
        next += 1;
        commits.push(await pipeline.createProduct());
      }
    }),
  );
  const committed = wallClock();
  const done = await deliveries(pipeline, commits, 120_000);
  const cpuAfter = { node: pipeline.cpuMs(), ...serverCpuMs() };
  const firstCommit = Math.min(...done.map((d) => d.committedAt));
  const firstEffect = Math.min(...done.map((d) => d.effectAt));
  const lastEffect = Math.max(...done.map((d) => d.effectAt));
  return {
    events,
    committers,
    endToEndSeconds: (lastEffect - firstCommit) / 1000,
    commitSeconds: (committed - started) / 1000,
    effectSeconds: (lastEffect - firstEffect) / 1000,
    latency: distribution(done.map((d) => d.effectAt - d.committedAt)),
    cpuMsPerEvent: {
      node: (cpuAfter.node - cpuBefore.node) / events,
      postgres: (cpuAfter.postgres - cpuBefore.postgres) / events,
      redis: (cpuAfter.redis - cpuBefore.redis) / events,
    },
  };
}

/** Commits one product every 1/rate seconds on a fixed schedule (open loop: a slow commit delays no other), then measures each one's latency. */
export async function paced(pipeline: EventPipeline, events: number, ratePerSecond: number): Promise<PacedResult> {
  const interval = 1000 / ratePerSecond;
  const start = wallClock() + 50;
  const pending: Promise<{ productId: string; committedAt: number }>[] = [];
  let worstLagMs = 0;
  for (let i = 0; i < events; i += 1) {
    const due = start + i * interval;
    const wait = due - wallClock();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    worstLagMs = Math.max(worstLagMs, wallClock() - due);
    const commit = pipeline.createProduct();
    // Awaited all together below; until then a failure must not count as unhandled.
    commit.catch(() => undefined);
    pending.push(commit);
  }
  const done = await deliveries(pipeline, await Promise.all(pending), 60_000);
  return { events, ratePerSecond, latency: distribution(done.map((d) => d.effectAt - d.committedAt)), worstLagMs };
}

/** A few products first, so connection pools, prepared plans and the JIT are warm when timing starts. */
export async function warmUp(pipeline: EventPipeline, events: number): Promise<void> {
  const commits = [];
  for (let i = 0; i < events; i += 1) commits.push(await pipeline.createProduct());
  await deliveries(pipeline, commits, 30_000);
}
