/**
 * Retries of throttled AWS calls: exponential backoff with jitter, bounded. Other
 * errors surface at once. (The SDK clients retry a few times on their own first; this
 * covers a long wait that polls many target groups under an account-wide rate limit.)
 */

/** Error codes that AWS services use for throttling. */
const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException',
  'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown',
]);

/** What the SDK puts on a service error (the fields read here). */
interface SdkErrorLike {
  readonly name?: string;
  readonly $retryable?: { readonly throttling?: boolean };
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** True for a throttling error: a throttling code, an error the SDK marks retryable, or HTTP 429 or 503. */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode;
  return THROTTLING_CODES.has(e.name ?? '') || e.$retryable !== undefined || status === 429 || status === 503;
}

/** A retry about to happen, for progress output. */
export interface RetryNotice {
  readonly operation: string;
  readonly errorName: string;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
}

/** How throttled calls are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
  onRetry?(notice: RetryNotice): void;
}

/** The defaults: 6 attempts, waiting about 0.5, 1, 2, 4 and 8 seconds in between (at most 20). */
export const DEFAULT_RETRY = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * The delay before retry number `attempt` (from 1): the exponential step
 * `base * 2^(attempt-1)`, capped, of which the upper half is random ("equal jitter"), so
 * delays keep growing while clients that were throttled together spread out.
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + policy.random() * (step / 2));
}

/** Calls `fn`, retrying throttling errors as the policy says; the last error surfaces. */
export async function withRetry<T>(operation: string, fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isThrottling(error) || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, policy);
      policy.onRetry?.({ operation, errorName: (error as SdkErrorLike).name ?? 'Error', attempt, maxAttempts: policy.maxAttempts, delayMs });
      await policy.sleep(delayMs);
    }
  }
}

/** Calls AWS through `withRetry`: `call('DescribeStacks', () => client.send(...))`. */
export type AwsCall = <T>(operation: string, fn: () => Promise<T>) => Promise<T>;
