import { mayActFor, requireRole } from './authorization';

const customer = (subject: string) => ({ subject, roles: ['customer'] });
const admin = { subject: 'admin-1', roles: ['admin'] };

describe('who may see or act on what belongs to a customer', () => {
  it('the customer themself', () => expect(mayActFor({ subject: 'customer-1', roles: [] }, 'customer-1')).toBe(true));
  it('an admin', () => expect(mayActFor(admin, 'customer-1')).toBe(true));
  it('not another customer', () => expect(mayActFor(customer('customer-2'), 'customer-1')).toBe(false));
  it('not an anonymous caller', () => expect(mayActFor(null, 'customer-1')).toBe(false));
});

describe('requireRole', () => {
  it('hands back the identity that has the role', () => expect(requireRole(admin, 'admin')).toBe(admin));
  it('refuses an anonymous caller as unauthenticated', () =>
    expect(() => requireRole(null, 'admin')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })));
  it('refuses a caller without the role as forbidden', () =>
    expect(() => requireRole(customer('customer-1'), 'admin')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })));
});
