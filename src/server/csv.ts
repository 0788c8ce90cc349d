// The teacher's export: one row per player and challenge. Cells are quoted when needed, and a
// cell that a spreadsheet would read as a formula (=, +, -, @ first) gets a leading apostrophe,
// so a nickname cannot run anything when the file is opened.
import type { Room, Standing } from './repository';

export const CSV_HEADER = [
  'rank',
  'nickname',
  'chapter',
  'verified_score',
  'stars',
  'attempts',
  'verified_attempts',
  'best_at',
  'total_score',
] as const;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(room: Room, standings: readonly Standing[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const s of standings) {
    for (const c of s.challenges) {
      if (!room.chapters.includes(c.chapter)) continue;
      lines.push(
        [s.rank, s.nickname, c.chapter, c.score, c.stars, c.attempts, c.verifiedAttempts, c.bestAt, s.total]
          .map(csvCell)
          .join(','),
      );
    }
  }
  // A byte-order mark makes spreadsheet programs read the Chinese nicknames as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
