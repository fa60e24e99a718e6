/** An e-mail address as the providers take one: a local part, `@`, a dotted domain, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
