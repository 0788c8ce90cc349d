// Sharing attempts: as a file (readable JSON) and as a link (the attempt compressed into the
// link's hash). Nothing read here is trusted: a shared attempt is size-checked, decompressed with
// a limit, checked against the save's attempt schema and then replayed (see readShared), and it
// reaches the save only when the player chooses to add it. A teacher's preset is the same kind
// of link holding a chapter, a seed and the first input events: the class starts from there.
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import * as z from 'zod/mini';
import { attemptSchema, type Attempt } from './saveSchema';
import { firstIssue } from './saveStore';
import { chapterNumberSchema } from '../attempts/attempt';
import { verifyAttempt } from '../attempts/verifyAttempt';

/** The version of the link and file formats; a newer one is refused with a clear reason. */
export const SHARE_FORMAT = 1;
/** The longest link hash read (characters); chapter 6 attempts with drawings are the longest. */
export const MAX_LINK_CHARS = 400_000;
/** The largest file or decompressed link read (bytes). */
export const MAX_SHARED_BYTES = 4_000_000;

export const REPLAY_HASH = 'replay=';
export const PRESET_HASH = 'preset=';

/** Why a shared attempt was refused: a text key in `share.error.*`, with details for the console. */
export type ShareErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'damaged'
  | 'notJson'
  | 'notAttempt'
  | 'newerFormat'
  | 'unknownChapter'
  | 'otherLevel'
  | 'notVerified';

export interface ShareError {
  code: ShareErrorCode;
  /** Technical detail (English), for the console and the test API; the player sees the code's text. */
  detail: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: ShareError };

const fail = (code: ShareErrorCode, detail: string): { ok: false; error: ShareError } => ({
  ok: false,
  error: { code, detail },
});

// --- base64url, without padding (safe in a URL hash) -------------------------------------------

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(padded);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Inflates with a ceiling, so a small link cannot expand into a huge one; null when damaged. */
function inflateLimited(data: Uint8Array, limit: number): Uint8Array | 'tooLarge' | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) over = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !over; i += 16_384) {
      inflater.push(data.subarray(i, i + 16_384), i + 16_384 >= data.length);
    }
  } catch {
    return over ? 'tooLarge' : null;
  }
  if (over) return 'tooLarge';
  if (!ended) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// --- the shared shapes ---------------------------------------------------------------------------

const envelopeSchema = z.object({
  blackBoxDog: z.enum(['attempt', 'preset']),
  format: z.int().check(z.positive()),
  attempt: z.optional(z.unknown()),
  preset: z.optional(z.unknown()),
});

/** A teacher's starting point: a chapter, a seed and the input events already made. */
export const presetSchema = z.object({
  chapter: chapterNumberSchema,
  levelVersion: z.int().check(z.positive()),
  seed: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
  events: z.array(z.looseObject({ type: z.string().check(z.minLength(1)) })).check(z.maxLength(20000)),
});
export type Preset = z.output<typeof presetSchema>;

type Kind = 'attempt' | 'preset';

function envelope(kind: Kind, value: Attempt | Preset): string {
  return JSON.stringify({ blackBoxDog: kind, format: SHARE_FORMAT, [kind]: value });
}

function readEnvelope<K extends Kind>(kind: K, text: string): Decoded<K extends 'attempt' ? Attempt : Preset> {
  if (text.trim() === '') return fail('empty', 'nothing to read');
  if (text.length > MAX_SHARED_BYTES) return fail('tooLarge', `${text.length} characters`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail('notJson', (err as Error).message);
  }
  const env = envelopeSchema.safeParse(data);
  if (!env.success) return fail('notAttempt', firstIssue(env.error));
  if (env.data.format > SHARE_FORMAT) return fail('newerFormat', `format ${env.data.format}`);
  if (env.data.blackBoxDog !== kind) return fail('notAttempt', `this is a ${env.data.blackBoxDog}, not a ${kind}`);
  const schema = kind === 'attempt' ? attemptSchema : presetSchema;
  const parsed = schema.safeParse(env.data[kind]);
  if (!parsed.success) return fail('notAttempt', `${kind}.${firstIssue(parsed.error)}`);
  return { ok: true, value: parsed.data as K extends 'attempt' ? Attempt : Preset };
}

// --- files ---------------------------------------------------------------------------------------

/** The text of an attempt's file (pretty JSON, so a teacher can read it). */
export function attemptFileText(attempt: Attempt): string {
  return `${JSON.stringify(JSON.parse(envelope('attempt', attempt)), null, 1)}\n`;
}

