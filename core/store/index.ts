export * from './db';
export * from './fingerprint';
export * from './identity';
export * from './ingest';
export * from './redact';
export * from './repository';
export * from './warm-up';
