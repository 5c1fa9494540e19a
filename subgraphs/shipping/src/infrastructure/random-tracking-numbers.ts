import { randomBytes } from 'node:crypto';
import type { TrackingNumbers } from '../domain/shipment.repository';

/** The carrier's name in capitals and 16 random hex digits, e.g. "DHL-4F1C09A27B3E58D0": 64 bits make a clash negligible. */
export class RandomTrackingNumbers implements TrackingNumbers {
  next(carrier: string): string {
    const prefix = carrier.toUpperCase().replace(/[^A-Z0-9]/g, '') || 'PARCEL';
    return `${prefix}-${randomBytes(8).toString('hex').toUpperCase()}`;
  }
}
