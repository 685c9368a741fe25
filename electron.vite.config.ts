import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/** Puts the site build's worker entry beside the main bundle (see setRenderWorkerUrl in main). */
function siteRenderWorker(): Plugin {
  return {
    name: 'folio-site-render-worker',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'renderWorker.mjs',
        source: readFileSync(resolve(__dirname, 'src/core/site/renderWorker.mjs'), 'utf8'),
      })
    },
  }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The site build renders article bodies in worker threads that import this module.
          renderBody: resolve(__dirname, 'src/core/site/renderBody.ts'),
        },
      },
    },
    plugins: [siteRenderWorker()],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot require() modules: bundle everything into one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // NOTE: the preview renders in a Web Worker, which has no DOM. Two packages of the Markdown
    // pipeline (hast-util-from-html-isomorphic, decode-named-character-reference) ship a `worker`
    // build that must win over their DOM-based `browser` build.
    resolve: { conditions: ['worker', 'module', 'browser', 'development|production'] },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    worker: { format: 'es' },
    plugins: [react()],
  },
})
