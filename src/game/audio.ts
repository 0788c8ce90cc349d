// The only module that knows Howler. Sound effects and the music loop are WAV files made by
// scripts/make-audio.mjs. Important sounds also raise a caption, so nothing depends on hearing.
import { Howl, Howler } from 'howler';

export type SoundKey = 'treat' | 'scold' | 'click' | 'success' | 'failure' | 'complete' | 'lamp' | 'book' | 'tick';
const SOUND_KEYS: readonly SoundKey[] = [
  'treat',
  'scold',
  'click',
  'success',
  'failure',
  'complete',
  'lamp',
  'book',
  'tick',
];
/** How long the player's presses must pause before Web Audio starts (startWhenQuiet). */
const QUIET_MS = 1500;
const CAPTIONED: ReadonlySet<SoundKey> = new Set(['treat', 'scold', 'success', 'failure', 'complete', 'lamp', 'book']);

export class GameAudio {
  private readonly sounds = new Map<SoundKey, Howl>();
  private music: Howl | null = null;
  private muted = false;
  private volume = 1;
  /**
   * Whether Howler has been touched: its first call creates the AudioContext (about 0.1 s on a
   * slow machine), so that waits until the sounds load behind the title or one is played.
   */
  private started = false;
  private startQueued = false;
  /** A quiet moment came while muted, so Web Audio was not started (until the sound is on). */
  private heldForMute = false;
  private musicWanted = false;
  /** The last sound asked for, for the test API. */
  lastPlayed: SoundKey | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly onCaption: (key: SoundKey) => void,
  ) {}

  load(): void {
    this.start();
    for (const key of SOUND_KEYS) {
      if (!this.sounds.has(key))
        this.sounds.set(key, new Howl({ src: [`${this.baseUrl}audio/${key}.wav`], preload: true }));
    }
  }

  play(key: SoundKey): void {
    this.lastPlayed = key;
    if (CAPTIONED.has(key)) this.onCaption(key);
    if (this.muted) return;
    // Not in the middle of a press: the first sound waits for Web Audio to start (startWhenQuiet); it
    // would come late, so it is left out.
    if (!this.started) {
      this.startWhenQuiet();
      return;
    }
    this.load();
    this.sounds.get(key)?.play();
  }

  /**
   * A short synthesised note, for sounds that carry a number (chapter 5: the loss as pitch, one
   * note per footstep). Made live with Web Audio, so any pitch is possible; silent when muted.
   */
  blip(freq: number, ms = 90, gain = 0.08): void {
    this.lastPlayed = 'click';
    if (this.muted) return;
    this.start();
    const ctx = Howler.ctx;
    if (this.muted || !ctx || ctx.state !== 'running' || !Number.isFinite(freq)) return;
    const osc = ctx.createOscillator();
    const amp = ctx.createGain();
    const t = ctx.currentTime;
    osc.type = 'triangle';
    osc.frequency.setValueAtTime(Math.min(2000, Math.max(80, freq)), t);
    amp.gain.setValueAtTime(0, t);
    amp.gain.linearRampToValueAtTime(gain, t + 0.01);
    amp.gain.exponentialRampToValueAtTime(0.0001, t + ms / 1000);
    osc.connect(amp).connect(Howler.masterGain ?? ctx.destination);
    osc.start(t);
    osc.stop(t + ms / 1000 + 0.02);
  }

  startMusic(): void {
    if (!this.started || this.muted) {
      this.musicWanted = true;
      this.startWhenQuiet();
      return;
    }
    if (!this.music) this.music = new Howl({ src: [`${this.baseUrl}audio/music.wav`], loop: true, volume: 0.35 });
    if (!this.music.playing()) this.music.play();
  }

  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
    if (this.started) Howler.volume(this.volume);
  }

  setMuted(muted: boolean): void {
    const unmuted = this.muted && !muted;
    this.muted = muted;
    if (this.started) Howler.mute(muted);
    // A player who turns the sound on gets Web Audio started (and the music asked for) then.
    else if (unmuted) this.startWhenQuiet();
  }

  /**
   * Starts Web Audio (and loads the sounds) once the player has not pressed anything for a
   * moment and the page is idle. Its first call creates the AudioContext, a task that blocks the
   * page (0.1 s on a slow laptop, over a second on a busy machine with no sound card): never
   * inside a press, nor between the quick presses of a player starting the game, which should
   * each show their answer first. The music asked for meanwhile starts then. A muted player's
   * page never starts it (no sound to make, so no reason to block the page): it waits until the
   * sound is turned on (setMuted).
   */
  startWhenQuiet(): void {
    if (this.startQueued || this.started) return;
    this.startQueued = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const go = () => {
      removeEventListener('pointerdown', wait, true);
      removeEventListener('keydown', wait, true);
      this.startQueued = false;
      this.heldForMute = this.muted;
      if (this.muted) return;
      this.load();
      if (this.musicWanted) this.startMusic();
    };
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 1000 });
        else go();
      }, QUIET_MS);
    };
    addEventListener('pointerdown', wait, true);
    addEventListener('keydown', wait, true);
    wait();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    Howler.volume(this.volume);
    Howler.mute(this.muted);
  }

  /** Where starting Web Audio stands (for the test API). */
  get startState(): 'idle' | 'waiting' | 'held-muted' | 'started' {
    if (this.started) return 'started';
    if (this.startQueued) return 'waiting';
    return this.heldForMute ? 'held-muted' : 'idle';
  }

  /** Whether Web Audio is running (for the test API). */
  get contextState(): string {
    return Howler.ctx ? Howler.ctx.state : 'none';
  }
}
