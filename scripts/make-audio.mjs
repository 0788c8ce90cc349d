#!/usr/bin/env node
// Synthesizes the game's sound effects and background loop into assets/audio/.
// Plain Node, no dependencies. Output: 16-bit mono PCM WAV at 22,050 Hz.
// Deterministic: no Math.random, no clocks; the same bytes come out on every run.
//
//   node scripts/make-audio.mjs          (or: npm run audio)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 22050;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'audio');
const TAU = Math.PI * 2;

// ---------- small helpers ----------

/** Equal-tempered frequency for a MIDI note number (69 = A4 = 440 Hz). */
const midi = (n) => 440 * 2 ** ((n - 69) / 12);

/** Seeded PRNG (mulberry32) for the few places that want a little noise. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const buffer = (seconds) => new Float64Array(Math.round(seconds * RATE));

/**
 * Attack / decay envelope: linear-ish fade in over `attack`, then an exponential-style
 * decay, and a short raised-cosine release at the very end so every note starts and
 * ends at exactly zero (no clicks).
 */
function envelope(t, dur, attack, release, decay = 0) {
  if (t < 0 || t >= dur) return 0;
  let e = 1;
  if (t < attack) e *= 0.5 - 0.5 * Math.cos((Math.PI * t) / attack);
  if (decay > 0) e *= Math.exp(-t / decay);
  const tr = dur - t;
  if (tr < release) e *= 0.5 - 0.5 * Math.cos((Math.PI * tr) / release);
  return e;
}

/** Waveforms built from a few harmonics: soft and band-limited by construction. */
const WAVES = {
  sine: [1],
  soft: [1, 0.25, 0.08], // gentle, slightly hollow
  bell: [1, 0, 0.35, 0, 0.12, 0, 0.05], // odd harmonics, glassy
  warm: [1, 0.5, 0.25, 0.12, 0.06], // rounded saw-ish
};

/**
 * Adds one note into `buf`.
 * opts: { start, dur, freq, freqEnd?, amp, wave, attack, release, decay, vibrato?, wrap? }
 * With `wrap`, samples past the end fold back to the start (for seamless loops).
 */
function note(buf, opts) {
  const {
    start,
    dur,
    freq,
    freqEnd = freq,
    amp = 0.5,
    wave = 'sine',
    attack = 0.01,
    release = 0.05,
    decay = 0,
    vibrato = 0,
    wrap = false,
  } = opts;
  const harmonics = WAVES[wave];
  const n = Math.round(dur * RATE);
  const s0 = Math.round(start * RATE);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const k = i / n;
    // exponential glide between freq and freqEnd
    let f = freq * (freqEnd / freq) ** k;
    if (vibrato) f *= 1 + vibrato * Math.sin(TAU * 5 * t) * Math.min(1, t / 0.15);
    phase += (TAU * f) / RATE;
    let v = 0;
    for (let h = 0; h < harmonics.length; h++) {
      if (harmonics[h] && f * (h + 1) < RATE / 2.2) v += harmonics[h] * Math.sin(phase * (h + 1));
    }
    v *= amp * envelope(t, dur, attack, release, decay);
    let idx = s0 + i;
    if (wrap) idx = ((idx % buf.length) + buf.length) % buf.length;
    else if (idx >= buf.length) break;
    buf[idx] += v;
  }
}

/** Soft filtered noise burst (one-pole low-pass), used for the click's body. */
function noise(buf, { start, dur, amp, seed, smooth = 0.5, attack = 0.001, release = 0.01 }) {
  const r = rng(seed);
  const s0 = Math.round(start * RATE);
  const n = Math.round(dur * RATE);
  let y = 0;
  for (let i = 0; i < n && s0 + i < buf.length; i++) {
    y = smooth * y + (1 - smooth) * (r() * 2 - 1);
    buf[s0 + i] += amp * y * envelope(i / RATE, dur, attack, release);
  }
}

