import { committedEventContracts, renderEventContracts } from './event-contracts-file';

describe('packages/events/event-contracts.json', () => {
  it('is what the contracts and the consumers declare (run `pnpm events:contracts` after changing either)', () => {
    expect(committedEventContracts()).toBe(renderEventContracts());
  });
});
