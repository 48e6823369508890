// Builds the console into dist/: the app bundle and stylesheet, index.html, and the vendor files the API
// docs pages (Swagger UI, ReDoc) and the browser tests (axe-core) load from this origin, so that nothing is
// fetched from a CDN and everything works offline after `npm ci`.
// Usage: node build.mjs [--watch]
import { copyFile, mkdir, readdir, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const require = createRequire(import.meta.url);
const watch = process.argv.includes("--watch");

/** The directory of an installed package (resolved through its package.json, which every package has). */
function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

async function copy(from, to) {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

async function vendor() {
  const swagger = packageDir("swagger-ui-dist");
  for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"]) {
    await copy(join(swagger, file), join(dist, "vendor/swagger-ui", file));
  }
  // ReDoc's standalone bundle lives in its bundles/ directory; look it up rather than hard-code a layout.
  const redocBundles = join(packageDir("redoc"), "bundles");
  const standalone = (await readdir(redocBundles)).find((f) => f === "redoc.standalone.js");
  if (!standalone) throw new Error(`redoc.standalone.js not found in ${redocBundles}`);
  await copy(join(redocBundles, standalone), join(dist, "vendor/redoc/redoc.standalone.js"));
  await copy(join(packageDir("axe-core"), "axe.min.js"), join(dist, "vendor/axe/axe.min.js"));
}

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
};

async function main() {
  await rm(dist, { recursive: true, force: true });
  const app = {
    ...common,
    entryPoints: { app: "src/main.tsx" },
    outdir: join(dist, "assets"),
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    jsx: "automatic",
    jsxImportSource: "preact",
    define: { "process.env.NODE_ENV": '"production"' },
  };
  const css = { ...common, entryPoints: { app: "src/styles.css" }, outdir: join(dist, "assets") };
  await copy(join(here, "src/index.html"), join(dist, "index.html"));
  await vendor();
  if (watch) {
    const contexts = await Promise.all([esbuild.context(app), esbuild.context(css)]);
    await Promise.all(contexts.map((c) => c.watch()));
    console.log("watching src/ (index.html is copied at start only)");
    return;
  }
  await esbuild.build(app);
  await esbuild.build(css);
  const sizes = [];
  for (const file of ["app.js", "app.css"]) {
    const { size } = await stat(join(dist, "assets", file));
    sizes.push(`${file} ${(size / 1024).toFixed(1)} KiB`);
  }
  console.log(`console built into ${dist}: ${sizes.join(", ")}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
