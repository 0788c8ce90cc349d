// Verifies recorded attempts by replaying them: `npm run verify -- FILE...`, where each file is
// one attempt (bare, or a replay file saved from the game's replays screen) or a whole save
// (every attempt in it is checked). Exits 1 if any
// attempt does not verify or a file cannot be read.
import { readFileSync } from 'node:fs';
import { parseAttempt } from '../src/app/saveStore';
import { readAttemptFile } from '../src/app/share';
import { verifyAttempt } from '../src/attempts/verifyAttempt';

let failed = false;
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run verify -- ATTEMPT_OR_SAVE.json ...');
  process.exit(2);
}
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`${file}: cannot be read (${(err as Error).message})`);
    failed = true;
    continue;
  }
  let items: string[] = [text];
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && Array.isArray((data as { attempts?: unknown }).attempts)) {
      items = (data as { attempts: unknown[] }).attempts.map((a) => JSON.stringify(a));
    } else if (data && typeof data === 'object' && 'blackBoxDog' in data) {
      // A replay file: the attempt inside its envelope (readAttemptFile checks the envelope).
      const read = readAttemptFile(text);
      items = [read.ok ? JSON.stringify(read.value) : `!${read.error.detail}`];
    }
  } catch {
    // Not JSON at all: parseAttempt below says so.
  }
  for (const [i, item] of items.entries()) {
    const label = items.length > 1 ? `${file} #${i + 1}` : file;
    const parsed = item.startsWith('!')
      ? { error: `This replay file cannot be read: ${item.slice(1)}.` }
      : parseAttempt(item);
    if ('error' in parsed) {
      console.log(`${label}: ✗ ${parsed.error}`);
      failed = true;
      continue;
    }
    const v = await verifyAttempt(parsed.attempt);
    console.log(`${label}: ${v.ok ? '✓' : '✗'} ${v.message}`);
    if (!v.ok) failed = true;
  }
}
process.exit(failed ? 1 : 0);
