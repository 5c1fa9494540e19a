import { PaymentProviderUnavailableError } from '../../domain/payment-provider';
import { TestPaymentProvider } from './test-payment-provider';
import type { TestProviderBooks } from './test-provider-books';

/** Books that count the calls that reach them and answer every one as authorized. */
function countingBooks() {
  const calls: string[] = [];
  const books = {
    operate: async (key: string, kind: string) => {
      calls.push(`${kind} ${key}`);
      return { idempotencyKey: key, kind, outcome: 'AUTHORIZED', reference: 'auth_1', declineCode: null };
    },
  };
  return { books: books as unknown as TestProviderBooks, calls };
}

describe('the test payment provider during an outage', () => {
  const euros = { amount: 1999, currency: 'EUR' };

  it('fails every call as unreachable (ask again later) and records nothing while it is down', async () => {
    const { books, calls } = countingBooks();
    const provider = new TestPaymentProvider(books, () => true);
    await expect(provider.authorize('tok_visa', euros, 'key-1')).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    await expect(provider.capture('auth_1', euros, 'key-2')).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    await expect(provider.void('auth_1', 'key-3')).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    await expect(provider.refund('auth_1', euros, 'key-4')).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    expect(calls).toEqual([]);
  });

  it('answers again once it is back', async () => {
    const { books, calls } = countingBooks();
    let down = true;
    const provider = new TestPaymentProvider(books, () => down);
    await expect(provider.authorize('tok_visa', euros, 'key-1')).rejects.toBeInstanceOf(PaymentProviderUnavailableError);
    down = false;
    await expect(provider.authorize('tok_visa', euros, 'key-1')).resolves.toEqual({ outcome: 'AUTHORIZED', reference: 'auth_1' });
    expect(calls).toEqual(['authorize key-1']);
  });
});
