import IORedis, { Cluster, type ClusterNode, type Redis, type RedisOptions } from 'ioredis';

/** A connection to one Redis, or to a Redis Cluster: the same commands, routed by key slot in a cluster. */
export type RedisClient = Redis | Cluster;

/**
 * The nodes a `REDIS_URL` names. One URL is one Redis. Several URLs separated by commas are seed
 * nodes of a Redis Cluster (list at least two masters; the client discovers the rest), for example
 * `redis://10.0.0.1:6379,redis://10.0.0.2:6379,redis://10.0.0.3:6379`.
 */
export function redisNodes(url: string): { cluster: boolean; nodes: string[] } {
  const nodes = url.split(',').map((node) => node.trim()).filter((node) => node !== '');
  if (nodes.length === 0) throw new Error('REDIS_URL is empty');
  for (const node of nodes) {
    let parsed: URL;
    try {
      parsed = new URL(node);
    } catch {
      throw new Error(`REDIS_URL names "${node}", which is not a redis:// URL`);
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`REDIS_URL names "${node}", which is not a redis:// or rediss:// URL`);
  }
  return { cluster: nodes.length > 1, nodes };
}

/**
 * Opens a connection for `url` (see `redisNodes`) with `options`. In a cluster the options apply
 * to every node's connection, and the cluster's own client also waits while a node is failing over.
 */
export function connectRedisClient(url: string, options: RedisOptions = {}): RedisClient {
  const { cluster, nodes } = redisNodes(url);
  if (!cluster) return new IORedis(nodes[0]!, options);
  const seeds: ClusterNode[] = nodes.map((node) => {
    const parsed = new URL(node);
    return { host: parsed.hostname, port: Number(parsed.port || 6379) };
  });
  const first = new URL(nodes[0]!);
  return new Cluster(seeds, {
    // Commands queue while the cluster's slot map is loading (and, for workers, while it is down).
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    maxRedirections: 16,
    clusterRetryStrategy: options.retryStrategy ? (times) => options.retryStrategy!(times) : undefined,
    redisOptions: {
      ...options,
      username: first.username || undefined,
      password: first.password ? decodeURIComponent(first.password) : undefined,
      tls: first.protocol === 'rediss:' ? {} : undefined,
    },
  });
}
