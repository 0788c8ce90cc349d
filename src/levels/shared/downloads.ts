// Progress of the large downloads a chapter waits for before it can start (chapter 6's digits),
// for whoever draws a progress bar. Plain listeners: no DOM here.
export interface DownloadProgress {
  /** What is downloading, e.g. 'digits'. */
  what: string;
  loaded: number;
  /** Total bytes when the server said, else 0. */
  total: number;
  done: boolean;
}

type Listener = (p: DownloadProgress) => void;
const listeners = new Set<Listener>();

export function onDownloadProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportDownload(p: DownloadProgress): void {
  for (const l of listeners) l(p);
}
