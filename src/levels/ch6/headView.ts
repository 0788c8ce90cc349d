// The view-model of "inside Bit's head" and of the sample digit shown while training: every number
// the head panel and the sample bars draw, from the machine's context and the pure functions in
// insideHead.ts. Pictures and readings are computed once per network (memoized by identity).
import type { DenseNetwork } from '../../engine';
import { digitImage } from './digitDemonPictures';
import type { DigitDemonContext, DigitDemonStep } from './digitDemonMachine';
import { MAX_HEAD_EVENTS, sampleReading, unitPicture, type SampleReading, type UnitPicture } from './insideHead';

export interface HeadUnitView {
  unit: number;
  /** Signed grey levels, -255..255, of the unit's 784 weights. */
  signed: number[];
  selected: boolean;
}

export interface HeadView {
  /** The view is open (the trained step shows it instead of the report card). */
  open: boolean;
  /** "Look inside Bit's head" is offered (trained, a net, head events left). */
  canOpen: boolean;
  /** More units may be chosen (the attempt's head events are bounded). */
  canChoose: boolean;
  unit: number;
  units: number;
  /** The page of units shown as thumbnails, and the first unit of the pages before and after. */
  page: { from: number; to: number; units: HeadUnitView[]; prev: number | null; next: number | null };
  /** The selected unit's picture (null while the view is closed). */
  picture: UnitPicture | null;
  /** The held-out digits that excite the selected unit most, largest activation first. */
  exciting: { index: number; bytes: number[]; label: number; activation: number }[];
  /** Distinct units looked at since the last training. */
  inspected: number;
}

export interface SampleView extends SampleReading {
  bytes: number[];
  /** Bit's answer now: the most probable digit. */
  predicted: number;
}

const pictures = new WeakMap<DenseNetwork, Map<number, UnitPicture>>();

function pictureOf(net: DenseNetwork, unit: number): UnitPicture {
  let byUnit = pictures.get(net);
  if (!byUnit) {
    byUnit = new Map();
    pictures.set(net, byUnit);
  }
  let p = byUnit.get(unit);
  if (!p) {
    p = unitPicture(net, unit);
    byUnit.set(unit, p);
  }
  return p;
}

function headEvents(c: DigitDemonContext): number {
  return c.events.filter((e) => e.type === 'head.open' || e.type === 'head.unit').length;
}

export function headView(step: DigitDemonStep, c: DigitDemonContext): HeadView {
  const net = c.model.net;
  const h = c.head;
  const units = net ? net.layers[0].units : 0;
  const left = headEvents(c) < MAX_HEAD_EVENTS;
  const open = step === 'trained' && h.open && !!net;
  const per = c.level.head.unitsPerPage;
  const from = Math.floor(h.unit / per) * per;
  const to = Math.min(units, from + per);
  const pageUnits: HeadUnitView[] = [];
  if (open && net)
    for (let u = from; u < to; u++)
      pageUnits.push({ unit: u, signed: pictureOf(net, u).signed, selected: u === h.unit });
  const test = c.digits.data.test;
  return {
    open,
    canOpen: step === 'trained' && !h.open && !!net && left,
    canChoose: open && left,
    unit: h.unit,
    units,
    page: {
      from,
      to,
      units: pageUnits,
      prev: from > 0 ? from - per : null,
      next: to < units ? to : null,
    },
    picture: open && net ? pictureOf(net, h.unit) : null,
    exciting:
      open && h.top
        ? (h.top[h.unit] ?? []).map((e) => ({
            index: e.index,
            bytes: digitImage(test.pixels, e.index),
            label: test.labels[e.index],
            activation: e.activation,
          }))
        : [],
    inspected: h.inspected.length,
  };
}

const readings = new WeakMap<DenseNetwork, SampleReading | null>();

/**
 * The level's sample digit: while training, as the latest progress report read it; once trained,
 * as the net reads it (the same numbers as the last report: same net, same function).
 */
export function sampleView(step: DigitDemonStep, c: DigitDemonContext): SampleView | null {
  let r: SampleReading | null | undefined = null;
  if (step === 'training') r = c.training.progress[c.training.progress.length - 1]?.sample;
  else if (step === 'trained' && c.model.net) {
    const net = c.model.net;
    r = readings.get(net);
    if (r === undefined) {
      r = sampleReading(net, c.digits, c.level.head.sampleDigit);
      readings.set(net, r);
    }
  }
  if (!r) return null;
  let predicted = 0;
  r.probabilities.forEach((p, k) => {
    if (p > r.probabilities[predicted]) predicted = k;
  });
  return { ...r, bytes: digitImage(c.digits.data.test.pixels, r.index), predicted };
}
