import { maySee } from './visibility';

describe("who may see a customer's notifications", () => {
  it('the customer themself', () => expect(maySee({ subject: 'customer-1', roles: [] }, 'customer-1')).toBe(true));
  it('an admin', () => expect(maySee({ subject: 'admin-1', roles: ['admin'] }, 'customer-1')).toBe(true));
  it('not another customer', () => expect(maySee({ subject: 'customer-2', roles: ['customer'] }, 'customer-1')).toBe(false));
  it('not an anonymous caller', () => expect(maySee(null, 'customer-1')).toBe(false));
});
