import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { boundedLabel, metricsAccess, metricsEndpoint, type MetricsAccess } from './metrics';
import { operationNameOf } from './graphql-operation';

async function scrape(access: MetricsAccess, authorization?: string): Promise<{ status: number; body: string }> {
  const app = express();
  app.get('/metrics', metricsEndpoint(access));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, { headers: authorization ? { authorization } : {} });
    return { status: response.status, body: await response.text() };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('GET /metrics', () => {
  const token = 'scraper-token-0123456789';

  it('is open in development', async () => {
    const { status, body } = await scrape({ production: false });
    expect(status).toBe(200);
    expect(body).toContain('# TYPE graphql_requests_total counter');
  });

  it('is refused in production unless a METRICS_TOKEN is set', async () => {
    expect((await scrape({ production: true })).status).toBe(404);
  });

  it('wants the token as a bearer token once one is set, in production or not', async () => {
    for (const production of [true, false]) {
      expect((await scrape({ production, token })).status).toBe(401);
      expect((await scrape({ production, token }, 'Bearer wrong-token-0123456789')).status).toBe(401);
      expect((await scrape({ production, token }, `Bearer ${token}`)).status).toBe(200);
    }
  });

  it('refuses a token too short to be a secret', () => {
    expect(() => metricsAccess({ METRICS_TOKEN: 'short' }, true)).toThrow('METRICS_TOKEN must be at least 16 characters');
    expect(metricsAccess({ METRICS_TOKEN: token }, true)).toEqual({ token, production: true });
  });
});

describe('operationNameOf', () => {
  it('reads the operation name, or the document’s first named operation, else anonymous', () => {
    expect(operationNameOf({ operationName: 'PlaceOrder', query: 'mutation Other { x }' })).toBe('PlaceOrder');
    expect(operationNameOf({ query: '# a comment\n  mutation Checkout($input: CheckoutInput!) { checkout }' })).toBe('Checkout');
    expect(operationNameOf({ query: '{ products { id } }' })).toBe('anonymous');
    expect(operationNameOf({ operationName: 'not a name; drop table' })).toBe('anonymous');
    expect(operationNameOf(undefined)).toBe('anonymous');
  });
});

describe('boundedLabel', () => {
  it('keeps the first values it sees and calls every later new one other', () => {
    const label = boundedLabel(2);
    expect(['PlaceOrder', 'Checkout', 'Invented1', 'PlaceOrder', 'Invented2'].map(label)).toEqual(['PlaceOrder', 'Checkout', 'other', 'PlaceOrder', 'other']);
  });
});
