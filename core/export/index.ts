export * from './claim-lines';
export * from './csv';
export * from './fhir';
export * from './x12';
