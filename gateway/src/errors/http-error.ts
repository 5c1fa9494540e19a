import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '@storefront/platform';
import { MASKED_MESSAGE } from './gateway-error-format';

/** Answers outside GraphQL execution (body, media type, rate) in the same shape as GraphQL errors. */
export function sendHttpError(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

const CLIENT_ERRORS: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', 'The request could not be read.'],
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Send GraphQL requests as application/json in UTF-8.'],
};

/**
 * What body parsing and routing refuse (malformed JSON, a body over the limit, an unknown
 * encoding or charset, a malformed URL) is the client's mistake: a 4xx in GraphQL's error shape,
 * never Express's HTML page with a stack trace. Anything else is ours: logged, answered as a 500.
 */
export function httpErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: HttpError, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = CLIENT_ERRORS[status] ?? ['BAD_REQUEST', 'The request could not be read.'];
      sendHttpError(res, status, code, error.type === 'entity.parse.failed' ? 'The body is not valid JSON.' : message);
      return;
    }
    log.error('unexpected error handling a request', error);
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', MASKED_MESSAGE);
  };
}
