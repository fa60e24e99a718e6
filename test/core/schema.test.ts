/**
 * The schema as clients read it: every type, field, argument, input field and enum value has a
 * description, and `providers { operations }` names root fields a client can call.
 */
import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { createSchema } from '../../src/schema.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** Schema coordinates of everything without a description (built-in scalars and introspection aside). */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    // The root types are named by the spec; their fields carry the meaning.
    if (![schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never)) need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe('documentation', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    expect(undocumented(await createSchema())).toEqual([]);
  });

  it("the README's error section names every ErrorCode value, and no code that is not one", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('**Errors.**'), readme.indexOf('**Idempotency.**'));
    const named = new Set([...section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
    // Words of the section that are not codes: a setting and Delacon's answer.
    for (const word of ['RATE_LIMIT_PER_MINUTE', 'WAIT']) named.delete(word);
    const codes: string[] = Object.values(ErrorCode);
    expect(codes.filter((c) => !named.has(c)), 'codes the README leaves out').toEqual([]);
    expect([...named].filter((c) => !codes.includes(c)), 'README codes that are not ErrorCode values').toEqual([]);
  });
});

describe('providers { operations }', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('lists root fields of the schema, each provider what it answers', async () => {
    const schema = await createSchema();
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) => Object.keys(t?.getFields() ?? {})));
    const r = await gw.post('{ providers { provider operations } }');
    const providers = (r.body.data as { providers: Array<{ provider: string; operations: string[] }> }).providers;
    for (const p of providers) {
      expect(p.operations.length, p.provider).toBeGreaterThan(0);
      for (const op of p.operations) expect(roots.has(op), `${p.provider}: ${op}`).toBe(true);
    }
    const of = (name: string) => providers.find((p) => p.provider === name)!.operations;
    expect(of('EXOTEL')).toEqual(expect.arrayContaining(['allocateGreenVN', 'updateAllocationParties', 'reassignGreenVN', 'deallocateGreenVN', 'allocation']));
    expect(of('VOIP_INNOVATIONS')).toEqual(expect.arrayContaining(['availableNumbers', 'availableNumberCount', 'reserveNumbers', 'provisionNumbers', 'portability']));
    expect(of('DELACON')).toEqual(expect.arrayContaining(['provisionNumbers', 'numberTypes', 'updateService']));
  });

  it('a listed availableNumbers answers; an unlisted one is UNSUPPORTED_BY_PROVIDER', async () => {
    const providers = (await gw.post('{ providers { provider operations } }')).body.data as { providers: Array<{ provider: string; operations: string[] }> };
    for (const p of providers.providers) {
      const r = await gw.post(`{ availableNumbers(provider: ${p.provider}, first: 1) { edges { cursor } } }`);
      const code = r.body.errors?.[0]?.extensions?.code;
      if (p.operations.includes('availableNumbers')) expect(code, p.provider).not.toBe('UNSUPPORTED_BY_PROVIDER');
      else expect(code, p.provider).toBe('UNSUPPORTED_BY_PROVIDER');
    }
  });
});
