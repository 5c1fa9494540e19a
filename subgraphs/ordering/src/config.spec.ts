import { loadConfig } from './config';

describe("ordering's deadline settings", () => {
  it('default to 15, 30 and 15 minutes, looked for every 5 seconds', () => {
    const config = loadConfig({});
    expect(config.sagaDeadlines).toEqual({ PLACED: 900_000, AWAITING_PAYMENT: 1_800_000, AWAITING_PROMOTIONS: 900_000 });
    expect(config.deadlineSweepMs).toBe(5_000);
  });

  it('take seconds, fractions too', () => {
    const config = loadConfig({ ORDER_DEADLINE_AWAITING_PAYMENT_SECONDS: '2.5', ORDER_DEADLINE_SWEEP_SECONDS: '0.1' });
    expect(config.sagaDeadlines.AWAITING_PAYMENT).toBe(2_500);
    expect(config.deadlineSweepMs).toBe(100);
  });

  it.each(['0', '-3', 'soon'])('refuse %p, naming the setting', (raw) => {
    expect(() => loadConfig({ ORDER_DEADLINE_PLACED_SECONDS: raw })).toThrow(`ORDER_DEADLINE_PLACED_SECONDS must be a positive number of seconds, got "${raw}"`);
  });
});
