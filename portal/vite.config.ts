import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The public portal: kept free of designer code so clients download little.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
