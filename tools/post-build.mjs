// Trunk post-build hook (node, which every machine of ours has). On the staged build it:
//  1. puts the first screens (src/bin/prerender.rs) and the start-up script (static/startup.js, in
//     place of Trunk's loader and preload links) into index.html, and pins the
//     Content-Security-Policy: only our own scripts and wasm, the inline script and stylesheet
//     allowed by their hashes, no inline handlers or style attributes, nothing from another origin;
//  2. in release builds, shortens the wasm's import names (tools/short-imports.mjs) and minifies the
//     wasm-bindgen JS glue (Trunk minifies HTML and CSS, not that file);
//  3. writes sw.js with the exact list of this build's hashed files and a version derived from them;
//  4. in release builds, writes precompressed .gz and .br files beside every text asset, for static
//     hosts that serve them (README, Hosting); they are neither precached nor part of the version.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { shortenImports } from "./short-imports.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this from a Trunk hook");
const root = new URL("..", import.meta.url).pathname;

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
// Trunk's loader (an inline module that imports the JS glue and starts the wasm at once) and its
// preload links give way to the start-up script, which starts the app after the first paint where
// the first screen is a real page (static/startup.js): take the two file names from the loader.
const loaderTag = /<script type="?module"?>([\s\S]*?)<\/script>/;
const loader = html.match(loaderTag)?.[1];
if (!loader) throw new Error("index.html has no loader from Trunk to replace");
const glueFile = loader.match(/from\s*['"](\.\/[^'"]+\.js)['"]/)?.[1];
const wasmFile = loader.match(/module_or_path:\s*['"](\.\/[^'"]+\.wasm)['"]/)?.[1];
if (!glueFile || !wasmFile) throw new Error(`Trunk's loader names no glue or wasm: ${loader}`);
html = html.replace(loaderTag, "");
const preloads = /<link\b[^>]*\brel="?(?:modulepreload|preload)"?[^>]*>/g;
const preloaded = html.match(preloads) ?? [];
if (preloaded.length !== 2 || !preloaded.every((l) => l.includes(glueFile.slice(2)) || l.includes(wasmFile.slice(2))))
  throw new Error(`expected Trunk's two preload links for the glue and the wasm, found: ${preloaded.join(" ")}`);
html = html.replace(preloads, "");
// The start-up script goes in here, minified by terser: Trunk's minifier reorders an inline script's
// functions from one build to the next, which would change the CSP hash and the worker's version.
const startupTag = /<script id="?startup"?><\/script>/;
if (!startupTag.test(html)) throw new Error("index.html has no <script id=startup></script> to fill");
const { minify: terserMinify } = await import("terser");
const startupSource = readFileSync(join(root, "static/startup.js"), "utf8");
if (!startupSource.includes("__GLUE__") || !startupSource.includes("__WASM__"))
  throw new Error("static/startup.js has no __GLUE__ and __WASM__ to fill in");
const startup = (
  await terserMinify(startupSource.replace("__GLUE__", glueFile).replace("__WASM__", wasmFile), { compress: true, mangle: true })
).code;
html = html.replace(startupTag, () => `<script>${startup}</script>`);
// The first screens rendered by the app's own components (Trunk's pre-build hook runs
// src/bin/prerender.rs): the home screen and the others' templates, each with the loading line the
// start-up script shows when the app is slow or cannot start.
const shellTag = /<template id="?prerendered"?><\/template>/;
if (!shellTag.test(html)) throw new Error("index.html has no <template id=prerendered></template> to fill");
const screens = readFileSync(join(root, "target/prerender/shell.html"), "utf8");
const mainTag = '<main id="main" tabindex="-1">';
const templates = screens.split("<template ").length - 1;
if (screens.split(mainTag).length - 1 !== templates + 1)
  throw new Error(`the prerendered screens need one ${mainTag} each (${templates + 1})`);
