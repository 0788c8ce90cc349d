// Loading a chapter's level file: parse with its zod schema and, on failure, throw one error
// whose message names the file, each bad field (as a dotted path) and what is wrong with it.
import type { z } from 'zod';

export class LevelFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Level file ${file} is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LevelFileError';
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validates `data` (already parsed JSON) against `schema`; throws LevelFileError on failure. */
export function parseLevelFile<S extends z.ZodType>(file: string, schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = `field '${formatPath(issue.path)}'`;
    const got = issue.code === 'invalid_type' ? ` (found ${describeValue(valueAt(data, issue.path))})` : '';
    return `${where}: ${issue.message}${got}`;
  });
  throw new LevelFileError(file, problems);
}

/** Parses JSON text first, so that a syntax error is reported with the file name too. */
export function parseLevelText<S extends z.ZodType>(file: string, schema: S, text: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new LevelFileError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseLevelFile(file, schema, data);
}
