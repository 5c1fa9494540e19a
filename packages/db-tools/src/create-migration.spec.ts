import { migrationNameProblem, migrationTimestamp } from './create-migration';

describe('migration folder names', () => {
  it("start with Prisma's UTC timestamp", () => {
    expect(migrationTimestamp(new Date('2026-03-04T05:06:07.890Z'))).toBe('20260304050607');
  });

  it.each(['init', 'add_parcel_notes', 'v2_rates'])('accept %s', (name) => {
    expect(migrationNameProblem(name)).toBeNull();
  });

  it.each(['', 'Add Notes', 'add-notes', 'add__notes', '_notes', '../escape'])('refuse %p', (name) => {
    expect(migrationNameProblem(name)).toMatch(/not a usable migration name/);
  });
});
