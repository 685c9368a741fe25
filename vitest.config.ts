import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and e2e suites start real servers and a browser; two cores here.
    fileParallelism: true,
    maxWorkers: 2,
    // The preview inlines KaTeX's stylesheet (`?inline`); tests must see the real CSS text.
    css: { include: [/katex/] },
  },
})