/** Scales so the absolute peak sits at `dbfs` decibels below full scale. */
function normalise(buf, dbfs) {
  let peak = 0;
  for (const v of buf) peak = Math.max(peak, Math.abs(v));
  const target = 10 ** (dbfs / 20);
  const g = peak > 0 ? target / peak : 1;
  for (let i = 0; i < buf.length; i++) buf[i] *= g;
  return buf;
}

/** Forces a short fade-in/out at the file edges (not used for the loop). */
function edgeFade(buf, seconds = 0.004) {
  const n = Math.min(Math.round(seconds * RATE), buf.length >> 1);
  for (let i = 0; i < n; i++) {
    const g = 0.5 - 0.5 * Math.cos((Math.PI * i) / n);
    buf[i] *= g;
    buf[buf.length - 1 - i] *= g;
  }
  return buf;
}

/** Encodes 16-bit PCM mono WAV. */
function wav(buf) {
  const data = Buffer.alloc(buf.length * 2);
  for (let i = 0; i < buf.length; i++) {
    const v = Math.max(-1, Math.min(1, buf[i]));
    data.writeInt16LE(Math.round(v * 32767), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16); // fmt chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28); // byte rate
  h.writeUInt16LE(2, 32); // block align
  h.writeUInt16LE(16, 34); // bits per sample
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

// ---------- the sounds ----------

const SOUNDS = {};

// Happy rising chime: three quick bell notes going up (C6 E6 G6) with a little sparkle on top.
SOUNDS.treat = () => {
  const b = buffer(0.42);
  const notes = [84, 88, 91];
  notes.forEach((m, i) =>
    note(b, {
      start: i * 0.07,
      dur: 0.42 - i * 0.07,
      freq: midi(m),
      amp: 0.5,
      wave: 'bell',
      attack: 0.004,
      release: 0.06,
      decay: 0.12,
    }),
  );
  note(b, {
    start: 0.2,
    dur: 0.22,
    freq: midi(96),
    amp: 0.18,
    wave: 'sine',
    attack: 0.004,
    release: 0.06,
    decay: 0.07,
  });
  return normalise(edgeFade(b), -3);
};

// Gentle "uh-oh": two soft low tones, the second a minor third lower, with a tiny droop.
SOUNDS.scold = () => {
  const b = buffer(0.42);
  note(b, {
    start: 0.0,
    dur: 0.17,
    freq: midi(62),
    freqEnd: midi(62) * 0.99,
    amp: 0.6,
    wave: 'soft',
    attack: 0.015,
    release: 0.06,
  });
  note(b, {
    start: 0.16,
    dur: 0.26,
    freq: midi(58),
    freqEnd: midi(58) * 0.97,
    amp: 0.6,
    wave: 'soft',
    attack: 0.02,
    release: 0.12,
  });
  return normalise(edgeFade(b), -3);
};

// Soft UI tick: a short high sine blip with a whisper of filtered noise.
SOUNDS.click = () => {
  const b = buffer(0.05);
  note(b, {
    start: 0,
    dur: 0.045,
    freq: 1800,
    freqEnd: 1400,
    amp: 0.5,
    wave: 'sine',
    attack: 0.001,
    release: 0.03,
    decay: 0.012,
  });
  noise(b, { start: 0, dur: 0.02, amp: 0.15, seed: 7, smooth: 0.6, attack: 0.0005, release: 0.015 });
  return normalise(edgeFade(b, 0.001), -3);
};

// Bright arpeggio: C5 E5 G5 C6, the last one held a little.
SOUNDS.success = () => {
  const b = buffer(0.62);
  [72, 76, 79, 84].forEach((m, i) => {
    const start = i * 0.08;
    note(b, {
      start,
      dur: 0.62 - start,
      freq: midi(m),
      amp: 0.42,
      wave: 'warm',
      attack: 0.006,
      release: 0.12,
      decay: i === 3 ? 0.25 : 0.1,
    });
    note(b, {
      start,
      dur: 0.62 - start,
      freq: midi(m + 12),
      amp: 0.12,
      wave: 'bell',
      attack: 0.004,
      release: 0.1,
      decay: 0.08,
    });
  });
  return normalise(edgeFade(b), -3);
};

// Soft descending "womp": a round tone sliding down, then a lower one that sags further.
SOUNDS.failure = () => {
  const b = buffer(0.62);
  note(b, {
    start: 0,
    dur: 0.24,
    freq: midi(60),
    freqEnd: midi(58),
    amp: 0.55,
    wave: 'soft',
    attack: 0.02,
    release: 0.07,
  });
  note(b, {
    start: 0.22,
    dur: 0.4,
    freq: midi(55),
    freqEnd: midi(51),
    amp: 0.6,
    wave: 'soft',
    attack: 0.03,
    release: 0.2,
    vibrato: 0.012,
  });
  return normalise(edgeFade(b), -3);
};

// Chapter-complete mini fanfare: G4 C5 E5 | G5 (held) over a C major chord, with a sparkle.
SOUNDS.complete = () => {
  const b = buffer(1.5);
  const lead = [
    [0.0, 0.14, 67],
    [0.14, 0.14, 72],
    [0.28, 0.14, 76],
    [0.44, 1.06, 79],
  ];
  for (const [s, d, m] of lead) {
    note(b, {
      start: s,
      dur: d + 0.04,
      freq: midi(m),
      amp: 0.4,
      wave: 'warm',
      attack: 0.008,
      release: Math.min(0.3, d / 2),
      vibrato: d > 0.5 ? 0.006 : 0,
    });
  }
  for (const m of [48, 55, 60, 64]) {
    note(b, { start: 0.44, dur: 1.06, freq: midi(m), amp: 0.16, wave: 'soft', attack: 0.03, release: 0.45 });
  }
  [84, 88, 91, 96].forEach((m, i) =>
    note(b, {
      start: 0.5 + i * 0.06,
      dur: 0.5,
      freq: midi(m),
      amp: 0.1,
      wave: 'bell',
      attack: 0.003,
      release: 0.1,
      decay: 0.12,
    }),
  );
  return normalise(edgeFade(b), -3);
};

// Lamp "ting": one clear bell partial plus a slightly inharmonic shimmer.
SOUNDS.lamp = () => {
  const b = buffer(0.3);
  note(b, { start: 0, dur: 0.3, freq: midi(93), amp: 0.5, wave: 'sine', attack: 0.002, release: 0.08, decay: 0.09 });
  note(b, {
    start: 0,
    dur: 0.3,
    freq: midi(93) * 2.76,
    amp: 0.15,
    wave: 'sine',
    attack: 0.002,
    release: 0.05,
    decay: 0.04,
  });
  note(b, { start: 0, dur: 0.3, freq: midi(81), amp: 0.2, wave: 'sine', attack: 0.004, release: 0.08, decay: 0.1 });
  return normalise(edgeFade(b), -3);
};

// Book drop (chapter 4, 1969): a low thud as the heavy book lands, then a short paper rustle.
SOUNDS.book = () => {
  const b = buffer(0.55);
  note(b, { start: 0, dur: 0.35, freq: midi(36), amp: 0.7, wave: 'sine', attack: 0.002, release: 0.2, decay: 0.12 });
  note(b, { start: 0, dur: 0.2, freq: midi(43), amp: 0.3, wave: 'warm', attack: 0.002, release: 0.1, decay: 0.06 });
  noise(b, { start: 0, dur: 0.08, amp: 0.35, seed: 41, smooth: 0.8 });
  noise(b, { start: 0.18, dur: 0.3, amp: 0.12, seed: 42, smooth: 0.2, attack: 0.02, release: 0.15 });
  return normalise(edgeFade(b), -3);
};

// Training tick (chapter 4's lab): a short, quiet wooden tick, pleasant when repeated.
SOUNDS.tick = () => {
  const b = buffer(0.08);
  note(b, { start: 0, dur: 0.08, freq: midi(84), amp: 0.4, wave: 'sine', attack: 0.001, release: 0.04, decay: 0.02 });
  noise(b, { start: 0, dur: 0.015, amp: 0.15, seed: 43, smooth: 0.6 });
  return normalise(edgeFade(b), -14);
};

// Background loop: 4 bars of 4/4 at 80 BPM = exactly 12 s.
// Soft pads and bass follow C - Am - F - G; a sparse C-major-pentatonic melody floats on top.
// Every note is written with `wrap`, so tails that run past the end fold into the beginning:
// the file loops seamlessly, with no gap and no click at the seam.
SOUNDS.music = () => {
  const BEAT = 60 / 80;
  const BAR = BEAT * 4;
  const b = buffer(BAR * 4);
  const chords = [
    [48, [60, 64, 67]], // C
    [45, [60, 64, 69]], // Am
    [41, [60, 65, 69]], // F
    [43, [59, 62, 67]], // G
  ];
  chords.forEach(([bass, pad], bar) => {
    const t0 = bar * BAR;
    for (const m of pad) {
      // pad: slow swell, long release overlapping into the next bar
      note(b, {
        start: t0,
        dur: BAR + 0.6,
        freq: midi(m),
        amp: 0.09,
        wave: 'soft',
        attack: 0.8,
        release: 1.0,
        vibrato: 0.002,
        wrap: true,
      });
    }
    // bass: root on beats 1 and 3, fifth-ish pickup on beat 4
    note(b, {
      start: t0,
      dur: BEAT * 1.8,
      freq: midi(bass),
      amp: 0.32,
      wave: 'soft',
      attack: 0.03,
      release: 0.4,
      wrap: true,
    });
    note(b, {
      start: t0 + BEAT * 2,
      dur: BEAT * 1.8,
      freq: midi(bass),
      amp: 0.26,
      wave: 'soft',
      attack: 0.03,
      release: 0.4,
      wrap: true,
    });
  });
  // melody: [beat, length in beats, midi]; pentatonic C D E G A only
  const melody = [
    [0, 1, 76],
    [1, 0.5, 79],
    [1.5, 0.5, 76],
    [2, 1.5, 74],
    [3.5, 0.5, 72],
    [4, 1, 72],
    [5, 1, 76],
    [6, 2, 81],
    [8, 1, 79],
    [9, 0.5, 76],
    [9.5, 0.5, 74],
    [10, 1.5, 72],
    [11.5, 0.5, 74],
    [12, 1, 74],
    [13, 1, 79],
    [14, 1.5, 76],
    [15.5, 0.5, 74],
  ];
  for (const [beat, len, m] of melody) {
    note(b, {
      start: beat * BEAT,
      dur: len * BEAT + 0.35,
      freq: midi(m),
      amp: 0.2,
      wave: 'bell',
      attack: 0.01,
      release: 0.3,
      decay: 0.6,
      wrap: true,
    });
  }
  // a soft high echo of the melody, delayed by half a beat
  for (const [beat, len, m] of melody) {
    note(b, {
      start: beat * BEAT + BEAT / 2,
      dur: len * BEAT + 0.3,
      freq: midi(m + 12),
      amp: 0.04,
      wave: 'sine',
      attack: 0.01,
      release: 0.25,
      decay: 0.4,
      wrap: true,
    });
  }
  return normalise(b, -12);
};

// ---------- write ----------

mkdirSync(OUT_DIR, { recursive: true });
for (const [name, make] of Object.entries(SOUNDS)) {
  const bytes = wav(make());
  writeFileSync(join(OUT_DIR, `${name}.wav`), bytes);
  console.log(`${name}.wav  ${(bytes.length / 1024).toFixed(1)} KB`);
}
