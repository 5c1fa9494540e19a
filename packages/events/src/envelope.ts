import { z } from 'zod';

/**
 * The one envelope every integration event travels in. `correlationId` ties together everything
 * that happened because of one command (an order's saga); `causationId` names the event that
 * directly caused this one, null when a command did.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1),
  correlationId: z.uuid(),
  causationId: z.uuid().nullable(),
  payload: z.unknown(),
});

export type EventEnvelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };
