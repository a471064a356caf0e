// The app's own weight against its budget, for `./x test` and `./x bench`: every file of a build
// made with an empty bank (gzip level 9, as static hosts serve them), leaving out the bank's own
// content that is copied beside the app (its corrections log). Exits 1 over the budget.
//   node tools/budget.mjs DIST_WITHOUT_BANK BUDGET_KB
import { gzipSync } from "node:zlib";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [dir, budgetKb] = process.argv.slice(2);
// Bank content, not code: it grows with the bank and is fetched only when a learner opens it.
const BANK_FILES = new Set(["CHANGES.md"]);
const files = readdirSync(dir).filter(
  (f) => statSync(join(dir, f)).isFile() && !/\.(gz|br)$/.test(f) && !BANK_FILES.has(f),
);
const sizes = files.map((f) => [f, gzipSync(readFileSync(join(dir, f)), { level: 9 }).length]);
const total = sizes.reduce((n, [, s]) => n + s, 0);
for (const [f, s] of sizes.sort((a, b) => b[1] - a[1])) {
  console.error(`    ${(s / 1000).toFixed(1).padStart(7)} KB  ${f}`);
}
const kb = (total / 1000).toFixed(1);
if (total > Number(budgetKb) * 1000) {
  console.error(`the app's own files are ${kb} KB gzip, over the ${budgetKb} KB budget (docs/performance.md)`);
  process.exit(1);
}
console.error(`the app's own files: ${kb} KB gzip, within the ${budgetKb} KB budget`);
console.log(JSON.stringify({ app_own_gz: total, budget_gz: Number(budgetKb) * 1000 }));
