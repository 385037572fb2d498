import { ipv4Octets } from '../../private/ipv4';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { SPEC_FIELDS, SpecStruct } from '../spec-fields';

/** Names of spec parts: lowercase letters, digits and hyphens, starting with a letter. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
export const NAME_RULE = 'lowercase letters, digits and hyphens, beginning with a letter, at most 32 characters';

/**
 * A fully qualified domain name as ACM and Route 53 take it: lowercase labels, an
 * optional leading wildcard, and a top-level domain of letters or an IDN (`xn--…`).
 */
export const DOMAIN_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Checks that an optional value, if given, is a whole number in [min, max]. */
export function checkInt(issues: SpecIssue[], path: SpecPath, value: unknown, min: number, max: number, hint?: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push(issue(path, `must be a whole number from ${min} to ${max}, got ${show(value)}.`, hint));
  } else if (value < min || value > max) {
    issues.push(issue(path, `${value} is outside the allowed range ${min}-${max}.`, hint ?? `Use a value from ${min} to ${max}.`));
  }
}

/** Checks that an optional value, if given, is one of the enum's values. */
export function checkEnum(issues: SpecIssue[], path: SpecPath, value: unknown, allowed: readonly string[], hint?: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.push(issue(path, `${show(value)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}.`, hint));
  }
}

/** Checks that an optional value, if given, is a boolean. */
export function checkBoolean(issues: SpecIssue[], path: SpecPath, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    issues.push(issue(path, `must be true or false, got ${show(value)}.`));
  }
}

/** Checks a reference by name to a spec part, with a did-you-mean hint. */
export function checkRef(
  issues: SpecIssue[],
  path: SpecPath,
  value: unknown,
  known: readonly string[],
  kind: string,
  section: string,
): boolean {
  if (typeof value !== 'string' || value === '') {
    issues.push(issue(path, `must name a ${kind}, got ${show(value)}.`, unknownNameHint('', known, kind, section)));
    return false;
  }
  if (!known.includes(value)) {
    issues.push(issue(path, `unknown ${kind} '${value}'.`, unknownNameHint(value, known, kind, section)));
    return false;
  }
  return true;
}

/**
 * Reports the fields of a struct that its spec interface does not declare, usually
 * misspellings in a spec loaded from JSON, with a did-you-mean hint.
 */
export function checkKnownFields(issues: SpecIssue[], path: SpecPath, value: unknown, struct: SpecStruct): void {
  if (!isObject(value)) return;
  const known: readonly string[] = SPEC_FIELDS[struct];
  for (const key of Object.keys(value).sort()) {
    if (!known.includes(key)) {
      issues.push(issue(path.key(key), `unknown field '${key}'.`, unknownNameHint(key, known, 'field', path.toString())));
    }
  }
}

/** Whether a value is a plain object (a struct or a map in the spec). */
export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IPV4_CIDR = /^([\d.]+)\/(\d{1,2})$/;

/** Parses an IPv4 CIDR block; undefined if it is not one. */
export function parseIpv4Cidr(value: string): { octets: number[]; prefix: number } | undefined {
  const m = IPV4_CIDR.exec(value);
  const octets = m ? ipv4Octets(m[1]) : undefined;
  const prefix = Number(m?.[2]);
  if (octets === undefined || prefix > 32) return undefined;
  return { octets, prefix };
}

/** Checks that every entry of an optional list is an IPv4 CIDR block. */
export function checkCidrList(issues: SpecIssue[], path: SpecPath, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(issue(path, `must be a list of CIDR blocks, got ${show(value)}.`));
    return;
  }
  value.forEach((cidr, i) => {
    if (typeof cidr !== 'string' || !parseIpv4Cidr(cidr)) {
      issues.push(issue(path.index(i), `${show(cidr)} is not an IPv4 CIDR block.`, "Write it as address/prefix, for example '203.0.113.0/24'."));
    }
  });
}
