import { defineConfig } from 'vite';

// The chat widget other sites include with one <script>: a single self-contained IIFE file, no chunks, no CSS files
// (its styles live inside its Shadow DOM), small (tests/architecture/widget-bundle.test.ts holds it to 40 KB gzip).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    lib: { entry: 'src/main.ts', name: 'OporaWidget', formats: ['iife'], fileName: () => 'widget.js' },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
