import type { Finding } from '../core/model';
import type { Resolution } from '../core/model/messages';

/** A finding as the panel shows it: with its stable fingerprint and the user's decision, if any. */
export interface FindingView extends Finding {
  fingerprint: string;
  resolution?: Resolution;
}

export type PanelView = 'physician' | 'coder';
