import type { DomainError, Result } from '@storefront/kernel';
import type { UserError } from './errors';

export function toUserError(error: DomainError): UserError {
  return { code: error.code, message: error.message, field: error.field ?? null };
}

/**
 * Shapes a use case's result as a mutation payload: `{ [key]: value, errors: [] }` or `{ [key]: null, errors: [...] }`.
 * The value's type comes from the result and `present` only (NoInfer): a resolver's expected return type
 * must check it, not be guessed into it.
 */
export function toPayload<K extends string, T, V = T>(
  key: K,
  result: Result<T>,
  present: (value: T) => V = (value) => value as unknown as V,
): { [P in K]: NoInfer<V> | null } & { errors: UserError[] } {
  const body = result.ok ? { [key]: present(result.value), errors: [] } : { [key]: null, errors: [toUserError(result.error)] };
  return body as { [P in K]: V | null } & { errors: UserError[] };
}
