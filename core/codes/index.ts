export * from './catalog';
export * from './code-entry';
