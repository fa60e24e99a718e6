/**
 * Writes schema.graphql from the code (`npm run schema:emit`), or with `--check` fails when
 * the committed file differs from what the code builds (CI's drift check).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { createSchema, printSdl } from '../src/schema.js';

const file = new URL('../schema.graphql', import.meta.url);
const header = '# Generated from the code by `npm run schema:emit`. Do not edit.\n\n';
const printed = header + printSdl(await createSchema());

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql matches the code.');
} else {
  writeFileSync(file, printed);
  console.log('schema.graphql written.');
}
