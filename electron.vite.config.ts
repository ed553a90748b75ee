// Builds the three parts: main (Electron shell and the browser-mode host), preload, renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { RollupLog } from 'rollup'

/** zod ships comments Rollup cannot place; the warning is harmless and drowns real ones. */
function onwarn(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return
  warn(warning)
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        onwarn,
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          'extract-worker': resolve(__dirname, 'src/main/services/import/extract-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages, so everything it uses is bundled into one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        onwarn,
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // The React Compiler memoises components and their elements, so a change re-renders only what it touches.
    plugins: [react({ babel: { plugins: ['babel-plugin-react-compiler'] } })],
    build: {
      minify: false,
      rollupOptions: { onwarn, input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
