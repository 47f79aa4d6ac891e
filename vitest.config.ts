import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Starting PGlite or Chromium takes tens of seconds on a busy two-core machine.
    hookTimeout: 120_000,
  },
});
