import { defineAdapter } from './define-adapter';

export const eclinicalworksAdapter = defineAdapter({
  id: 'eclinicalworks',
  name: 'eclinicalworks',
  hosts: [],
  signature: () => false,
  sections: () => [],
  identity: () => ({}),
});
