-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ORDER_RECEIVED', 'ORDER_CONFIRMED', 'ORDER_REJECTED', 'ORDER_CANCELLED', 'ORDER_SHIPPED', 'ORDER_DELIVERED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'ACCOUNT');

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "order_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "message" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "address" TEXT,
    "caused_by" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recipients" (
    "order_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "learned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recipients_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "inbox" (
    "event_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "handled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_caused_by_key" ON "notifications"("caused_by");

-- CreateIndex
CREATE INDEX "notifications_customer_id_occurred_at_id_idx" ON "notifications"("customer_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_order_id_kind_key" ON "notifications"("order_id", "kind");

-- AddCheckConstraint (by hand: Prisma's schema language has no CHECK)
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_address_check" CHECK (("channel" = 'EMAIL') = ("address" IS NOT NULL));
