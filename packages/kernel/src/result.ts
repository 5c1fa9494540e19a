/** An expected failure of the domain, named by a stable code and, when it is about input, a field. */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export type Result<T, E extends DomainError = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
