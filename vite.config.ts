import { defineConfig } from 'vite';

// Phaser is large and barely tree-shakes: it gets its own chunk so the first load stays small
// and the browser can cache it apart from our code.
export default defineConfig({
  base: './',
  publicDir: 'assets',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/phaser')) return 'phaser';
          return undefined;
        },
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
});
