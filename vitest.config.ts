import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One module graph per worker process instead of one per test file: importing src/ anew for each of the
    // ~130 files was more than half of the suite's CPU time. Tests therefore must not leave global state behind
    // (restore spies and mocks, reset module-level caches they set).
    isolate: false,
  },
});
