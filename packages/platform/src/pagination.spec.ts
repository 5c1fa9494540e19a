import { encodeCursor, instantCursors } from './pagination';

const id = '8c1b6a52-3f0e-4c35-9b4e-0a4e7d1f2c11';
const at = new Date('2026-11-21T10:00:00.000Z');

describe('instantCursors', () => {
  const cursors = instantCursors('orders.test');

  it('reads back the place it wrote', () => expect(cursors.decode(cursors.encode({ at, id }))).toEqual({ at, id }));
  it('reads no cursor as the start of the list', () => expect(cursors.decode(null)).toBeNull());

  it.each([
    ['another list', instantCursors('other.list').encode({ at, id })],
    ['an id of another shape', encodeCursor('orders.test', `${at.toISOString()}|not-a-uuid`)],
    ['no instant', encodeCursor('orders.test', `|${id}`)],
    ['an instant that is no date', encodeCursor('orders.test', `2026-13-45T99:00:00.000Z|${id}`)],
    ['no separator', encodeCursor('orders.test', at.toISOString())],
    ['text that is no cursor', 'not a cursor!'],
  ])('refuses a cursor of %s, naming the argument', (_, cursor) =>
    expect(() => cursors.decode(cursor)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } })));

  it('takes the ids the list says are valid', () => {
    const products = instantCursors('products.test', (productId) => productId.length > 0 && productId.length <= 128);
    expect(products.decode(products.encode({ at, id: 'SKU|42' }))).toEqual({ at, id: 'SKU|42' });
  });
});
