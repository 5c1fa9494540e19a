-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "released_for_dispatch" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "orders_status_status_since_idx" ON "orders"("status", "status_since");

-- Added by hand: an order already waiting counts its deadline from its last change, not from now.
UPDATE "orders" SET "status_since" = "updated_at";

-- Added by hand: only a confirmed order is released for dispatch, and it stays released once shipped.
ALTER TABLE "orders" ADD CONSTRAINT "orders_released_for_dispatch_check" CHECK (NOT "released_for_dispatch" OR "status" IN ('CONFIRMED', 'SHIPPED', 'DELIVERED'));
