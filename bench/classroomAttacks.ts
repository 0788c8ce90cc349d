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
  // Floods (their limits are the server's join and stream rules): each answer counted.
  const joins = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      fetch(`${base}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, nickname: `Bot ${i}` }),
      }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  for (const s of joins) count('join-flood', s === 201);
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
