import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from './event-bus';

/** One message of a subscription, as the client received it. */
export interface LiveMessage<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A subscription held open by a real client, collecting what it receives. */
export interface LiveSubscription<T = Record<string, any>> {
  readonly messages: LiveMessage<T>[];
  /** How it ended: `complete` (the server completed it), `error` (the server refused it), `closed` (the connection went). */
  readonly ended: Promise<'complete' | 'error' | 'closed'>;
  /** Waits (within a deadline) until the messages satisfy `done`. */
  until(done: (messages: LiveMessage<T>[]) => boolean, what: string, deadlineMs?: number): Promise<LiveMessage<T>[]>;
  close(): Promise<void>;
}

interface Request {
  query: string;
  variables?: Record<string, unknown>;
}

function collecting<T>(): { subscription: Omit<LiveSubscription<T>, 'close'>; end: (how: 'complete' | 'error' | 'closed') => void } {
  const messages: LiveMessage<T>[] = [];
  let end!: (how: 'complete' | 'error' | 'closed') => void;
  const ended = new Promise<'complete' | 'error' | 'closed'>((resolve) => (end = resolve));
  return {
    end,
    subscription: {
      messages,
      ended,
      until: (done, what, deadlineMs = 30_000) => eventually(async () => (done(messages) ? messages : undefined), what, deadlineMs),
    },
  };
}

/** A WebSocket client of the gateway (graphql-ws, as GraphiQL and Apollo Client speak it); the token goes in connectionParams. */
export function webSocketClient(gatewayUrl: string, token?: string): Client {
  return createClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazyCloseTimeout: 0,
  });
}

/** Subscribes over WebSocket; with `client`, on that client's connection (closing the subscription leaves it open). */
export function subscribeOverWebSocket<T = Record<string, any>>(gatewayUrl: string, request: Request, token?: string, client?: Client): LiveSubscription<T> {
  const owned = client ?? webSocketClient(gatewayUrl, token);
  const { subscription, end } = collecting<T>();
  const unsubscribe = owned.subscribe<T>(request, {
    next: (message) => subscription.messages.push(message as LiveMessage<T>),
    error: (error) => {
      if (Array.isArray(error)) {
        subscription.messages.push({ errors: error });
        end('error');
      } else end('closed');
    },
    complete: () => end('complete'),
  });
  return {
    ...subscription,
    async close() {
      unsubscribe();
      if (!client) await owned.dispose();
    },
  };
}

/** Subscribes over Server-Sent Events (graphql-sse's distinct connections mode), as `curl -N` does. */
export function subscribeOverEventStream<T = Record<string, any>>(gatewayUrl: string, request: Request, token?: string): LiveSubscription<T> {
  const { subscription, end } = collecting<T>();
  const abort = new AbortController();
  void (async () => {
    try {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(request),
        signal: abort.signal,
      });
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = response.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += decoder.decode(read.value, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const type = /^event: ?(.*)$/m.exec(event)?.[1];
          const data = /^data: ?(.*)$/m.exec(event)?.[1];
          if (type === 'next' && data) subscription.messages.push(JSON.parse(data) as LiveMessage<T>);
          if (type === 'complete') return end('complete');
        }
      }
      end('closed');
    } catch {
      end('closed');
    }
  })();
  return {
    ...subscription,
    async close() {
      abort.abort();
      await subscription.ended;
    },
  };
}

/** The statuses the messages carried under `field`, in order. */
export const statusesOf = (messages: LiveMessage[], field = 'orderUpdated'): string[] => messages.flatMap((message) => (message.data?.[field] ? [message.data[field].status as string] : []));
