// Chapter 3's knobs in real Chromium, shared by the chapter 3 and replays browser tests: turned
// by keyboard (arrows, Shift for the fine step) or by a mouse click on the track, and read back
// from the test API.
import assert from 'node:assert/strict';
import { control, snap, tabTo, WAIT } from './harness.mjs';

export const FEATURES = ['big', 'red', 'green', 'round', 'sweet', 'sour', 'fragrant'];
// The same settings the unit tests prove right (see tests/unit/levels/ch3-player.ts).
export const SOLUTIONS = {
  apple: { weights: [0, 1, 0, 1, -1, 0, 2], threshold: 2.5 },
  watermelon: { weights: [1, 0, 0, 0, 0, 0, 0], threshold: 0.5 },
  hawthorn: { weights: [0, 1, 0, 0, -1, 1, 0], threshold: 1.5 },
};

const view = async (page) => (await snap(page)).chapter;
export const knobSel = (id) => `input[data-knob="${id}"]`;
export async function knobValue(page, id) {
  return (await view(page)).knobs.find((k) => k.id === id).value;
}
/** Arrows move by the coarse step; Shift+arrows by the fine step for what is left. */
export async function setKnobByKeys(page, id, target) {
  await tabTo(page, knobSel(id));
  for (let i = 0; i < 20; i++) {
    const diff = target - (await knobValue(page, id));
    if (diff === 0) return;
    const up = diff > 0;
    await page.keyboard.press(
      Math.abs(diff) >= 1 ? (up ? 'ArrowRight' : 'ArrowLeft') : up ? 'Shift+ArrowUp' : 'Shift+ArrowDown',
    );
  }
  throw new Error(`knob ${id} never reached ${target}`);
}

/** A click on the track jumps the thumb there (a drag's last point). The threshold track stands upright. */
export async function setKnobByMouse(page, id, target) {
  const k = (await view(page)).knobs.find((x) => x.id === id);
  if (k.value === target) return;
  const box = await page.locator(knobSel(id)).boundingBox();
  const t = (target - k.min) / (k.max - k.min);
  const thumb = 30;
  const upright = box.height > box.width;
  const x = upright ? box.x + box.width / 2 : box.x + thumb / 2 + t * (box.width - thumb);
  const y = upright ? box.y + box.height - thumb / 2 - t * (box.height - thumb) : box.y + box.height / 2;
  await page.mouse.click(x, y);
  assert.equal(await knobValue(page, id), target, `mouse set ${id}`);
}

/**
 * Chapter 3's rigged basket by mouse, from Bit's finished tuning to the challenge: Bit tunes on it,
 * a fragrant non-apple and an apple with no scent go in, Bit retunes and the new fruit are right.
 */
export async function playRiggedByMouse(page) {
  const step = (s) =>
    page.waitForFunction((x) => window.blackBoxDog.snapshot().chapter?.step === x, s, { timeout: WAIT });
  await control(page, 'actions', 'toRigged').click();
  await step('rigged');
  await control(page, 'actions', 'riggedTune').click();
  await control(page, 'actions', 'add-strawberry').click();
  await control(page, 'actions', 'add-plain-big-apple').click();
  await control(page, 'actions', 'riggedTune').click();
  assert.equal((await view(page)).rigged.fixed, true, 'the retuned lamp gets the new fruit right');
  await control(page, 'actions', 'riggedDone').click();
  await step('challenge');
}
