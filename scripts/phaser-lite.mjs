// The Phaser the game ships: built from Phaser's own sources with only the parts the game uses.
// Phaser's published bundle carries Arcade and Matter physics, tilemaps, its sound system, the
// DOM element game object and more, none of which the game uses (sound is Howler's): about a
// quarter of the first download. This Vite plugin resolves `import Phaser from 'phaser'` to an
// entry like Phaser's own `phaser-no-physics.js`, without the systems below, and sets Phaser's
// build flags (which its webpack build sets with DefinePlugin): both renderers, no sound manager,
// no WebGL debugging, no optional plugins. The floor page (bench/baseline) is built with it too,
// so it stays "the same Phaser" as the game's.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PHASER_SRC = join(dirname(require.resolve('phaser/package.json')), 'src');
const ENTRY = '\0phaser-lite';

/** Phaser namespaces the game and the floor use (Phaser.X); the rest stay out of the build. */
const PARTS = {
  Actions: 'actions',
  Animations: 'animations',
  BlendModes: 'renderer/BlendModes',
  Cache: 'cache',
  Cameras: 'cameras',
  Core: 'core',
  Class: 'utils/Class',
  Data: 'data',
  Display: 'display',
  Events: 'events',
  Filters: 'filters',
  Game: 'core/Game',
  GameObjects: 'gameobjects',
  Geom: 'geom',
  Input: 'input',
  Loader: 'loader',
  Math: 'math',
  Plugins: 'plugins',
  Renderer: 'renderer',
  Scale: 'scale',
  ScaleModes: 'renderer/ScaleModes',
  Scene: 'scene/Scene',
  Scenes: 'scene',
  Structs: 'structs',
  Textures: 'textures',
  Time: 'time',
  TintModes: 'renderer/TintModes',
  Tweens: 'tweens',
  Utils: 'utils',
};

const FLAGS = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
  EXPERIMENTAL: false,
};
const FLAG_RE = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

function path(part) {
  const base = join(PHASER_SRC, part);
  try {
    return require.resolve(base);
  } catch {
    return require.resolve(join(base, 'index.js'));
  }
}

/** @returns {import('vite').Plugin} */
export function phaserLite() {
  return {
    name: 'bbd-phaser-lite',
    enforce: 'pre',
    resolveId(id) {
      return id === 'phaser' ? ENTRY : null;
    },
    load(id) {
      if (id !== ENTRY) return null;
      const names = Object.keys(PARTS);
      return [
        `import ${JSON.stringify(path('polyfills/requestVideoFrame'))};`,
        `import CONST from ${JSON.stringify(path('const'))};`,
        `import Extend from ${JSON.stringify(path('utils/object/Extend'))};`,
        ...names.map((n) => `import ${n} from ${JSON.stringify(path(PARTS[n]))};`),
        `const Phaser = Extend(false, { ${names.join(', ')} }, CONST);`,
        'globalThis.Phaser = Phaser;',
        'export default Phaser;',
      ].join('\n');
    },
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC) || !FLAG_RE.test(code)) return null;
      FLAG_RE.lastIndex = 0;
      return { code: code.replace(FLAG_RE, (_m, flag) => String(FLAGS[flag])), map: null };
    },
  };
}

/** Whether a module belongs in the Phaser chunk. */
export function isPhaser(id) {
  return id === ENTRY || id.includes('node_modules/phaser');
}
