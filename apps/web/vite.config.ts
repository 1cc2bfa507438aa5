import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const api = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // Modern browsers only; the polyfill would just add bytes to the entry chunk.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod (with the shared schemas) is only needed by pages with forms, which load lazily.
            { name: 'zod', test: /[\\/]node_modules[\\/].*[\\/]zod[\\/]/ },
            // Everything else from node_modules changes less often than the app: its own chunk.
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
})
