import { defineAdapter } from './define-adapter';

export const athenaAdapter = defineAdapter({
  id: 'athena',
  name: 'athena',
  hosts: [],
  signature: () => false,
  sections: () => [],
  identity: () => ({}),
});
