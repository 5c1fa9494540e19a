import type { RequestHandler } from 'express';
import { parse, print } from 'graphql';
import { createLogger } from '@storefront/platform';
import { sendHttpError } from '../errors/http-error';
import { loadTrustedDocuments } from './trusted-document-registry';

const log = createLogger('gateway');

/** Parsing an unknown document only to compare it is bounded like any other parse. */
const MAX_TOKENS_TO_COMPARE = 2000;

function printed(query: string): string | undefined {
  try {
    return print(parse(query, { maxTokens: MAX_TOKENS_TO_COMPARE, noLocation: true }));
  } catch {
    return undefined;
  }
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * Trusted documents: only the operations registered in `clients/` run. A client sends either the
 * document (compared after printing, so whitespace and commas do not matter) or only its hash, as
 * `documentId` or as Apollo's `extensions.persistedQuery.sha256Hash`; the gateway then runs the
 * registered text. Anything else is refused before GraphQL sees it.
 */
export function trustedDocuments(directory: string): { middleware: RequestHandler } {
  const registry = loadTrustedDocuments(directory);
  log.info(`trusted documents: ${registry.byHash.size} operations from ${directory}`);

  const middleware: RequestHandler = (req, res, next) => {
    const refuse = () => sendHttpError(res, 400, 'OPERATION_NOT_TRUSTED', 'Only the storefront\'s registered operations run here.');
    if (req.method === 'GET') {
      const query = new URLSearchParams(req.url.split('?')[1] ?? '').get('query');
      if (query !== null && !registry.documents.has(printed(query) ?? '')) return refuse();
      return next();
    }
    const body = req.body as GraphQLBody | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return next();
    const hash = body.documentId ?? body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string') {
      const document = registry.byHash.get(hash.replace(/^sha256:/, ''));
      if (!document) return sendHttpError(res, 400, 'PERSISTED_QUERY_NOT_FOUND', 'No registered operation has this hash.');
      if (typeof body.query === 'string' && printed(body.query) !== document) return refuse();
      body.query = document;
      delete body.documentId;
      if (body.extensions) delete body.extensions.persistedQuery;
      return next();
    }
    if (typeof body.query === 'string' && !registry.documents.has(printed(body.query) ?? '')) return refuse();
    return next();
  };
  return { middleware };
}
