const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID: ids of another shape name nothing in a uuid column, so skip the query. */
export const isUuid = (value: string): boolean => UUID.test(value);
