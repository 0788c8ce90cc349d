// A verification worker's entry point. Node 20 cannot start a worker thread on a .ts file, so this
// small module registers tsx's loader in the worker first and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./verifyWorkerMain.ts');
