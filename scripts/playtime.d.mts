// Types for scripts/playtime.mjs (its unit test imports it).
export interface PlaytimeEntry {
  name: string;
  chapter: number;
  presses: number | null;
  keys: number | null;
  trainMs?: number;
  attempt: { events: { type: string; [key: string]: unknown }[] };
}
export interface PlaytimeRow {
  name: string;
  chapter: number;
  presses: number | null;
  keys: number | null;
  inputs: number;
  waits: Record<string, number>;
  waitS: number;
  estimateMin: number;
}
export const SECONDS_PER_PRESS: number;
export const SECONDS_PER_KEY: number;
export const CLOCKS: Record<
  number,
  (events: PlaytimeEntry['attempt']['events'], entry: PlaytimeEntry) => [string, number][]
>;
export function summarise(entry: PlaytimeEntry): PlaytimeRow;
export function report(): PlaytimeRow[];
