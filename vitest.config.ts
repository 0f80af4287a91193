import { defineConfig } from 'vitest/config';

// Timeouts guard against hangs only; they are not speed targets (those live in `npm run bench`).
// Tests that start a browser or LibreOffice need room on a busy two-core CI machine.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
