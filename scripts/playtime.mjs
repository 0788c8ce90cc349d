// Play time per chapter, measured by the browser tests' play-throughs (docs/playtime.md).
//
//   node scripts/playtime.mjs            build, run the six chapter browser tests one at a time,
//                                        then write artifacts/playtime-summary.json and docs/playtime.md
//   node scripts/playtime.mjs --report   only the last step, from the records already in
//                                        artifacts/playtime/ (one per play-through)
//
// Each play-through that reaches its results card records (tests/browser/harness.mjs,
// recordPlaytime) the presses and keys the player made since the page loaded, and the chapter's
// attempt: its seed and recorded input events. The waits are what the game's own clocks take for
// that attempt at normal speed, whatever speed the test played at (?fast=1, reduced motion):
// each clock below names where the game keeps it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const RECORDS = join(ROOT, 'artifacts', 'playtime');
const SUMMARY = join(ROOT, 'artifacts', 'playtime-summary.json');
const DOC = join(ROOT, 'docs', 'playtime.md');

/**
 * The rough estimate's guesses: seconds a new player takes per press (find the control, decide,
 * click) and per key (a keyboard player's Tab and arrow keys come quickly, several a second).
 */
export const SECONDS_PER_PRESS = 3;
export const SECONDS_PER_KEY = 1;

function level(chapter) {
  const file = readdirSync(join(ROOT, 'levels')).find((f) => f.startsWith(`0${chapter}-`) && f.endsWith('.json'));
  return JSON.parse(readFileSync(join(ROOT, 'levels', file), 'utf8'));
}

/** Reads a number constant from a source file, so the clocks follow the game when it changes. */
function constant(file, pattern, fallback) {
  try {
    const m = readFileSync(join(ROOT, file), 'utf8').match(pattern);
    return m ? Number(m[1]) : fallback;
  } catch {
    return fallback;
  }
}

const count = (events, type) => events.filter((e) => e.type === type).length;

/**
 * The game's clocks, per chapter: what the player waits for at normal speed, from the attempt.
 * Each entry: [what, milliseconds]. Only waits that hold the player up are counted (a reveal to
 * watch, a playback running); a pose settling while the next button already works is not.
 */
