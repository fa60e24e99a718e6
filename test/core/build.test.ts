/**
 * `npm start` rebuilds only when the build's inputs changed (scripts/build.mjs): checked on a
 * project-shaped directory of its own, since a real build takes close to a minute.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputsDigest, isStale } from '../../scripts/build.mjs';

let root: string;
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
};
/** As a finished build leaves it: outputs present, the stamp matching the inputs. */
const built = () => write('dist/.build-inputs', inputsDigest(root));

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'switchboard-build-'));
  for (const [file, content] of Object.entries({
    'src/main.ts': 'export {};\n',
    'src/server/app.ts': 'export const a = 1;\n',
    'src/explorer/browser.js': 'window.x = 1;\n',
    'scripts/bundle.ts': '// bundle\n',
    'tsconfig.json': '{}\n',
    'package.json': '{"name":"x"}\n',
    'package-lock.json': '{"lockfileVersion":3}\n',
    'dist/switchboard.mjs': '// built\n',
    'dist/pglite-worker.js': '// the store thread\n',
    'dist/explorer/manifest.json': '{}\n',
    'bench/run.ts': '// not an input of what npm start runs\n',
  })) write(file, content);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the staleness check', () => {
  it('is fresh right after a build, and after files are touched without changing', () => {
    built();
    expect(isStale(root)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/main.ts'), later, later);
    expect(isStale(root)).toBe(false);
  });

  it('is stale when a source, the explorer, a build script, the compiler settings or the dependencies change', () => {
    for (const file of ['src/server/app.ts', 'src/explorer/browser.js', 'scripts/bundle.ts', 'tsconfig.json', 'package-lock.json']) {
      built();
      write(file, 'changed\n');
      expect(isStale(root), file).toBe(true);
    }
  });

  it('is stale when a source is added, removed or renamed; not for files outside the inputs', () => {
    built();
    write('src/new.ts', 'export {};\n');
    expect(isStale(root)).toBe(true);
    rmSync(path.join(root, 'src/new.ts'));
    expect(isStale(root)).toBe(false);
    renameSync(path.join(root, 'src/main.ts'), path.join(root, 'src/index.ts'));
    expect(isStale(root)).toBe(true);
    renameSync(path.join(root, 'src/index.ts'), path.join(root, 'src/main.ts'));
    expect(isStale(root)).toBe(false);
    write('bench/run.ts', 'changed\n');
    write('README.md', 'changed\n');
    expect(isStale(root)).toBe(false);
  });

  it('is stale without a stamp, or when an output is missing', () => {
    built();
    for (const [output, content] of [['dist/explorer/manifest.json', '{}\n'], ['dist/pglite-worker.js', '// the store thread\n']] as const) {
      rmSync(path.join(root, output));
      expect(isStale(root), output).toBe(true);
      write(output, content);
      expect(isStale(root), output).toBe(false);
    }
    rmSync(path.join(root, 'dist/.build-inputs'));
    expect(isStale(root)).toBe(true);
  });
});

describe("the bundle's keepNames helper (dist/switchboard.mjs, as scripts/bundle.ts leaves it)", () => {
  // Run in a node of its own: %HaveSameMap needs --allow-natives-syntax.
  const check = (helper: string) => `
    var __defProp = Object.defineProperty;
    ${helper}
    const named = () => __name(function next() {}, 'next');
    const plain = () => function next() {};
    const arrow = () => __name((x) => x, 'arrow');
    const anonymous = () => [(x) => x][0];
    class Service2 {}
    __name(Service2, 'Service');
    const Ctor = __name(function () {}, 'Ctor');
    const a = named();
    console.log(JSON.stringify({ sameMap: %HaveSameMap(a, plain()), name: a.name, arrowSameMap: %HaveSameMap(arrow(), anonymous()), renamed: Service2.name, ctor: Ctor.name }));
  `;
  const run = async (helper: string) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--allow-natives-syntax', '-e', check(helper)]);
    return JSON.parse(stdout) as Record<string, unknown>;
  };

  it("names classes and functions that could construct; leaves a closure already named, and an arrow's name, as they were: no map of their own per closure", async () => {
    const bundle = readFileSync('dist/switchboard.mjs', 'utf8');
    // The helper is defined in the banner (the first line) and esbuild's `__name` points at it.
    expect(bundle).toMatch(/;var __name=__keepName; *var /);
    const helper = `${/const __keepName = .*$/m.exec(bundle.slice(0, bundle.indexOf('\n')))![0]} var __name = __keepName;`;
    expect(await run(helper)).toEqual({ sameMap: true, name: 'next', arrowSameMap: true, renamed: 'Service', ctor: 'Ctor' });
    // esbuild's own helper, for the difference it makes.
    expect(await run('var __name=(target,value)=>__defProp(target,"name",{value,configurable:true});')).toEqual({ sameMap: false, name: 'next', arrowSameMap: false, renamed: 'Service', ctor: 'Ctor' });
  });
});

describe("the bundle's graphql-js (dist/switchboard.mjs, as scripts/bundle.ts builds it)", () => {
  it('is one copy, from its ES modules: none of its CommonJS files, whose exports are getters, for any importer', () => {
    const bundle = readFileSync('dist/switchboard.mjs', 'utf8');
    const modules = (ext: string) => new Set(bundle.match(new RegExp(`node_modules/graphql/[\\w/.-]+\\.${ext}(?=")`, 'g')));
    expect(modules('js')).toEqual(new Set());
    // Among them what graphql-jit (CommonJS) requires by deep path, and what our code imports.
    for (const file of ['index', 'jsutils/Path', 'execution/execute', 'language/kinds']) expect(modules('mjs')).toContain(`node_modules/graphql/${file}.mjs`);
  });
});
