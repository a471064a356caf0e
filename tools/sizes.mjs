// Byte sizes for `./x bench`: gzip and brotli of the build, of a build with an empty bank, and of the
// bank's own source files (the floor for shipping that content). Prints one JSON object.
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [dist, distNoBank, bankDir] = process.argv.slice(2);
// The precompressed copies (.gz, .br) are alternatives to their originals, not more bytes to load.
const files = (dir) =>
  readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile() && !/\.(gz|br)$/.test(f))
    .map((f) => join(dir, f));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sum = (list, f) => list.reduce((n, p) => n + f(readFileSync(p)), 0);
const pick = (dir, re) => files(dir).filter((p) => re.test(p));

const all = files(dist);
// The bank's source as baked: its questions and the service catalogue's cards (bank/meta/services.toml).
const bankSources = [...pick(bankDir, /\.toml$/).sort(), ...pick(join(bankDir, "meta"), /^.*services\.toml$/)];
const bankText = Buffer.concat(bankSources.map((p) => readFileSync(p)));
console.log(JSON.stringify({
  wasm_gz: sum(pick(dist, /\.wasm$/), gz),
  wasm_br: sum(pick(dist, /\.wasm$/), br),
  js_gz: sum(pick(dist, /\.js$/), gz),
  css_gz: sum(pick(dist, /\.css$/), gz),
  total_gz: sum(all, gz),
  total_br: sum(all, br),
  app_without_bank_gz: sum(files(distNoBank), gz),
  app_without_bank_br: sum(files(distNoBank), br),
  bank_text_gz: gz(bankText),
}));
