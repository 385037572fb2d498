/**
 * One problem found in a topology spec.
 */
export interface SpecIssue {
  /**
   * Where the problem is, as a path into the spec, for example
   * `applicationLoadBalancers.public.rules[2].forward.targetGroup`.
   */
  readonly path: string;

  /**
   * What is wrong, in the spec's terms, with the value received.
   */
  readonly message: string;

  /**
   * How to fix it.
   *
   * @default - no hint
   */
  readonly hint?: string;
}

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
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
