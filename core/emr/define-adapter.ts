import type { Scope } from './scope';

/** Section roles a snapshot may carry (core/model/snapshot.ts, kept free of zod here). */
export type SnapshotRole = 'procedure' | 'pathology' | 'assessment' | 'charges' | 'visit' | 'header' | 'note' | 'other';

export interface ChartSection {
  name: string;
  role: SnapshotRole;
  text: string;
}

/** Raw identity as the page shows it; hashed by the background/CLI, never stored. */
export interface ChartIdentity {
  /** "Last, First   MRN: 123" — the name plus the EMR's own patient number when shown. */
  patient?: string;
  dateOfService?: string;
}

export interface AdapterSpec {
  id: string;
  name: string;
  /** Host patterns ("*.ema.md", "athenanet.athenahealth.com"); "*." also matches the bare domain. */
  hosts: readonly string[];
  /** URL paths that identify the EMR on any host (Epic is hosted by each organisation). */
  paths?: readonly RegExp[];
  /** DOM signature: true when the page is this EMR's chart, whatever its address (saved pages). */
  signature(scope: Scope): boolean;
  sections(scope: Scope): ChartSection[];
  identity(scope: Scope): ChartIdentity;
  /** Elements worth observing for changes (the chart panes), for the content script's MutationObserver. */
  sectionRoots?(scope: Scope): Element[];
}

export interface EmrAdapter extends AdapterSpec {
  /** Address or DOM signature. */
  matches(scope: Scope): boolean;
  hostMatches(url: string): boolean;
}

/** One call per EMR (after Refined GitHub's feature files): data plus small functions. */
export function defineAdapter(spec: AdapterSpec): EmrAdapter {
  const hostMatches = (url: string): boolean => {
    const parsed = parseUrl(url);
    if (!parsed) return false;
    if (spec.hosts.some((pattern) => hostPatternMatches(pattern, parsed.host))) return true;
    return (spec.paths ?? []).some((re) => re.test(parsed.path));
  };
  return {
    ...spec,
    hostMatches,
    matches(scope) {
      if (hostMatches(scope.url)) return true;
      try {
        return spec.signature(scope);
      } catch {
        return false;
      }
    },
  };
}

let lastUrl: string | undefined;
let lastParsed: { host: string; path: string } | undefined;

/** Host (lower case, no port or credentials) and path; every adapter asks about the same URL in turn. */
function parseUrl(url: string): { host: string; path: string } | undefined {
  if (url === lastUrl) return lastParsed;
  let parsed: { host: string; path: string } | undefined;
  try {
    const u = new URL(url);
    parsed = u.host || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? { host: u.hostname.toLowerCase(), path: u.pathname } : undefined;
  } catch {
    parsed = undefined;
  }
  lastUrl = url;
  lastParsed = parsed;
  return parsed;
}

export function hostPatternMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  if (!host) return false;
  if (p.startsWith('*.')) {
    const base = p.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === p;
}
