import type { browser as wxtBrowser } from 'wxt/browser';

/**
 * `wxt/browser` in the reader of a Chrome/Edge build (wxt.config.ts aliases it here when the loader imports the
 * reader): the API is `chrome` there. WXT's module decides between `browser` and `chrome` at run time, in bytes the
 * 40 kB budget of the content script is short of.
 */
export const browser = (globalThis as unknown as { chrome: typeof wxtBrowser }).chrome;
