// The fault suite: races, kills, damaged files, full and read-only disks, each against what must survive.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/fault/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    fileParallelism: false,
  },
})
