// The boss network's training worker (a module worker bundled by Vite): the page stays smooth
// while the net trains. All the logic is the handler in levels/ch6/bossWorkerProtocol.ts, which
// tests run in Node; this file only connects it to the worker's messages.
import { createBossWorkerHandler, type BossWorkerRequest } from '../../levels/ch6/bossWorkerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createBossWorkerHandler(
  (reply, transfer) => scope.postMessage(reply, transfer),
  () => performance.now(),
);
scope.onmessage = (e: MessageEvent<BossWorkerRequest>) => handle(e.data);
