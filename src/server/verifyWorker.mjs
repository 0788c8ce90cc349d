// A verification worker's entry point. Node 20 cannot start a worker thread on a .ts file, so this
// small module registers tsx's loader in the worker first and then loads the TypeScript worker.
// The packages the replays use are loaded before the loader, by Node alone, which is faster (see
// start.mjs).
await Promise.all(['xstate', 'zod', 'zod/mini'].map((name) => import(name)));
const { register } = await import('tsx/esm/api');
register();
await import('./verifyWorkerMain.ts');
