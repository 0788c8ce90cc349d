// Request bodies are JSON from anyone on the network: before parsing, their nesting depth is
// measured by a flat scan of the text (no recursion, one pass), and a body nested deeper than any
// request of this API is refused. Nothing deeply nested then reaches JSON.parse, a schema, a
// recursive comparison or a worker's postMessage (whose structured clone recurses and once took
// the process down with a 10 KB body).
import type { FastifyInstance } from 'fastify';

/** Deeper than any request of this API: a submission is {attempt: {events: [{weights: [...]}]}}. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (strings skipped), or -1 past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return -1;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export class JsonTooDeepError extends Error {
  readonly statusCode = 400;
  readonly code = 'too-deep';
  constructor() {
    super(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}

/**
 * Replaces the app's JSON parser with one that measures the depth first and then parses as
 * Fastify does (refusing __proto__ and constructor.prototype keys). The body size is bounded by
 * Fastify's bodyLimit before this runs.
 */
export function installJsonGuard(app: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text, maxDepth) < 0) {
      done(new JsonTooDeepError(), undefined);
      return;
    }
    parse(req, text, done);
  });
}
