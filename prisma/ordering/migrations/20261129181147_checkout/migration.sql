-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('PERCENT_OFF', 'AMOUNT_OFF', 'FREE_SHIPPING');

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'AWAITING_PROMOTIONS';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "awaiting_redemption" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "discount_amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shipping_amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shipping_carrier" TEXT,
ADD COLUMN     "shipping_days" INTEGER,
ADD COLUMN     "subtotal_amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tax_amount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "price_list" ADD COLUMN     "category_id" UUID;

-- CreateTable
CREATE TABLE "order_promotions" (
    "order_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "promotion_id" UUID NOT NULL,
    "code" TEXT,
    "description" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "order_promotions_pkey" PRIMARY KEY ("order_id","position")
);

-- CreateTable
CREATE TABLE "carts" (
    "id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "currency" CHAR(3),
    "coupon" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "carts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cart_lines" (
    "cart_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "cart_lines_pkey" PRIMARY KEY ("cart_id","product_id")
);

-- CreateTable
CREATE TABLE "tax_rates" (
    "country" CHAR(2) NOT NULL,
    "basis_points" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_rates_pkey" PRIMARY KEY ("country")
);

-- CreateTable
CREATE TABLE "promotions" (
    "promotion_id" UUID NOT NULL,
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
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("promotion_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "carts_customer_id_key" ON "carts"("customer_id");

-- CreateIndex
CREATE INDEX "promotions_code_idx" ON "promotions"("code");

-- AddForeignKey
ALTER TABLE "order_promotions" ADD CONSTRAINT "order_promotions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Orders placed before checkout existed charged their lines only (by hand: data, not schema).
UPDATE "orders" SET "subtotal_amount" = "total_amount";

-- AddCheckConstraint (by hand: Prisma's schema language has no CHECK)
ALTER TABLE "orders" ADD CONSTRAINT "orders_charges_check" CHECK (
  "subtotal_amount" >= 0 AND "discount_amount" >= 0 AND "shipping_amount" >= 0 AND "tax_amount" >= 0
  AND "discount_amount" <= "subtotal_amount"
  AND "total_amount" = "subtotal_amount" - "discount_amount" + "shipping_amount" + "tax_amount");
ALTER TABLE "order_promotions" ADD CONSTRAINT "order_promotions_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_quantity_check" CHECK ("quantity" BETWEEN 1 AND 1000);
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_basis_points_check" CHECK ("basis_points" BETWEEN 0 AND 10000);
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_percent_off_check" CHECK ("percent_off" BETWEEN 1 AND 100);
