-- CreateTable
CREATE TABLE "parcel_profiles" (
    "product_id" TEXT NOT NULL,
    "weight_grams" INTEGER NOT NULL,
    "length_mm" INTEGER NOT NULL,
    "width_mm" INTEGER NOT NULL,
    "height_mm" INTEGER NOT NULL,
    "fragile" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "parcel_profiles_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "shipping_rates" (
    "id" UUID NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "carrier" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "base_amount" INTEGER NOT NULL,
    "per_kg_amount" INTEGER NOT NULL,
    "fragile_surcharge_amount" INTEGER NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "shipping_rates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shipping_rates_country_carrier_key" ON "shipping_rates"("country", "carrier");

-- AddCheckConstraint (by hand: Prisma's schema language has no CHECK)
ALTER TABLE "shipping_rates" ADD CONSTRAINT "shipping_rates_amounts_check" CHECK ("base_amount" >= 0 AND "per_kg_amount" >= 0 AND "fragile_surcharge_amount" >= 0 AND "days" >= 0);
