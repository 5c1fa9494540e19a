import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { badUserInput, formatMoney, requireRole, toPayload } from '@storefront/platform';
import { CountryCode } from '../domain/country-code.value-object';
import type { ShippingOption } from '../application/quote-shipping-options/quote-shipping-options.use-case';
import { productsAwaitingMeasurement } from './awaiting-measurement.resolver';
import type { Resolvers } from './generated/resolvers-types';
import { shipmentResolvers } from './shipment.resolvers';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

const toOptionView = (option: ShippingOption) => ({ ...option, expiresAt: option.expiresAt.toISOString() });

export const resolvers: Resolvers = {
  Query: {
    shippingRates: async (_, { country }, ctx) => {
      const rates = await ctx.useCases.listShippingRates.execute(country);
      if (!rates.ok) throw badUserInput(rates.error.message, 'country');
      return rates.value;
    },
    productsAwaitingMeasurement,
  },
  Mutation: {
    setParcelProfile: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      const result = await ctx.useCases.setParcelProfile.execute({ ...input, fragile: input.fragile ?? false });
      return toPayload('shippingProfile', result);
    },
    ...shipmentResolvers.Mutation,
  },
  Order: shipmentResolvers.Order,
  Cart: {
    shippingOptions: async (cart, { country }, ctx) => {
      const lines = cart.lines.map(({ product, quantity }) => ({ productId: product.id, quantity }));
      const options = await ctx.useCases.quoteShippingOptions.execute({ country, lines });
      if (!options.ok) throw badUserInput(options.error.message, 'country');
      return options.value.map(toOptionView);
    },
  },
  Product: {
    // Any id is a product shipping may be asked about; what it knows is loaded per field, batched.
    __resolveReference: (ref) => ({ id: ref.id }),
    shippingProfile: async (product, _, ctx) => (await ctx.parcels.load(product.id)).profile,
    parcelStatus: async (product, _, ctx) => (await ctx.parcels.load(product.id)).status,
    shippingEstimate: async (product, args, ctx) => {
      const country = CountryCode.parse(args.country);
      if (!country.ok) throw badUserInput(country.error.message, 'country');
      const parcel = (await ctx.parcels.load(product.id)).profile;
      if (!parcel) return null;
      const estimate = await ctx.useCases.estimateDelivery.execute(parcel, country.value);
      return estimate;
    },
  },
  SetParcelProfilePayload: {
    parcelStatus: (payload) => (payload.shippingProfile ? 'MEASURED' : null),
  },
  ShippingRate: {
    base: (rate) => ({ amount: rate.baseAmount, currency: rate.currency }),
    perKg: (rate) => ({ amount: rate.perKgAmount, currency: rate.currency }),
    fragileSurcharge: (rate) => ({ amount: rate.fragileSurchargeAmount, currency: rate.currency }),
  },
  Money: {
    formatted: (money) => formatMoney(money.amount, money.currency),
  },
};
