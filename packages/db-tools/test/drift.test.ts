import { diffMigrationsAgainstSchema, listContexts } from '../src';
import { databaseName } from '../src/database-url';
import { databasesNamedLike, uniqueDatabaseUrl } from './support/test-database';

describe.each(listContexts())('the committed migrations of %s', (context) => {
  it('build exactly what schema.prisma describes, CHECK constraints notwithstanding', async () => {
    const serverUrl = uniqueDatabaseUrl(context);

    await expect(diffMigrationsAgainstSchema({ context, databaseUrl: serverUrl })).resolves.toBe('');

    await expect(databasesNamedLike(serverUrl, databaseName(serverUrl))).resolves.toEqual([]);
  });
});
