import { defineAdapter } from './define-adapter';

export const nextechAdapter = defineAdapter({
  id: 'nextech',
  name: 'nextech',
  hosts: [],
  signature: () => false,
  sections: () => [],
  identity: () => ({}),
});
