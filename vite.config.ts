import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { isPhaser, phaserLite } from './scripts/phaser-lite.mjs';

/**
 * The page fetches Phaser and the game's start-up code as soon as it opens (modulepreload)
 * instead of after the entry has run, so they are ready when the entry imports them: the title
 * waits less. They stay their own chunks, cached apart.
 */
function preloadGameChunks(): Plugin {
  return {
    name: 'bbd-preload-game-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c) => c.type === 'chunk' && (c.name === 'phaser' || c.name === 'startGame'),
        );
        const css = chunks.flatMap((c) => (c.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : []));
        return [
          ...chunks.map((c) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` },
            injectTo: 'head' as const,
          })),
          // Their style sheets too: the import waits for them.
          ...css.map((href) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

// Phaser is large and barely tree-shakes: it is built from its sources with only the parts the game
// uses (scripts/phaser-lite.mjs) and gets its own chunk, cached apart from our code.
export default defineConfig({
  base: './',
  publicDir: 'assets',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (isPhaser(id)) return 'phaser';
          return undefined;
        },
      },
    },
  },
  plugins: [
    phaserLite(),
    preloadGameChunks(),
    // Offline and installable (see README "Offline"): Workbox precaches the whole game (every
    // chapter's code, art, sound and chapter 6's digits) once the first visit has loaded, so a
    // classroom that loses its network afterwards still plays every chapter. A new version waits
    // until the player chooses to update (src/app/offline.ts); the save lives in localStorage and
    // is untouched by the swap.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Black Box Dog · 黑箱小狗',
        short_name: 'Black Box Dog',
        description: 'Train Bit the dog and learn how AI learns. 训练小狗 Bit，看懂 AI 如何学习。',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'fullscreen',
        orientation: 'landscape',
        background_color: '#2b2d42',
        theme_color: '#2b2d42',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The digits (1.6 MB) are precached too: a class that goes offline after the first visit
        // can still open chapter 6; the worker fetches them in the background after the title is up.
        globPatterns: ['**/*.{js,css,html,svg,png,wav,gz,json,wasm,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit's page is served from the cache as soon as the worker is ready, so a
        // network that drops right after the title still lets every chapter open.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
});
