// The real handwritten digits the boss network learns from (assets/data/mnist.bin.gz), loaded once
// when chapter 6 first opens: fetched with progress in a browser, read from disk in Node (tests,
// `npm run verify`, the classroom server). Node's file reader is reached through
// process.getBuiltinModule, so no browser bundle ever sees a Node import.
import { decodeMnistAsset, MNIST_ASSET_URL, mnistDataset, type MnistData } from '../../engine/data';
import type { Dataset } from '../../engine';
import { reportDownload } from '../shared/downloads';

export interface BossDigits {
  readonly data: MnistData;
  /** The 8,000 training digits as sparse inputs with their labels. */
  readonly train: Dataset;
  /** The 2,000 held-out digits the net never trains on. */
  readonly test: Dataset;
}

export function prepareDigits(data: MnistData): BossDigits {
  return { data, train: mnistDataset(data, 'train'), test: mnistDataset(data, 'test') };
}

type NodeFs = { readFileSync(path: URL): Uint8Array };

function nodeFs(): NodeFs | null {
  const proc = (
    globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }
  ).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return null;
  return (proc.getBuiltinModule('node:fs') as NodeFs | undefined) ?? null;
}

async function fetchWithProgress(url: string): Promise<Uint8Array> {
  // The bar shows from the first moment, before the server has answered; a failure takes it away.
  reportDownload({ what: 'digits', loaded: 0, total: 0, done: false });
  let response: Response;
  try {
    response = await fetch(url);
    if (!response.ok) throw new Error(`The digits (${url}) answered ${response.status}`);
  } catch (err) {
    reportDownload({ what: 'digits', loaded: 0, total: 0, done: true });
    throw err;
  }
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    reportDownload({ what: 'digits', loaded: bytes.length, total, done: true });
    return bytes;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.length;
    reportDownload({ what: 'digits', loaded, total, done: false });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  reportDownload({ what: 'digits', loaded, total, done: true });
  return bytes;
}

// Built from parts so that the bundler does not take it for an asset to copy (the page fetches
// the one in assets/, served as data/mnist.bin.gz).
const ASSET_FROM_HERE = ['..', '..', '..', 'assets', 'data', 'mnist.bin.gz'].join('/');

let loading: Promise<BossDigits> | null = null;

/** The digits, loaded on first call and kept. A failed download is tried again on the next call. */
export function loadDigits(url: string = MNIST_ASSET_URL): Promise<BossDigits> {
  if (!loading) {
    const fs = nodeFs();
    loading = (async () => {
      const bytes = fs ? fs.readFileSync(new URL(ASSET_FROM_HERE, import.meta.url)) : await fetchWithProgress(url);
      return prepareDigits(await decodeMnistAsset(bytes));
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
