import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Opora server under /designer/; `npm run dev -w designer` proxies the API to a local server.
export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
