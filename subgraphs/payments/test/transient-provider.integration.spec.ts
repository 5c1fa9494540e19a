import { Queue } from 'bullmq';
import { connectRedis, queuePrefix } from '@storefront/messaging';
import { eventually } from '../../../test/support/event-bus';
import { anOrderId, orderPlaced, stockReserved } from './saga-events';
import { outboxOf, paymentOf, providerBooksOf, startHarness } from './payments-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const payments = startedForThisFile(startHarness);

describe('a provider that fails transiently, through the real queue', () => {
  it('is asked again with backoff until it authorizes, and authorizes once', async () => {
    const orderId = anOrderId();
    await payments.consumer.handle(orderPlaced(orderId, { paymentToken: 'tok_processingError' }));
    const reserved = stockReserved(orderId);

    // Published as inventory's relay would: a job on payments' queue, retried with backoff by the worker.
    await payments.server.events.relay!.publish([reserved]);
    const authorized = await eventually(async () => {
      const payment = await paymentOf(payments.db, orderId);
      return payment?.status === 'AUTHORIZED' ? payment : undefined;
    }, 'the authorization after the provider recovered');

    expect(await providerBooksOf(payments.db, authorized.id)).toEqual([
      expect.objectContaining({ kind: 'authorize', outcome: 'AUTHORIZED', failedAttempts: 2, reference: authorized.providerReference }),
    ]);
    expect((await outboxOf(payments.db, orderId)).map((event) => event.type)).toEqual(['payments.payment-authorized.v1']);

    const redis = connectRedis(payments.events.redisUrl, 'worker');
    const queue = new Queue('payments', { connection: redis, prefix: queuePrefix(payments.events, 'payments') });
    try {
      const job = await eventually(async () => {
        const found = await queue.getJob(reserved.id);
        return found && (await found.isCompleted()) ? found : undefined;
      }, 'the job to complete');
      expect(job.attemptsMade).toBe(3);
      expect(job.stacktrace).toHaveLength(2);
      expect(job.opts.backoff).toEqual({ type: 'exponential', delay: payments.events.backoffMs });
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
});
