export * from './groups';
export * from './sites';
