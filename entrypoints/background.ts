import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wired in the foundation slice: snapshot → parse → code → store → notify.
});
