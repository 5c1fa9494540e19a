import { z } from 'zod';

/**
 * The one envelope every integration event travels in. `correlationId` ties together everything
 * that happened because of one command (an order's saga); `causationId` names the event that
 * directly caused this one, null when a command did. `traceparent` (W3C Trace Context) names the
 * span that published the event, so that its handling continues the same trace; absent when the
 * publisher was not tracing.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1),
  correlationId: z.uuid(),
  causationId: z.uuid().nullable(),
  payload: z.unknown(),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional(),
});

export type EventEnvelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };
