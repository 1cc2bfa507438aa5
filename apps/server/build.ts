// pnpm --filter @jouwbot/server build — the production server as plain JavaScript, so `pnpm start`
// runs `node dist/index.js` on any supported Node (20 has no type stripping) without tsx.
//
// src/index.ts and the workspace packages it imports (@jouwbot/*, shipped as TypeScript sources)
// are bundled into dist/index.js; npm dependencies stay external and are loaded from node_modules
// at run time, so native and wasm packages (@node-rs/argon2, PGlite) load their files as usual.
//
// Two things a bundle would otherwise break, handled here instead of in the sources:
// - Data files found next to a module (`new URL('../../../drizzle', import.meta.url)`: migrations,
//   the course's demo media, common-passwords.txt, the built web client, the repository root for
//   .data/) — every bundled module keeps its own source file's URL as `import.meta.url`, so those
//   paths resolve exactly as they do under tsx. The bundle therefore runs inside this checkout
//   (as it must anyway: its dependencies are this checkout's node_modules).
// - pnpm gives each package only its own dependencies, and in the bundle every import is made
//   from apps/server/dist/. So apps/server/package.json declares every npm package that bundled
//   code imports, and the build fails — naming the package — when one is missing or when the
//   server would get a different copy than the package that imports it (another version or
//   peer set), instead of the server failing at run time.
import { readFile, rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { dirname, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'

const serverDir = fileURLToPath(new URL('.', import.meta.url))
const outdir = fileURLToPath(new URL('./dist', import.meta.url))
const builtins = new Set(builtinModules)
const declared = new Set(
  Object.keys((JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies),
)

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

const sourceImportMeta: Plugin = {
  name: 'source-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes('/node_modules/') && !args.path.includes('/@jouwbot/')) return undefined
      const url = pathToFileURL(args.path).href
      const source = await readFile(args.path, 'utf8')
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(url))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' }
    })
  },
}

const externalNpmPackages: Plugin = {
  name: 'external-npm-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'checking') return undefined
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { path: args.path, external: true }
      if (args.path.startsWith('@jouwbot/')) return undefined // bundled: esbuild resolves the workspace link
      const options = { kind: args.kind, pluginData: 'checking' }
      const fromImporter = await build.resolve(args.path, { ...options, resolveDir: args.resolveDir })
      const fromServer = await build.resolve(args.path, { ...options, resolveDir: serverDir })
      const importer = relative(serverDir, args.importer)
      const name = packageName(args.path)
      if (fromServer.errors.length > 0 || !declared.has(name)) {
        return { errors: [{ text: `${importer} imports "${args.path}": add ${name} to apps/server/package.json dependencies (same version range as its package)` }] }
      }
      if (fromImporter.errors.length === 0 && fromImporter.path !== fromServer.path) {
        return {
          errors: [
            {
              text: `${importer} imports "${args.path}" from ${fromImporter.path}, but the server would load ${fromServer.path}: give ${name} the same version range in apps/server/package.json`,
            },
          ],
        }
      }
      return { path: args.path, external: true }
    })
  },
}

await rm(outdir, { recursive: true, force: true })
const started = Date.now()
await build({
  // index.js, and prepare.js: the child that prepares the embedded database on a first start
  // (data-folder-preparation.ts finds it next to the entry the server was started from).
  entryPoints: ['index', 'prepare'].map((name) => fileURLToPath(new URL(`./src/${name}.ts`, import.meta.url))),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalNpmPackages, sourceImportMeta],
})
console.log(`apps/server/dist/index.js and prepare.js built in ${Date.now() - started} ms`)
