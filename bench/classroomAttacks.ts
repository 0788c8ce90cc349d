// The load test's attacker: one student of the first room who, while the class plays, sends every
// attack on scores and on the server: a classmate's attempt, the game's reference attempts, an
// unknown event, a body nested 5,000 deep, slow attempts (19,000 checks), and join and stream
// floods. Each is counted sent and accepted (a verified score, a 2xx join, an opened stream).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attempt } from '../src/attempts/attempt';
import { ROOT } from './classroomProcess';

export interface AttackReport {
  sent: number;
  accepted: number;
  byKind: Record<string, { sent: number; accepted: number }>;
  crashed: boolean;
}

/** The server's default allowance of joins per device a minute (fairLimits.ts). */
const JOINS_PER_DEVICE = 6;

const reference = (n: number) =>
  JSON.parse(readFileSync(join(ROOT, `levels/reference/ch${n}.json`), 'utf8')) as Attempt;

export async function attackerRun(
  base: string,
  code: string,
  victim: { own: Attempt[] },
  stopAt: number,
): Promise<AttackReport> {
  const report: AttackReport = { sent: 0, accepted: 0, byKind: {}, crashed: false };
  const count = (kind: string, accepted: boolean) => {
    report.byKind[kind] ??= { sent: 0, accepted: 0 };
    const k = report.byKind[kind];
    k.sent++;
    report.sent++;
    if (accepted) {
      k.accepted++;
      report.accepted++;
    }
  };
  const joined = await fetch(`${base}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, nickname: 'Mallory' }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  const token = joined.token;
  let n = 0;
  const submit = async (kind: string, body: string) => {
    try {
      const res = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const data = (await res.json().catch(() => ({}))) as { submission?: { status: string } };
      count(kind, data.submission?.status === 'verified');
    } catch {
      report.crashed = true;
      count(kind, false);
    }
  };
  const attempt = (a: unknown) => JSON.stringify({ id: `attack-${(n++).toString(36)}-xxxx`, attempt: a });
  const copy = victim.own[1];
  await submit('copy', attempt(copy));
  for (const c of [1, 2, 3]) await submit('reference', attempt({ ...reference(c), time: new Date().toISOString() }));
  await submit('unknown-event', attempt({ ...copy, events: [{ type: 'admin.win' }, ...copy.events] }));
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  await submit(
    'deep-nesting',
    attempt({ ...copy, events: [{ type: 'x' }] }).replace('[{"type":"x"}]', `[{"type":"x","v":${deep}}]`),
  );
  // Slow attempts, one after another, while the class plays (at the student's allowance).
  const slow = { ...copy, events: [...copy.events.slice(0, 5), ...new Array(19_000).fill({ type: 'rules.check' })] };
  for (let i = 0; i < 10 && Date.now() < stopAt; i++) await submit('slow', attempt(slow));
  // Floods. A flood is accepted when it gets past the server's rules: more joins from one device
  // than its allowance (JOINS_PER_DEVICE a minute), a real student refused a join right after it,
  // or a stream opened without a player's token. The attacker is another computer (a forwarding
  // header: loopback itself is the teacher's computer).
  const other = { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.66' };
  const device = 'mallory-laptop-0001';
  const joins = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      fetch(`${base}/api/join`, {
        method: 'POST',
        headers: other,
        body: JSON.stringify({ code, nickname: `Bot ${i}`, device }),
      }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  const joined201 = joins.filter((s) => s === 201).length;
  joins.forEach((_, i) => count('join-flood', i < joined201 - JOINS_PER_DEVICE));
  const honest = await fetch(`${base}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, nickname: 'Latecomer', device: 'honest-student-tablet-01' }),
  }).then(
    (r) => r.status,
    () => 0,
  );
  count('join-flood-lockout', honest !== 201);
  const ctrl = new AbortController();
  const streams = await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`${base}/api/rooms/${code}/stream`, { signal: ctrl.signal }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  ctrl.abort();
  for (const s of streams) count('stream-flood', s === 200);
  return report;
}
