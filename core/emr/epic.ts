import { defineAdapter } from './define-adapter';

export const epicAdapter = defineAdapter({
  id: 'epic',
  name: 'epic',
  hosts: [],
  signature: () => false,
  sections: () => [],
  identity: () => ({}),
});