const loading = '<p class="app-loading sr-only" role="status">Loading the practice app…</p>';
html = html.replace(shellTag, () => screens.replaceAll(mainTag, mainTag + loading));
// The stylesheet goes inline, as Trunk minified it: a phone's first paint then needs one round trip
// (index.html), not two. The app uses the same stylesheet once it runs; it is not fetched again.
const stylesheetTag = html.match(/<link\b[^>]*>/g)?.find((l) => /\brel="?stylesheet"?/.test(l));
const stylesheet = stylesheetTag?.match(/\bhref="?\.\/([^"\s>]+\.css)/)?.[1];
if (!stylesheet) throw new Error("index.html has no stylesheet link from Trunk to put inline");
const css = readFileSync(join(staging, stylesheet), "utf8");
if (css.includes("</")) throw new Error(`${stylesheet} holds "</", which would end an inline <style> early`);
html = html.replace(stylesheetTag, () => `<style>${css}</style>`);
rmSync(join(staging, stylesheet));
const sha256 = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => sha256(body));
const styleHashes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, body]) => sha256(body));
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  `style-src 'self' ${styleHashes.join(" ")}`.trim(),
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "font-src 'none'",
  "media-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
if (!html.includes('http-equiv="Content-Security-Policy"')) {
  // Release builds arrive minified (`<meta charset=utf-8>`), others as written.
  const charset = /<meta charset="?utf-8"?\s*\/?>/i;
  if (!charset.test(html)) throw new Error("index.html has no <meta charset> to put the CSP after");
  html = html.replace(charset, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
}
writeFileSync(indexPath, html);

// Neither the glue nor the wasm carries an integrity attribute (the start-up script loads them),
// so in release builds both can be rewritten: short import names, then terser on the glue.
const release = process.env.TRUNK_PROFILE === "release";
const { minify } = release ? await import("terser") : {};
const minified = async (code, module) => (release ? (await minify(code, { module, compress: true, mangle: true })).code : code);
for (const f of readdirSync(staging).filter((f) => f.endsWith(".js") && f !== "sw.js")) {
  const path = join(staging, f);
  let glue = readFileSync(path, "utf8");
  const wasmPath = join(staging, f.replace(/\.js$/, "_bg.wasm"));
  if (release && existsSync(wasmPath)) {
    const short = shortenImports(readFileSync(wasmPath), glue);
    writeFileSync(wasmPath, short.wasm);
    glue = short.glue;
    console.log(`post-build: ${short.count} wasm imports renamed`);
  }
  writeFileSync(path, await minified(glue, true));
}

const precompressed = /\.(gz|br)$/;
const files = readdirSync(staging)
  .filter((f) => statSync(join(staging, f)).isFile() && f !== "sw.js" && !precompressed.test(f))
  .sort();
const version = createHash("sha256");
for (const f of files) version.update(f).update(readFileSync(join(staging, f)));
// Not "./": a host without directory indexes would fail it; the worker maps the scope to index.html.
const precache = files.map((f) => `./${f}`);
const missing = [...html.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g), ...html.matchAll(/["'](\.\/[^"'\s]+\.(?:js|wasm))["']/g)]
  .map((m) => m[1] ?? m[2] ?? m[3])
  .filter((r) => r && !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(r))
  .map((r) => r.replace(/^\.\//, ""))
  .filter((r) => !files.includes(r));
if (missing.length) throw new Error(`index.html refers to files that are not in the build: ${missing.join(", ")}`);
const sw = readFileSync(join(root, "static/sw.js"), "utf8")
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__FILES__", JSON.stringify(precache));
writeFileSync(join(staging, "sw.js"), await minified(sw, false));
console.log(`post-build: CSP with ${hashes.length} inline script and ${styleHashes.length} style hash(es); sw.js precaches ${precache.length} entries`);

// Both encoders are deterministic (gzip writes no time stamp from node's zlib), so the build stays
// byte-for-byte reproducible.
if (release) {
  const text = /\.(wasm|js|css|html|webmanifest|md)$/;
  const assets = readdirSync(staging).filter((f) => text.test(f));
  for (const f of assets) {
    const bytes = readFileSync(join(staging, f));
    writeFileSync(join(staging, `${f}.gz`), gzipSync(bytes, { level: 9 }));
    writeFileSync(
      join(staging, `${f}.br`),
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    );
  }
  console.log(`post-build: ${assets.length} text assets precompressed (.gz and .br)`);
}
