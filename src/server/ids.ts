// Random ids, join codes and secrets. Secrets (the teacher's key, a student's token) are stored
// only as SHA-256 hashes, so a copied database file does not hand out teacher access.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L: a code read aloud or copied from a projector is typed right the first time.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newJoinCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a student typed, as a code: upper case, without spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