export const CLOCKS = {
  // The show: the judge's rounds revealed one every stepMs (Ch1SitScene, 700 ms at normal motion).
  1: (events) => {
    const stepMs = constant(
      'src/game/scenes/Ch1SitScene.ts',
      /reducedMotion \? \d+ : (\d+);\s*\n\s*this\.show\.reveal/,
      700,
    );
    const rounds = level(1).challenge.size;
    return [['show reveals', count(events, 'show.start') * rounds * stepMs]];
  },
  // The weather week, one day every WEEK_DAY_MS (rulebookMachine), and the challenge's verdict,
  // one fruit every 550 ms (Ch2 scene's verdict reveal).
  2: (events) => {
    const lv = level(2);
    const dayMs = constant('src/levels/ch2/rulebookMachine.ts', /WEEK_DAY_MS = (\d+)/, 450);
    const fruitMs = constant('src/game/scenes/Ch2RulebookScene.ts', /reducedMotion \? \d+ : (\d+), \(i, last\)/, 550);
    // A week ends in a recorded rules.check (the run itself is not recorded): in the weather
    // part, before season.next, every check is a week run, one day per tick and a last tick's pause.
    const season = events.findIndex((e) => e.type === 'season.next');
    const weeks = count(season < 0 ? events : events.slice(0, season), 'rules.check');
    return [
      ['weather weeks', weeks * (lv.weather.days.length + 1) * dayMs],
      ['verdict reveals', count(events, 'challenge.run') * lv.challenge.basket.length * fruitMs],
    ];
  },
  // Bit tuning the lamp: one recorded tune.step per tick of the level's calm pace.
  3: (events) => [['tuning playback', count(events, 'tune.step') * level(3).tuning.playback.calmMs]],
  // The lab's training playback: lab.play.epochsPerTick epochs every lab.play.tickMs.
  4: (events) => {
    const { tickMs, epochsPerTick } = level(4).lab.play;
    const ticks = events
      .filter((e) => e.type === 'train.run')
      .reduce((sum, e) => sum + Math.ceil((e.epochs ?? 1) / epochsPerTick), 0);
    return [['training playback', ticks * tickMs]];
  },
  // Automatic descent: auto.play.steps steps every auto.play.tickMs (the level file's defaults
  // when it has none, foggyLevel.ts).
  5: (events) => {
    const play = level(5).auto.play ?? {
      tickMs: constant('src/levels/ch5/foggyLevel.ts', /default\(\{ tickMs: (\d+)/, 33),
      steps: constant('src/levels/ch5/foggyLevel.ts', /default\(\{ tickMs: \d+, steps: (\d+)/, 1),
    };
    const ticks = events
      .filter((e) => e.type === 'auto.step')
      .reduce((sum, e) => sum + Math.ceil((e.count ?? 1) / play.steps), 0);
    return [['descent playback', ticks * play.tickMs]];
  },
  // Training the net runs in a worker for as long as this machine takes: no game clock to read,
  // so the record's measured training time is used when the chapter reports one.
  6: (_events, entry) => [['training (measured here)', entry.trainMs ?? 0]],
};

export function summarise(entry) {
  const events = entry.attempt.events ?? [];
  const clock = CLOCKS[entry.chapter];
  const waits = clock ? clock(events, entry) : [];
  const waitMs = waits.reduce((s, [, ms]) => s + ms, 0);
  const actionS = (entry.presses ?? 0) * SECONDS_PER_PRESS + (entry.keys ?? 0) * SECONDS_PER_KEY;
  return {
    name: entry.name,
    chapter: entry.chapter,
    presses: entry.presses,
    keys: entry.keys,
    inputs: events.length,
    waits: Object.fromEntries(waits.map(([what, ms]) => [what, Math.round(ms)])),
    waitS: Math.round(waitMs / 100) / 10,
    estimateMin: Math.round(((waitMs / 1000 + actionS) / 60) * 10) / 10,
  };
}

function readRecords() {
  if (!existsSync(RECORDS)) return [];
  return readdirSync(RECORDS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(RECORDS, f), 'utf8')))
    .sort((a, b) => a.chapter - b.chapter || a.name.localeCompare(b.name));
}

function table(rows) {
  const head =
    '| Play-through | Ch | Presses | Keys | Recorded inputs | Waits (s, normal speed) | Of which | Estimate (min) |\n' +
    '|---|---|---|---|---|---|---|---|\n';
  return (
    head +
    rows
      .map((r) => {
        const of = Object.entries(r.waits)
          .map(([what, ms]) => `${what} ${Math.round(ms / 100) / 10} s`)
          .join('; ');
        return `| ${r.name} | ${r.chapter} | ${r.presses ?? '–'} | ${r.keys ?? '–'} | ${r.inputs} | ${r.waitS} | ${of || '–'} | ${r.estimateMin} |`;
      })
      .join('\n')
  );
}

const BEGIN = '<!-- playtime:begin -->';
const END = '<!-- playtime:end -->';

/** Writes the summary and replaces the table between the markers in docs/playtime.md. */
export function report() {
  const rows = readRecords().map(summarise);
  writeFileSync(SUMMARY, `${JSON.stringify(rows, null, 2)}\n`);
  const block = `${BEGIN}\n${table(rows)}\n\nMeasured ${new Date().toISOString().slice(0, 10)} (commit ${commit()}).\n${END}`;
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Play time\n\n${BEGIN}\n${END}\n`;
  const at = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  const next = at >= 0 && end > at ? doc.slice(0, at) + block + doc.slice(end + END.length) : `${doc}\n${block}\n`;
  writeFileSync(DOC, next);
  console.log(table(rows));
  return rows;
}

function commit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--report')) {
    const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status;
    if (run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
    // Only this run's play-throughs are reported.
    rmSync(RECORDS, { recursive: true, force: true });
    let failed = 0;
    // One file at a time, as the suite runs them (scripts/browser-tests.mjs).
    for (let n = 1; n <= 6; n++) if (run(['--test', join('tests/browser', `ch${n}.test.mjs`)]) !== 0) failed++;
    if (failed) console.error(`${failed} chapter test file(s) failed: their play-throughs may be missing or old.`);
  }
  report();
}
