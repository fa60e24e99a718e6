/**
 * The layout the README's "Inside" promises, checked on the sources themselves: every provider
 * folder has the same files, simulators are written from the vendor pages (nothing of the
 * adapter side imported), resolvers and the context factory go through the gateway, no
 * index.ts holds logic, and nothing reads the research notes outside this repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child.js';

const SRC = path.join(ROOT, 'src');
const PROVIDERS_DIR = path.join(SRC, 'datasources');
const PROVIDER_FILES = ['README.md', 'adapter.ts', 'client.ts', 'errors.ts', 'inputs.ts', 'mapping.ts', 'module.ts', 'simulator.ts', 'webhooks.ts', 'wire.ts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** Relative imports of a module, resolved to repository paths, with whether they are type-only. */
function imports(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)].map((m) => ({
    target: path.relative(ROOT, path.resolve(path.dirname(file), m[2]!)).replace(/\.js$/, '.ts'),
    typeOnly: Boolean(m[1]),
  }));
}

const providerFolders = readdirSync(PROVIDERS_DIR).filter((n) => statSync(path.join(PROVIDERS_DIR, n)).isDirectory());

describe('the tree', () => {
  it('has four provider folders with the same files in each', () => {
    expect(providerFolders.sort()).toEqual(['avanser', 'delacon', 'exotel', 'voipinnovations']);
    for (const folder of providerFolders) expect(readdirSync(path.join(PROVIDERS_DIR, folder)).sort(), folder).toEqual(PROVIDER_FILES);
  });

  it.each(providerFolders)('%s: the simulator imports nothing of the adapter side (at most its config type)', (folder) => {
    const own = imports(path.join(PROVIDERS_DIR, folder, 'simulator.ts')).filter((i) => i.target.startsWith(`src/datasources/${folder}/`));
    for (const i of own) expect(i.typeOnly && i.target.endsWith('/module.ts'), `${folder}/simulator.ts imports ${i.target}`).toBe(true);
  });

  it('resolvers and the context factory reach neither the store nor the registry', () => {
    const doors = [...files(path.join(SRC, 'resolvers')), path.join(SRC, 'context.ts')];
    for (const file of doors) {
      for (const i of imports(file)) {
        expect(i.target.startsWith('src/store/') || i.target === 'src/datasources/registry.ts', `${path.relative(ROOT, file)} imports ${i.target}`).toBe(false);
      }
    }
  });

  it('has no index.ts', () => {
    expect(files(SRC).filter((f) => path.basename(f) === 'index.ts')).toEqual([]);
  });

  it('never reads the research notes outside the repository', () => {
    const sources = [...files(SRC), ...files(path.join(ROOT, 'test')), ...files(path.join(ROOT, 'bench')), ...files(path.join(ROOT, 'scripts'))].filter((f) => /\.(ts|mjs|js)$/.test(f));
    for (const f of sources) expect(readFileSync(f, 'utf8'), path.relative(ROOT, f)).not.toMatch(/\.\.\/shared(?![\w-])|NOTES\.md/);
  });
});
