import type { ApolloServer } from '@apollo/server';
import { Supergraph } from '@apollo/federation-internals';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { Logger } from '@storefront/platform';
import type { QueryLimits } from '../edge-settings';
import type { GatewayContext } from '../subgraph-data-source';
import { LiveOrderOperations, refusal, type LiveOrderOperation, type SubscriptionRequest } from './live-order-operation';
import { LiveOrderStream, type RunQuery } from './live-order-stream';
import type { LiveOrderSettings } from './live-order-settings';
import { OrderChangeFeed } from './order-change-feed';
import type { Subscriber } from './subscriber';

/** What the gateway can tell about its open subscriptions (tests and operators count them). */
export interface LiveOrderCounts {
  subscriptions: number;
  /** Listeners on the change feed: one per open subscription, none left behind by a closed one. */
  listeners: number;
}

/**
 * Live order updates, whatever the transport: checks a subscription, holds the subscriber's share
 * of the limits, and gives back the stream of its messages, each run through the gateway's own
 * Apollo Server (query limits, identity, error masking exactly as for a query).
 */
export class LiveOrders {
  readonly schema: GraphQLSchema;
  private readonly operations: LiveOrderOperations;
  private readonly feed: OrderChangeFeed;
  private readonly perCaller = new Map<string, number>();
  private readonly streams = new Set<LiveOrderStream>();

  constructor(
    server: ApolloServer<GatewayContext>,
    supergraphSdl: string,
    limits: QueryLimits,
    readonly settings: LiveOrderSettings,
    log: Logger,
  ) {
    this.schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
    this.operations = new LiveOrderOperations(this.schema, limits);
    this.feed = new OrderChangeFeed(settings.events, log);
    this.run = async (operation, variables, identity) => {
      const response = await server.executeOperation(
        { query: operation.query, variables, ...(operation.operationName ? { operationName: operation.operationName } : {}) },
        { contextValue: { identity } },
      );
      return response.body.kind === 'single' ? response.body.singleResult : refusal('BAD_REQUEST', 'Incremental delivery is not served in subscriptions.');
    };
  }

  private readonly run: RunQuery;

  /** Resolves once the gateway listens to ordering's announcements. */
  get ready(): Promise<void> {
    return this.feed.ready;
  }

  /** The subscription's messages, or why it is refused (one message, then the end). */
  subscribe(request: SubscriptionRequest, subscriber: Subscriber, drop: () => void): LiveOrderStream | FormattedExecutionResult {
    if (subscriber.expiresAt !== null && subscriber.expiresAt <= Date.now()) return refusal('UNAUTHENTICATED', 'The token has expired.');
    const operation = this.operations.prepare(request);
    if ('errors' in operation) return operation;
    if (operation.field === 'myOrderUpdates' && !subscriber.identity) return refusal('UNAUTHENTICATED', 'Sign in to follow your orders.');
    const held = this.perCaller.get(subscriber.key) ?? 0;
    if (held >= this.settings.maxPerCaller) {
      return refusal('TOO_MANY_SUBSCRIPTIONS', `At most ${this.settings.maxPerCaller} open subscriptions per caller.`);
    }
    return this.stream(operation as LiveOrderOperation, subscriber, drop);
  }

  counts(): LiveOrderCounts {
    return { subscriptions: this.streams.size, listeners: this.feed.listenerCount() };
  }

  /** Ends every open subscription (their transports complete them), then stops listening. */
  async close(): Promise<void> {
    await Promise.all([...this.streams].map((stream) => stream.return()));
    await this.feed.close();
  }

  private stream(operation: LiveOrderOperation, subscriber: Subscriber, drop: () => void): LiveOrderStream {
    this.perCaller.set(subscriber.key, (this.perCaller.get(subscriber.key) ?? 0) + 1);
    const stream: LiveOrderStream = new LiveOrderStream({
      operation,
      identity: subscriber.identity,
      expiresAt: subscriber.expiresAt,
      feed: this.feed,
      run: this.run,
      maxPendingChanges: this.settings.maxPendingChanges,
      drop,
      onEnd: () => {
        this.streams.delete(stream);
        const left = (this.perCaller.get(subscriber.key) ?? 1) - 1;
        if (left === 0) this.perCaller.delete(subscriber.key);
        else this.perCaller.set(subscriber.key, left);
      },
    });
    this.streams.add(stream);
    return stream;
  }
}
