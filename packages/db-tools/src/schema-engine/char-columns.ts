import { ColumnTypeEnum, type SqlResultSet } from '@prisma/driver-adapter-utils';
import type { Pool } from 'pg';

/**
 * PostgreSQL's internal one-byte `"char"` type is all over pg_catalog (relkind, contype...), and
 * adapter-pg has no column type for it: every engine command that reads the catalog fails with
 * "Column type 'char' could not be deserialized". Relabelling those columns as text is not enough:
 * the engine reads some of them as a char (it panics describing a table with a CHECK constraint).
 * So the pg side labels them text, which adapter-pg accepts, and tags their names; the adapter
 * side gives them back their name and the Character column type the native engine would see.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
/** PostgreSQL identifiers cannot hold NUL, so no real column name ends like this. */
const CHAR_TAG = '\u0000"char"';

interface RowDescription {
  fields: Array<{ name: string; dataTypeID: number }>;
}

/** pg side: label `"char"` columns as tagged text, on this pool's connections only. */
export function tagCharColumnsAsText(pool: Pool): Pool {
  pool.on('connect', (client) => {
    // Prepended so the fields change before pg builds the result from them.
    client.connection.prependListener('rowDescription', (message: RowDescription) => {
      message.fields.forEach((field, index) => {
        if (field.dataTypeID !== CHAR_OID) return;
        message.fields[index] = { ...field, name: field.name + CHAR_TAG, dataTypeID: TEXT_OID };
      });
    });
  });
  return pool;
}

/** Adapter side: tagged columns get their own name back, typed as Character. */
export function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, index) => {
    if (!name.endsWith(CHAR_TAG)) return;
    result.columnNames[index] = name.slice(0, -CHAR_TAG.length);
    result.columnTypes[index] = ColumnTypeEnum.Character;
  });
  return result;
}
