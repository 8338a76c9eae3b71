import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Our layout (src-main, src-renderer) differs from electron-vite's default, so every entry is explicit.
export default defineConfig({
  main: {
    build: {
      // The libvirt binding's wrapper is TypeScript inside the repo: bundle it; its .node is found at run time.
      externalizeDeps: { exclude: ['@neighborhood/libvirt'] },
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          // Browser mode: the same core behind HTTP + WebSocket, run by plain Node (no Electron import).
          serve: resolve('src-main/serve/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file.
      rollupOptions: {
        input: { preload: resolve('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [svelte()],
    build: {
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
