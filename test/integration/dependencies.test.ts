import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Every installed package, with the Node versions its package.json says it runs on. */
function installedEngines(dir: string, found: { name: string; node: string }[] = []) {
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (entry.startsWith('@')) {
      installedEngines(full, found);
      continue;
    }
    const manifest = path.join(full, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
    if (pkg.engines?.node) found.push({ name: `${pkg.name}@${pkg.version}`, node: pkg.engines.node });
    if (fs.existsSync(path.join(full, 'node_modules'))) installedEngines(path.join(full, 'node_modules'), found);
  }
  return found;
}

describe('dependencies', () => {
  it('all run on Node 20.19, as well as 22 and 24 (DESIGN.md, Stack)', () => {
    const wanted = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(semver.minVersion(wanted)?.version).toBe('20.19.0');
    const refusing = installedEngines(path.join(root, 'node_modules'))
      .filter((p) => ['20.19.0', '22.12.0', '24.0.0'].some((v) => !semver.satisfies(v, p.node)))
      .map((p) => `${p.name} needs node ${p.node}`);
    expect(refusing).toEqual([]);
  });
});
