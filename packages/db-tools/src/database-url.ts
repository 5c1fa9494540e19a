/** The database URL of one bounded context: `<CONTEXT>_DATABASE_URL`, else the local default. */
export function contextDatabaseUrl(context: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = `${context.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`;
  return env[variable] || `postgresql://postgres@127.0.0.1:5432/storefront_${context}`;
}

/** The database a PostgreSQL URL points at. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`The database URL ${redactUrl(url)} names no database`);
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const other = new URL(url);
  other.pathname = `/${encodeURIComponent(database)}`;
  return other.toString();
}

/** A URL fit for messages: the password is never printed. */
export function redactUrl(url: string): string {
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString();
}
