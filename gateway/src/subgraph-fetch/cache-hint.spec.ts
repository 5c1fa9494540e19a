import { cacheHintOf } from './cache-hint';

describe('cacheHintOf (a subgraph answer Cache-Control, as the response cache policy takes it)', () => {
  it('reads max-age and scope as Apollo Server writes them', () => {
    expect(cacheHintOf('max-age=60, public')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
    expect(cacheHintOf('max-age=5, private')).toEqual({ maxAge: 5, scope: 'PRIVATE' });
  });

  it('allows no caching when the answer says no-store, has no header, or an unreadable max-age', () => {
    expect(cacheHintOf('no-store')).toEqual({ maxAge: 0 });
    expect(cacheHintOf(undefined)).toEqual({ maxAge: 0 });
    expect(cacheHintOf('max-age=soon, public')).toEqual({ maxAge: 0, scope: 'PUBLIC' });
  });
});
