import { createLogger, redactSecrets } from './logger';

describe('redactSecrets', () => {
  it("masks a subgraph request's gateway signature when a message quotes the request", () => {
    expect(redactSecrets('sent {"query":"{a}","extensions":{"hmac-signature":"k3Jx+/Q=="}}')).toBe('sent {"query":"{a}","extensions":{"hmac-signature":"[redacted]"}}');
  });

  it('masks bearer tokens, JWTs and payment tokens wherever a message quotes them', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(redactSecrets(`refused Authorization: Bearer ${jwt}`)).toBe('refused Authorization: Bearer [redacted]');
    expect(redactSecrets(`token ${jwt} expired`)).toBe('token [redacted token] expired');
    expect(redactSecrets('declined tok_chargeDeclined for order 7')).toBe('declined [redacted payment token] for order 7');
  });

  it('leaves ordinary words alone', () => {
    expect(redactSecrets('card_declined: the stock of eu-central is 0')).toBe('card_declined: the stock of eu-central is 0');
  });
});

describe('createLogger, readable lines', () => {
  const previous = { format: process.env.LOG_FORMAT, level: process.env.LOG_LEVEL };
  afterEach(() => {
    process.env.LOG_FORMAT = previous.format;
    process.env.LOG_LEVEL = previous.level;
    jest.restoreAllMocks();
  });

  it('prefixes the service, adds the fields the message does not say, and redacts', () => {
    delete process.env.LOG_FORMAT;
    process.env.LOG_LEVEL = 'info';
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    createLogger('payments').info('authorizing e-1 with tok_visa', { event_id: 'e-1', event_type: 'ordering.order-placed.v2' });
    createLogger('payments').info('authorizing', { token: 'tok_visa' });
    expect(log).toHaveBeenNthCalledWith(1, '[payments] authorizing e-1 with [redacted payment token] event_type=ordering.order-placed.v2');
    expect(log).toHaveBeenNthCalledWith(2, '[payments] authorizing token=[redacted payment token]');
  });

  it('filters by LOG_LEVEL', () => {
    delete process.env.LOG_FORMAT;
    process.env.LOG_LEVEL = 'warn';
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logger = createLogger('ordering');
    logger.debug('noise');
    logger.info('news');
    logger.warn('trouble');
    expect(log).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('[ordering] trouble');
  });
});
