-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('PERCENT_OFF', 'AMOUNT_OFF', 'FREE_SHIPPING');

-- CreateEnum
CREATE TYPE "OrderRedemptionStatus" AS ENUM ('REDEEMED', 'REFUSED', 'GIVEN_BACK', 'CLOSED');

-- CreateEnum
CREATE TYPE "RefusalReason" AS ENUM ('USAGE_LIMIT_REACHED', 'CUSTOMER_LIMIT_REACHED', 'UNKNOWN_PROMOTION');

-- CreateTable
CREATE TABLE "promotions" (
    "id" UUID NOT NULL,
    "code" TEXT,
    "description" TEXT NOT NULL,
    "kind" "PromotionKind" NOT NULL,
    "percent_off" INTEGER,
    "amount_off_amount" INTEGER,
    "amount_off_currency" CHAR(3),
    "product_ids" UUID[],
    "category_ids" UUID[],
    "minimum_subtotal_amount" INTEGER,
    "minimum_subtotal_currency" CHAR(3),
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "usage_limit" INTEGER,
    "per_customer_limit" INTEGER,
    "ended_at" TIMESTAMPTZ(3),
    "redemption_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_redemptions" (
    "order_id" UUID NOT NULL,
    "customer_id" TEXT,
    "status" "OrderRedemptionStatus" NOT NULL,
    "refused_promotion_id" UUID,
    "refused_code" TEXT,
    "refusal_reason" "RefusalReason",
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_redemptions_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "redemptions" (
    "order_id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "held" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "redemptions_pkey" PRIMARY KEY ("order_id","promotion_id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "position" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "correlation_id" UUID NOT NULL,
    "causation_id" UUID,
    "payload" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "inbox" (
    "event_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "handled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "promotions_code_idx" ON "promotions"("code");

-- CreateIndex
CREATE INDEX "promotions_created_at_id_idx" ON "promotions"("created_at", "id");

-- CreateIndex
CREATE INDEX "redemptions_promotion_id_customer_id_idx" ON "redemptions"("promotion_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "outbox"("id");

-- CreateIndex
CREATE INDEX "outbox_published_at_position_idx" ON "outbox"("published_at", "position");

-- AddForeignKey
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order_redemptions"("order_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddCheckConstraint (by hand: Prisma's schema language has no CHECK). However the code behaves,
-- no promotion is held by more orders than its usage limit allows, nor by fewer than none.
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_redemption_count_check"
  CHECK ("redemption_count" >= 0 AND ("usage_limit" IS NULL OR "redemption_count" <= "usage_limit"));
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_terms_check"
  CHECK (("percent_off" IS NULL OR "percent_off" BETWEEN 1 AND 100)
     AND ("amount_off_amount" IS NULL OR "amount_off_amount" > 0)
     AND ("minimum_subtotal_amount" IS NULL OR "minimum_subtotal_amount" >= 0)
     AND ("ends_at" IS NULL OR "ends_at" > "starts_at")
     AND ("usage_limit" IS NULL OR "usage_limit" > 0)
     AND ("per_customer_limit" IS NULL OR "per_customer_limit" > 0));

-- Added by hand: wake the relay as soon as outbox rows commit (NOTIFY is delivered at commit).
CREATE FUNCTION "notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "outbox_inserted" AFTER INSERT ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION "notify_outbox"();
