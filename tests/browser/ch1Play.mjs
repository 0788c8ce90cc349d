// Plays chapter 1 the way its mentor asks, with any input method: shared by the tests that play it
// on other screens (the phone by touch). `press(group, id)` presses a control; `onStep(view)` is
// called once at each new step (and at the show's end), e.g. to look at the screen there.
import { WAIT, sel, snap } from './harness.mjs';

const TARGET = { sit: 'sit', speak: 'bark', shake: 'paw', down: 'lie' };

export async function trainToTheEnd(page, press, onStep = async () => {}) {
  let round = 0;
  const taken = new Set();
  for (let step = 0; step < 600; step++) {
    const view = (await snap(page)).chapter;
    if (!view) return; // left the chapter: results screen
    if (!taken.has(view.step)) {
      taken.add(view.step);
      await onStep(view.step);
    }
    if (view.step === 'show') {
      await page.waitForSelector(sel('tools', 'finish'), { timeout: WAIT });
      await onStep('show-end');
      await press('tools', 'finish');
      await page.waitForFunction(() => window.blackBoxDog.snapshot().chapter?.step !== 'show', null, {
        timeout: WAIT,
      });
      continue;
    }
    if (view.pending) {
      const { command, action } = view.pending;
      const right = view.step === 'twist' ? action === 'roll' : TARGET[command] === action;
      await press('feedback', right ? 'treat' : 'scold');
      await page
        .waitForFunction(() => !window.blackBoxDog.snapshot().chapter?.pending, null, { timeout: 5_000 })
        .catch(() => {});
      continue;
    }
    const cmds = view.commands.filter((c) => c.enabled).map((c) => c.id);
    if (view.step === 'free') {
      if (round % 5 === 4) await press('tools', 'show');
      else await press('commands', cmds[round % cmds.length]);
      round++;
    } else await press('commands', cmds[cmds.length - 1]);
    await page
      .waitForFunction(
        (before) => {
          const c = window.blackBoxDog.snapshot().chapter;
          return !c || c.pending || c.step !== before;
        },
        view.step,
        { timeout: 5_000 },
      )
      .catch(() => {});
  }
  throw new Error('training did not finish');
}
