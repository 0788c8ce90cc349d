// The art (our SVGs, rasterised into textures) loads in stages so the title waits only for its
// own pictures: the boot scene loads those, and once the title is up the rest follows in the
// background, the map's pictures first, then those every screen shares; a chapter's own pictures
// (chapter 2's fruit, say) load when it opens. A scene shown before its pictures are in waits for
// them with a small loading line (BaseScene.withArt), and a chapter opens only once its pictures
// are in (startGame's prepareChapter), so no scene ever draws a missing texture.
import Phaser from 'phaser';
import { ART, BACKGROUNDS, MAP_ART, type TextureKey } from './keys';
import { GAME_HEIGHT, GAME_WIDTH } from './ui/htmlLayer';

/** Every picture the game has. */
export const ALL_ART: readonly TextureKey[] = [...BACKGROUNDS, ...ART];

/**
 * Pictures only some chapters draw (by name prefix): they load when one of those chapters opens,
 * never behind the title or the map.
 */
const CHAPTER_ONLY: readonly { prefix: string; chapters: readonly number[] }[] = [
  { prefix: 'fruit-', chapters: [2, 3] },
  { prefix: 'seller-', chapters: [2, 3] },
  { prefix: 'lamp-', chapters: [2, 3] },
  { prefix: 'weather-', chapters: [2, 3] },
  { prefix: 'ch4-', chapters: [4] },
  { prefix: 'ch5-', chapters: [5] },
];

function chaptersOf(key: TextureKey): readonly number[] | null {
  return CHAPTER_ONLY.find((c) => key.startsWith(c.prefix))?.chapters ?? null;
}

/** The pictures every screen may draw (Bit, the yard, stars...): loaded once the title is up. */
export const SHARED_ART: readonly TextureKey[] = ALL_ART.filter((k) => chaptersOf(k) === null);

/** What a chapter may draw: the shared pictures and its own. */
export function chapterArt(chapter: number): readonly TextureKey[] {
  return ALL_ART.filter((k) => chaptersOf(k)?.includes(chapter) ?? true);
}

export class ArtLoader {
  private scene: Phaser.Scene | null = null;
  private readonly failed = new Set<TextureKey>();
  private readonly requested = new Set<TextureKey>();
  /** Pictures asked for before a scene was attached (a chapter opened before the engine was up). */
  private waiting: TextureKey[] = [];
  private readonly listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly baseUrl: string) {}

  /**
   * Loads through this scene's loader from now on (the boot scene, which keeps running under the
   * others, so its loader keeps working).
   */
  attach(scene: Phaser.Scene): void {
    this.scene = scene;
    const ours = new Set<string>(ALL_ART);
    const canvasRenderer = scene.sys.game.config.renderType === Phaser.CANVAS;
    scene.textures.on(Phaser.Textures.Events.ADD, (key: string, texture: Phaser.Textures.Texture) => {
      if (!ours.has(key)) return;
      if (canvasRenderer) flatten(texture);
      this.changed();
    });
    scene.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => {
      this.failed.add(file.key as TextureKey);
      this.requested.delete(file.key as TextureKey);
      this.changed();
      // A dropped network: try the missing pictures again a little later and when it is back.
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.retry(), 3000);
    });
    addEventListener('online', () => this.retry());
    const asked = this.waiting;
    this.waiting = [];
    if (asked.length > 0) this.request(asked);
  }

  /**
   * Starts loading what any screen may need next: the map's pictures first, then the shared ones.
   * A chapter's own pictures wait until it opens (chapterArt).
   */
  loadRest(): void {
    this.request(MAP_ART);
    this.request(SHARED_ART);
  }

  /** Whether all these pictures are textures already. */
  has(keys: readonly TextureKey[]): boolean {
    const textures = this.scene?.textures;
    return !!textures && keys.every((k) => textures.exists(k));
  }

  /** The share of these pictures that are in, 0 to 1. */
  progress(keys: readonly TextureKey[]): number {
    const textures = this.scene?.textures;
    if (!textures || keys.length === 0) return textures ? 1 : 0;
    return keys.filter((k) => textures.exists(k)).length / keys.length;
  }

  /** Asks for these pictures (any not in and not yet asked for), without waiting. */
  want(keys: readonly TextureKey[]): void {
    this.request(keys);
  }

  /** Calls `listener` whenever a picture arrives or fails; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once all these pictures are in (asking for any not yet asked for); rejects if one
   * of them could not be downloaded (it is tried again later and when the network is back).
   */
  whenReady(keys: readonly TextureKey[]): Promise<void> {
    this.request(keys);
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.has(keys)) {
          stop();
          resolve();
        } else if (keys.some((k) => this.failed.has(k))) {
          stop();
          reject(new Error(`Pictures could not be downloaded: ${keys.filter((k) => this.failed.has(k)).join(', ')}`));
        }
      };
      const stop = this.onChange(check);
      check();
    });
  }

  /** Asks again for the pictures that failed. */
  retry(): void {
    if (this.failed.size === 0) return;
    const again = [...this.failed];
    this.failed.clear();
    this.request(again);
  }

  private request(keys: readonly TextureKey[]): void {
    const scene = this.scene;
    if (!scene) {
      this.waiting.push(...keys);
      return;
    }
    const fresh = keys.filter((k) => !this.requested.has(k) && !scene.textures.exists(k) && !this.failed.has(k));
    if (fresh.length === 0) return;
    this.queue(fresh);
    // Files added while the loader runs join its queue; otherwise a new round starts.
    if (!scene.load.isLoading()) scene.load.start();
  }

  private queue(keys: readonly TextureKey[]): void {
    const scene = this.scene;
    if (!scene) return;
    const backgrounds: readonly string[] = BACKGROUNDS;
    for (const key of keys) {
      this.requested.add(key);
      // Rasterised at twice their display size so they stay crisp when scaled up; backgrounds
      // at the game's size.
      const size = backgrounds.includes(key) ? { width: GAME_WIDTH, height: GAME_HEIGHT } : { width: 512, height: 512 };
      scene.load.svg(key, `${this.baseUrl}art/${key}.svg`, size);
    }
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * The canvas renderer draws a texture's image on every frame, and an SVG image is drawn from its
 * vectors each time: a full-screen backdrop and a few characters cost a slow laptop most of its
 * frame. A bitmap copy, made once when the picture arrives, is only copied. (WebGL uploads the
 * picture as a bitmap once anyway.)
 */
function flatten(texture: Phaser.Textures.Texture): void {
  const source = texture.source[0];
  const image = source?.image;
  if (!(image instanceof HTMLImageElement) || !source.width || !source.height) return;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.drawImage(image, 0, 0, source.width, source.height);
  source.image = canvas;
  source.isCanvas = true;
}
