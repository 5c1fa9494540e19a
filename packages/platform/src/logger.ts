import pino from 'pino';
import { activeTraceIds } from './telemetry/spans';

/** What a log line may carry besides its message: the event it is about, the order, a count. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/**
 * The service's log. Lines are human-readable with a prefix by default (several processes share
 * one terminal under `pnpm dev`); LOG_FORMAT=json writes one JSON object per line for a log
 * pipeline, with the service, level, trace and span ids, and the fields given. LOG_LEVEL filters
 * (silent, error, warn, info, debug).
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, cause?: unknown, fields?: LogFields): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const SEVERITY: Record<Level | 'silent', number> = { debug: 20, info: 30, warn: 40, error: 50, silent: 100 };

const threshold = (): number => SEVERITY[(process.env.LOG_LEVEL ?? 'info') as Level] ?? SEVERITY.info;

/**
 * Credentials never reach a log line, whatever a message quotes: bearer tokens, JWTs, payment tokens
 * and the gateway's subgraph request signatures are masked before the line is written.
 */
const SECRETS: readonly [RegExp, string][] = [
  [/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]'],
  [/("hmac-signature"\s*:\s*")[^"]*/g, '$1[redacted]'],
  [/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, '[redacted token]'],
  [/\btok_[A-Za-z0-9_]+/g, '[redacted payment token]'],
];
export function redactSecrets(text: string): string {
  let clean = text;
  for (const [pattern, replacement] of SECRETS) clean = clean.replace(pattern, replacement);
  return clean;
}

const cleanFields = (fields: LogFields | undefined): LogFields | undefined => {
  if (!fields) return undefined;
  const clean: LogFields = {};
  for (const [key, value] of Object.entries(fields)) clean[key] = typeof value === 'string' ? redactSecrets(value) : value;
  return clean;
};

let json: pino.Logger | null = null;
/** One pino instance per process, writing synchronously so that the lines before an exit are not lost. */
function jsonRoot(): pino.Logger {
  json ??= pino(
    {
      level: 'debug',
      base: { pid: process.pid },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const ids = activeTraceIds();
        return ids ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
      },
    },
    pino.destination({ dest: 1, sync: true }),
  );
  return json;
}

const describeCause = (cause: unknown): string | undefined =>
  cause === undefined || cause === null ? undefined : redactSecrets(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));

export function createLogger(name: string): Logger {
  const prefix = `[${name}]`;
  // `inventory:events` is the inventory service's event worker: the service and its component.
  const [service, component] = name.split(':', 2) as [string, string | undefined];
  const write = (level: Level, message: string, fields?: LogFields, cause?: unknown) => {
    if (SEVERITY[level] < threshold()) return;
    const text = redactSecrets(message);
    const extra = cleanFields(fields);
    if (process.env.LOG_FORMAT === 'json') {
      const error = describeCause(cause);
      jsonRoot()[level]({ service, ...(component ? { component } : {}), ...extra, ...(error ? { err: error } : {}) }, text);
      return;
    }
    // The readable line shows only the fields its message does not already say.
    const shown = Object.entries(extra ?? {}).filter(([, value]) => value !== undefined && !text.includes(String(value)));
    const suffix = shown.map(([key, value]) => ` ${key}=${value}`).join('');
    const line = `${prefix} ${text}${suffix}`;
    if (level === 'error') console.error(line, describeCause(cause) ?? '');
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, cause, fields) => write('error', message, fields, cause),
  };
}
