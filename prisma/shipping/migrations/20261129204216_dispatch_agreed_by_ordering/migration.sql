-- AlterEnum
ALTER TYPE "ShipmentStatus" ADD VALUE 'DISPATCH_REQUESTED';

-- AddCheckConstraint (by hand): a shipment waiting for ordering's agreement is labelled (carrier and
-- tracking number) and has not left. Compared as text: a value added to an enum cannot be used in
-- the transaction that adds it.
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_dispatch_request_check" CHECK (
  "status"::text <> 'DISPATCH_REQUESTED' OR ("carrier" IS NOT NULL AND "tracking_number" IS NOT NULL AND "dispatched_at" IS NULL)
);