/** A file name such as black-box-dog-ch3-2026-12-01-1422.json. */
export function attemptFileName(attempt: Attempt): string {
  const stamp = attempt.time.replace(/[^0-9]/g, '').slice(0, 12);
  const date =
    stamp.length === 12
      ? `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}-${stamp.slice(8)}`
      : 'attempt';
  return `black-box-dog-ch${attempt.chapter}-${date}.json`;
}

/** Reads an attempt file; also accepts a bare attempt (as the save and `npm run verify` hold them). */
export function readAttemptFile(text: string): Decoded<Attempt> {
  if (text.length > MAX_SHARED_BYTES) return fail('tooLarge', `${text.length} characters`);
  try {
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === 'object' && !('blackBoxDog' in data)) {
      const bare = attemptSchema.safeParse(data);
      if (bare.success) return { ok: true, value: bare.data };
    }
  } catch {
    // readEnvelope explains it
  }
  return readEnvelope('attempt', text);
}

// --- links ---------------------------------------------------------------------------------------

function encode(kind: Kind, value: Attempt | Preset): string {
  return `${SHARE_FORMAT}.${toBase64Url(deflateSync(strToU8(envelope(kind, value)), { level: 9 }))}`;
}

function decode<K extends Kind>(kind: K, code: string): Decoded<K extends 'attempt' ? Attempt : Preset> {
  const text = code.trim();
  if (text === '') return fail('empty', 'the link holds nothing');
  if (text.length > MAX_LINK_CHARS) return fail('tooLarge', `${text.length} characters`);
  const dot = text.indexOf('.');
  const format = Number(text.slice(0, dot));
  if (dot < 1 || !Number.isInteger(format) || format < 1) return fail('damaged', 'no format number');
  if (format > SHARE_FORMAT) return fail('newerFormat', `format ${format}`);
  const bytes = fromBase64Url(text.slice(dot + 1));
  if (!bytes || bytes.length === 0) return fail('damaged', 'not base64url');
  const raw = inflateLimited(bytes, MAX_SHARED_BYTES);
  if (raw === 'tooLarge') return fail('tooLarge', `over ${MAX_SHARED_BYTES} bytes once unpacked`);
  if (raw === null) return fail('damaged', 'the compressed data is cut short or altered');
  let json: string;
  try {
    json = strFromU8(raw);
  } catch {
    return fail('damaged', 'not text');
  }
  const read = readEnvelope(kind, json);
  // Inside a link, text that is not ours means the link was cut or altered on its way.
  if (!read.ok && read.error.code === 'notJson') return fail('damaged', read.error.detail);
  return read;
}

/** The hash part of an attempt's link, without the '#': `replay=1.<data>`. */
export function attemptLinkHash(attempt: Attempt): string {
  return REPLAY_HASH + encode('attempt', attempt);
}

export function presetLinkHash(preset: Preset): string {
  return PRESET_HASH + encode('preset', preset);
}

/** The link for a hash, on this page's address. */
export function linkFor(pageUrl: string, hash: string): string {
  const url = new URL(pageUrl);
  url.hash = hash;
  url.search = '';
  return url.toString();
}

/** What a page hash asks for: a shared replay, a preset, or nothing of ours. */
export function readHash(hash: string): { kind: 'attempt' | 'preset'; code: string } | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.startsWith(REPLAY_HASH)) return { kind: 'attempt', code: h.slice(REPLAY_HASH.length) };
  if (h.startsWith(PRESET_HASH)) return { kind: 'preset', code: h.slice(PRESET_HASH.length) };
  return null;
}

export function decodeAttemptLink(code: string): Decoded<Attempt> {
  return decode('attempt', code);
}

export function decodePresetLink(code: string): Decoded<Preset> {
  return decode('preset', code);
}

// --- importing: read, then replay -----------------------------------------------------------------

/** A shared attempt once read and replayed: shown to the player as verified or not, with why. */
export interface SharedReport {
  attempt: Attempt;
  verified: boolean;
  /** Set when not verified. */
  error?: ShareError;
  /** The replay's numbers for the results line. */
  stats?: Record<string, number>;
}

/** Reads a shared attempt (file text or link code) and replays it; never touches the save. */
export async function readShared(source: 'file' | 'link', text: string): Promise<Decoded<SharedReport>> {
  const read = source === 'file' ? readAttemptFile(text) : decodeAttemptLink(text);
  if (!read.ok) return read;
  const attempt = read.value;
  const v = await verifyAttempt(attempt);
  if (v.ok) return { ok: true, value: { attempt, verified: true, stats: v.replay?.stats } };
  const code: ShareErrorCode =
    v.code === 'unknownChapter' ? 'unknownChapter' : v.code === 'otherLevel' ? 'otherLevel' : 'notVerified';
  return { ok: true, value: { attempt, verified: false, error: { code, detail: v.message } } };
}
