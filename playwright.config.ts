import { defineConfig } from '@playwright/test';

const port = Number(process.env.DEMO_PORT ?? 5178);

/**
 * End-to-end: the BUILT extension (.output/chrome-mv3, `npm run test:e2e` builds
 * first) in Debian Chromium, against the demo charts served on loopback.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: `http://localhost:${port}`, trace: 'retain-on-failure' },
  webServer: {
    command: 'node demo/server.mjs',
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 15_000,
  },
});
