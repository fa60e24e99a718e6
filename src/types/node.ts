/** Relay Node: opaque, stable, globally unique ids (`base64url("Type:key")`). */
import { Field, ID, InterfaceType } from 'type-graphql';

export type NodeType = 'PhoneNumber' | 'Order' | 'Service' | 'Allocation' | 'CallEvent';
const NODE_TYPES: ReadonlySet<string> = new Set<NodeType>(['PhoneNumber', 'Order', 'Service', 'Allocation', 'CallEvent']);

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`).toString('base64url');
}

/** Null for anything that is not one of our ids. */
export function fromGlobalId(id: string): { type: NodeType; key: string } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  if (colon < 0 || !NODE_TYPES.has(type) || toGlobalId(type as NodeType, decoded.slice(colon + 1)) !== id) return null;
  return { type: type as NodeType, key: decoded.slice(colon + 1) };
}

/** Keys of provider-owned things are `PROVIDER:providerRef`. */
export function providerKey(provider: string, ref: string): string {
  return `${provider}:${ref}`;
}

export function splitProviderKey(key: string): { provider: string; ref: string } {
  const i = key.indexOf(':');
  return { provider: key.slice(0, i), ref: key.slice(i + 1) };
}

@InterfaceType({
  description: 'An object with a globally unique, opaque id, fetchable with `node(id:)`.',
  // Resolvers return plain records; the id says which type they are.
  resolveType: (value: { id: string }) => fromGlobalId(value.id)?.type,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, stable, globally unique id.' })
  id!: string;
}
