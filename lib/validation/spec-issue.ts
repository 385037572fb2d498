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
