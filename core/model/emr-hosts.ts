/**
 * EMR hosts the user can enable. Each is requested at runtime as an optional host
 * permission; nothing runs on an EMR until the user grants it. Hosts come from
 * /work/shared/domain/emr-layouts.md (public automation code and vendor help).
 */
export interface EmrHostPreset {
  id: string;
  label: string;
  origins: string[];
  note?: string;
}

export const EMR_HOST_PRESETS: readonly EmrHostPreset[] = [
  { id: 'ema', label: 'Modernizing Medicine EMA', origins: ['https://*.ema.md/*', 'https://*.modmedapp.com/*'] },
  {
    id: 'athena',
    label: 'athenaOne',
    origins: ['https://*.athenahealth.com/*'],
    note: 'Charts render in nested frames; DermLens reads every frame of the page.',
  },
  {
    id: 'nextech',
    label: 'Nextech (IntelleChartPRO web)',
    origins: ['https://*.intellechart.net/*'],
    note: 'Nextech Practice desktop/NexCloud sessions are not web pages and cannot be read.',
  },
  { id: 'ecw', label: 'eClinicalWorks', origins: ['https://*.eclinicalweb.com/*'] },
  {
    id: 'epic',
    label: 'Epic (EpicCare Link)',
    origins: [],
    note: 'Each organisation hosts its own Epic web address: add it below as a custom host, e.g. https://epiccarelink.example.org/*',
  },
];

/** An EMR host the user may grant: https only, one host or a *.domain wildcard, the whole site. */
export const EMR_HOST_PATTERN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/;

/** "epiccarelink.example.org" or "https://epiccarelink.example.org/x" → "https://epiccarelink.example.org/*". */
export function normalizeHostInput(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return '';
  const withScheme = /^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  const m = /^([a-z]+):\/\/([^/]+)/.exec(withScheme);
  if (!m) return trimmed;
  return `${m[1]}://${m[2]}/*`;
}

/** Why a host entry cannot be used, or undefined when it is fine. */
export function hostProblem(origin: string): string | undefined {
  if (!origin.startsWith('https://')) return `${origin}: only https:// EMR addresses are allowed`;
  if (/^https:\/\/\*\/|^https:\/\/\*\.(com|org|net|md|edu|gov)\/\*$/.test(origin)) return `${origin}: too broad; name the EMR's own domain`;
  if (!EMR_HOST_PATTERN.test(origin)) return `${origin}: not a host pattern like https://emr.example.org/* or https://*.example.org/*`;
  return undefined;
}
