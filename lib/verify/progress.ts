/**
 * Progress while the command runs: on a terminal one line that rewrites itself, else
 * (CI logs, pipes) one plain line per poll; nothing with `--json`, whose one document is
 * printed at the end.
 */
import { PollProgress } from './health';
import { RetryNotice } from './retry';
import { OutputStream, ResourceCounts, StackNode, TargetGroupStatus } from './types';

/** Receives what happens during a run. */
export interface Progress {
  discovered(stack: StackNode, region: string, counts: ResourceCounts): void;
  poll(progress: PollProgress): void;
  retry(notice: RetryNotice): void;
  /** Ends the live display before the final report. */
  done(): void;
}

/** Carriage return and "erase line": the terminal line is rewritten in place. */
const REWRITE = '\r\x1b[2K';

/** The progress display for the output mode. */
export function createProgress(json: boolean, stdout: OutputStream, stderr: OutputStream): Progress {
  if (json) return { discovered: () => undefined, poll: () => undefined, retry: () => undefined, done: () => undefined };
  const tty = stdout.isTTY === true;
  let lineOpen = false;
  return {
    discovered(stack, region, counts) {
      stdout.write(`Stack ${stack.name} (${stack.status}, ${region}): ${countsText(counts)}\n`);
    },
    poll(p) {
      const text = `${pollSummary(p.targetGroups)} (poll ${p.poll}, ${p.elapsedSeconds} s of ${p.timeoutSeconds} s)`;
      if (tty) {
        stdout.write(`${REWRITE}Waiting for healthy targets: ${text}`);
        lineOpen = true;
      } else {
        stdout.write(`Target health: ${text}\n`);
      }
    },
    retry(n) {
      if (lineOpen) {
        stdout.write('\n');
        lineOpen = false;
      }
      stderr.write(`${n.operation} was throttled (${n.errorName}); retrying in ${(n.delayMs / 1000).toFixed(1)} s (attempt ${n.attempt + 1} of ${n.maxAttempts}).\n`);
    },
    done() {
      if (lineOpen) stdout.write(`${REWRITE}`);
      lineOpen = false;
    },
  };
}

/** `1 load balancer, 2 listeners, 3 listener rules, 2 target groups`. */
export function countsText(c: ResourceCounts): string {
  return [plural(c.loadBalancers, 'load balancer'), plural(c.listeners, 'listener'), plural(c.listenerRules, 'listener rule'),
    plural(c.targetGroups, 'target group')].join(', ');
}

/** `3 of 4 targets healthy (1 initial)`. */
export function pollSummary(groups: TargetGroupStatus[]): string {
  const targets = groups.flatMap(g => g.targets);
  const ok = targets.filter(t => t.ok).length;
  const others = stateCounts(targets.filter(t => !t.ok).map(t => t.state));
  const empty = groups.filter(g => g.targets.length === 0).length;
  const extra = [others, empty > 0 ? plural(empty, 'empty target group') : ''].filter(Boolean).join(', ');
  return `${ok} of ${plural(targets.length, 'target')} healthy${extra ? ` (${extra})` : ''}`;
}

/** `2 healthy, 1 unhealthy`, in a fixed order of states. */
export function stateCounts(states: string[]): string {
  const order = ['healthy', 'initial', 'unhealthy', 'unhealthy.draining', 'draining', 'unused', 'unavailable'];
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => rank(order, a) - rank(order, b) || a.localeCompare(b)).map(([s, n]) => `${n} ${s}`).join(', ');
}

function rank(order: string[], state: string): number {
  const i = order.indexOf(state);
  return i < 0 ? order.length : i;
}

/** `1 listener`, `2 listeners`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
