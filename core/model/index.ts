export * from './claim';
export * from './encounter';
export * from './settings';
export * from './snapshot';
