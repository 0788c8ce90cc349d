// What the teacher reads in the server's window when something goes wrong: one plain line with
// the problem, where, and what to do, never a stack trace. Start-up failures end the process with
// such a line; write failures while running (a full disk, a file made read-only) are reported as
// they happen, each kind at most once every half minute so the window stays readable.

interface ErrorLike {
  code?: string;
  message?: string;
  path?: string;
  address?: string;
  port?: number;
}

const asError = (err: unknown): ErrorLike => (typeof err === 'object' && err !== null ? (err as ErrorLike) : {});

/** A database-level fault kind, or null for errors that are not the disk's or the file's. */
export function faultKind(err: unknown): 'full' | 'read-only' | 'io' | 'locked' | 'corrupt' | null {
  const e = asError(err);
  const text = `${e.code ?? ''} ${e.message ?? ''}`;
  if (/SQLITE_FULL|ENOSPC|disk is full|No space left|53100/i.test(text)) return 'full';
  if (/SQLITE_READONLY|EROFS|readonly database|read-only/i.test(text)) return 'read-only';
  if (/SQLITE_BUSY|database is locked/i.test(text)) return 'locked';
  if (/SQLITE_NOTADB|SQLITE_CORRUPT|not a database|malformed/i.test(text)) return 'corrupt';
  if (/SQLITE_IOERR|EIO\b|disk I\/O error|SQLITE_CANTOPEN/i.test(text)) return 'io';
  return null;
}

/** The line for a failed write while the server runs (null when the error is not one of these). */
export function writeFailureLine(err: unknown, where: string): string | null {
  switch (faultKind(err)) {
    case 'full':
      return `The disk is full: the server cannot save students' work (${where}). Free some space on that disk; the server carries on by itself once there is room.`;
    case 'read-only':
      return `The database can no longer be written (${where}): the file or its folder became read-only. Make it writable again, or restart the server with CLASSROOM_DATA set to a writable folder.`;
    case 'io':
      return `The disk reported an error while saving (${where}). Check the disk (a removed USB stick, a network drive that dropped), then restart the server.`;
    case 'corrupt':
      return `The database file is damaged (${where}). Stop the server, keep a copy of the file, and start again with CLASSROOM_DATA set to a new folder.`;
    case 'locked':
      return `The database stayed busy too long (${where}); another program may be holding it. Close any tool that has the file open.`;
    default:
      return null;
  }
}

/** Reports write failures to the teacher's console, each kind at most once per interval. */
export function faultReporter(print: (line: string) => void = (l) => console.error(l), intervalMs = 30_000) {
  const last = new Map<string, number>();
  return (err: unknown, where: string): void => {
    const line =
      writeFailureLine(err, where) ??
      `A request failed on the server (${where}): ${asError(err).message ?? String(err)}`;
    const kind = faultKind(err) ?? 'other';
    const now = Date.now();
    if ((last.get(kind) ?? -Infinity) + intervalMs > now) return;
    last.set(kind, now);
    print(`[${new Date(now).toISOString().slice(11, 19)}] ${line}`);
  };
}

/** The one line printed when the server cannot start. */
export function startFailureLine(
  err: unknown,
  ctx: { dataDir: string | null; dbFile: string | null; port: number; host: string },
): string {
  const e = asError(err);
  const where = e.path ?? ctx.dataDir ?? '';
  const head = 'The classroom server cannot start:';
  switch (e.code) {
    case 'EADDRINUSE':
      return `${head} port ${ctx.port} on ${ctx.host} is already in use (another classroom server, or another program). Stop that one, or start this one with another port: PORT=8788 npm run classroom`;
    case 'EADDRNOTAVAIL':
      return `${head} this computer has no address ${ctx.host}. Start it with HOST=0.0.0.0 (every network) or one of this computer's addresses.`;
    case 'EACCES':
    case 'EPERM':
      if (e.address !== undefined || e.port !== undefined)
        return `${head} not allowed to listen on port ${ctx.port}. Use a port above 1024: PORT=8787 npm run classroom`;
      return `${head} no permission to write in ${where}. Make that folder writable, or set CLASSROOM_DATA to a folder you can write in.`;
    case 'EROFS':
      return `${head} the data folder ${where} is on a read-only disk. Set CLASSROOM_DATA to a writable folder.`;
    case 'ENOTDIR':
    case 'ENOENT':
      return `${head} the data folder ${where} cannot be made (a part of that path is missing or is a file). Set CLASSROOM_DATA to a folder that exists or can be made.`;
    case 'ENOSPC':
      return `${head} the disk holding ${where} is full. Free some space, or set CLASSROOM_DATA to a folder on another disk.`;
    case 'CLASSROOM_LOCKED':
      return `${head} another classroom server is already using ${ctx.dbFile} (${e.message}). Use that one, stop it first (Ctrl+C in its window), or give this one its own folder: CLASSROOM_DATA=./data/other npm run classroom`;
  }
  switch (faultKind(err)) {
    case 'corrupt':
      return `${head} ${ctx.dbFile} is not a classroom database or is damaged. Move that file away (keep it if it holds results), or set CLASSROOM_DATA to another folder; a new database is made there.`;
    case 'read-only':
      return `${head} ${ctx.dbFile ?? where} cannot be written (read-only). Make it writable, or set CLASSROOM_DATA to a writable folder.`;
    case 'full':
      return `${head} the disk holding ${ctx.dbFile ?? where} is full. Free some space, or set CLASSROOM_DATA to a folder on another disk.`;
    case 'locked':
      return `${head} ${ctx.dbFile} is locked by another program (another classroom server?). Stop it, or set CLASSROOM_DATA to another folder.`;
    case 'io':
      return `${head} the disk reported an error reading ${ctx.dbFile ?? where}. Check the disk, or set CLASSROOM_DATA to a folder on another disk.`;
  }
  if (/ECONNREFUSED|password authentication|does not exist|ENOTFOUND/.test(`${e.code} ${e.message}`))
    return `${head} the PostgreSQL database in DATABASE_URL cannot be reached (${e.message}). Check that it runs and the address, user and password are right, or unset DATABASE_URL to use the embedded database file.`;
  return `${head} ${e.message ?? String(err)}${where ? ` (${where})` : ''}`;
}
