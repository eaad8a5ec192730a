import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard is served by the Sentri server from dist/; in development Vite proxies the API to it. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3001', '/health': 'http://127.0.0.1:3001', '/cli': 'http://127.0.0.1:3001' },
  },
});
