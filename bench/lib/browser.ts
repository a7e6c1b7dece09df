import type { Summary } from './stats';

export interface BrowserResults {
  chromium: string;
  scrape: { emr: string; rel: string; ms: Summary }[];
  pageLoad: { emr: string; rel: string; contentScriptMs: Summary; taskDeltaMs: Summary }[];
  editToPanel?: { debounceMs: number; afterDebounceMs: Summary; totalMs: Summary };
  coldOpen?: Summary;
}

export async function benchBrowser(_options: { quick: boolean; log: (m: string) => void }): Promise<BrowserResults> {
  throw new Error('not implemented yet');
}
