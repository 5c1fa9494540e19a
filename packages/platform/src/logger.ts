/** Plain line logs with a prefix, so that several processes in one terminal stay readable. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export function createLogger(name: string): Logger {
  const prefix = `[${name}]`;
  const quiet = () => process.env.LOG_LEVEL === 'silent';
  return {
    info: (message) => {
      if (!quiet()) console.log(`${prefix} ${message}`);
    },
    warn: (message) => {
      if (!quiet()) console.warn(`${prefix} ${message}`);
    },
    error: (message, cause) => {
      if (quiet()) return;
      console.error(`${prefix} ${message}`, cause instanceof Error ? cause.stack ?? cause.message : cause ?? '');
    },
  };
}
