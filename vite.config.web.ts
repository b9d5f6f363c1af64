// Builds the dashboard (src/web) into dist/web, which the analyst service serves. The app uses
// preact's `h()` rather than JSX, so no JSX transform or plugin is needed; everything is
// bundled locally (no CDN) so the dashboard works without outside network access.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  base: "/",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
});
