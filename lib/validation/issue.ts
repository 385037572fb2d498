import { SpecIssue } from './spec-issue';

export type { SpecIssue } from './spec-issue';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Builds spec paths such as `fleets.web.port` and `rules[2].forward`.
 *
 * Keys that are not plain identifiers are quoted, so the path stays unambiguous
 * even for names that validation is about to reject.
 */
export class SpecPath {
  static readonly ROOT = new SpecPath('');

  private constructor(private readonly text: string) {}

  /** The path of a property or map key below this one. */
  key(name: string): SpecPath {
    const part = PLAIN_KEY.test(name) ? name : `[${JSON.stringify(name)}]`;
    if (this.text === '') return new SpecPath(part);
    return new SpecPath(part.startsWith('[') ? `${this.text}${part}` : `${this.text}.${part}`);
  }

  /** The path of an array element below this one. */
  index(i: number): SpecPath {
    return new SpecPath(`${this.text}[${i}]`);
  }

  /** The path of a nested property, for example `at('healthCheck', 'intervalSeconds')`. */
  at(...names: string[]): SpecPath {
    return names.reduce<SpecPath>((p, n) => p.key(n), this);
  }

  toString(): string {
    return this.text === '' ? '(spec)' : this.text;
  }
}

/** Creates an issue at a path. */
export function issue(path: SpecPath, message: string, hint?: string): SpecIssue {
  return hint === undefined ? { path: path.toString(), message } : { path: path.toString(), message, hint };
}

/** Shows a received value in a message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  // JSON.stringify shows NaN and Infinity as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
