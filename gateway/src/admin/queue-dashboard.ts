import type { RequestHandler, Router } from 'express';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { consumingContexts } from '@storefront/events';
import { openQueueTransport, type EventsConfig } from '@storefront/messaging';
import { identityFromAuthorization, type TokenPolicy } from '../auth/tokens';
import { sendHttpError } from '../errors/http-error';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** A browser cannot add an Authorization header to a page it navigates to: it may send the token in this cookie instead. */
export const ADMIN_TOKEN_COOKIE = 'storefront_admin_token';

const tokenCookie = (cookieHeader: string | undefined): string | undefined =>
  cookieHeader
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === ADMIN_TOKEN_COOKIE)?.[1];

/**
 * Lets only admins through: a valid token (Authorization header, or the admin cookie) whose roles
 * include `admin`. No token is 401, a customer's is 403; the dashboard can retry and remove jobs.
 */
export function adminOnly(secret: string, policy: TokenPolicy): RequestHandler {
  return async (req, res, next) => {
    let roles: readonly string[] | null = null;
    try {
      const fromCookie = tokenCookie(req.headers.cookie);
      const authorization = req.headers.authorization ?? (fromCookie ? `Bearer ${decodeURIComponent(fromCookie)}` : undefined);
      roles = (await identityFromAuthorization(authorization, secret, policy))?.roles ?? null;
    } catch {
      roles = null;
    }
    if (roles === null) {
      sendHttpError(res, 401, 'UNAUTHENTICATED', 'The queue dashboard needs an admin token.');
      return;
    }
    if (!roles.includes('admin')) {
      sendHttpError(res, 403, 'FORBIDDEN', 'The queue dashboard is for admins only.');
      return;
    }
    next();
  };
}

export interface QueueDashboard {
  router: Router;
  close(): Promise<void>;
}

/**
 * Bull Board over every consuming context's event queue: counts by state, failed jobs with their
 * errors, and retry. Mounted at /admin/queues behind `adminOnly`.
 */
export function queueDashboard(events: EventsConfig): QueueDashboard {
  // A publisher's transport fails fast while the queues' store is down (the page says so) and reconnects by itself.
  const transport = openQueueTransport(events, 'publisher');
  const queues = consumingContexts().map((context) => {
    const queue = transport.queue(context);
    queue.on('error', () => undefined);
    return queue;
  });
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    // Bull Board reads a queue through its Redis client: the dashboard is only mounted for the Redis backend (see mountObservability).
    queues: queues.map((queue) => new BullMQAdapter(queue as unknown as Queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Storefront events' } },
  });
  return {
    router: serverAdapter.getRouter() as Router,
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      transport.close();
    },
  };
}
