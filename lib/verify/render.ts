/**
 * The final report: readable text (health per target group, every target that does not
 * receive traffic with AWS's reason and a hint, drift, the result), or one JSON document.
 */
import { plural, stateCounts } from './progress';
import { DriftResult, HealthCheckSettings, HealthResult, VerifyReport } from './types';

/** The report as one JSON document. */
export function renderJson(report: VerifyReport): string {
  return `${JSON.stringify(report, undefined, 2)}\n`;
}

/** The report as text (what follows the progress lines). */
export function renderText(report: VerifyReport): string {
  const lines: string[] = [];
  if (report.health) lines.push(...healthLines(report.health));
  if (report.drift) lines.push('', ...driftLines(report.drift, report.stack.name));
  if (report.notInspected?.length) {
    lines.push('', `Not inspected (Classic Load Balancers are outside this command): ${report.notInspected.join(', ')}`);
  }
  lines.push('', resultLine(report));
  return `${lines.join('\n')}\n`;
}

function healthLines(health: HealthResult): string[] {
  const lines = [`Target health after ${plural(health.polls, 'poll')} (${health.elapsedSeconds} s):`];
  if (health.targetGroups.length === 0) lines.push('  (the stack has no target groups)');
  for (const g of health.targetGroups) {
    const what = g.targets.length === 0 ? 'no targets' : `${plural(g.targets.length, 'target')}: ${stateCounts(g.targets.map(t => t.state))}`;
    lines.push(`  ${g.ok ? 'OK  ' : 'FAIL'}  ${g.logicalId} (${[g.protocol, g.port].filter(v => v !== undefined).join(' ')}) ${what}`);
  }
  const failing = health.targetGroups.filter(g => !g.ok);
  if (failing.length > 0) lines.push('', 'Targets not receiving traffic:');
  for (const g of failing) {
    lines.push(`  ${g.logicalId} (${g.name})`, `    health check: ${healthCheckText(g.healthCheck)}`);
    if (g.hint) lines.push(`    ${g.hint}`);
    for (const t of g.targets.filter(x => !x.ok)) {
      const where = [t.port === undefined ? undefined : `port ${t.port}`, t.availabilityZone].filter(Boolean).join(' in ');
      const reason = [t.reason, t.description].filter(Boolean).join(': ');
      lines.push(`    ${t.id}${where ? ` ${where}` : ''}: ${t.state}${reason ? `, ${reason}` : ''}`);
      if (t.hint) lines.push(`      hint: ${t.hint}`);
    }
  }
  return lines;
}

/** `HTTP traffic-port /health, matcher 200, every 30 s, timeout 5 s, healthy after 3, unhealthy after 3`. */
export function healthCheckText(h: HealthCheckSettings): string {
  if (!h.enabled) return 'turned off';
  const parts = [[h.protocol, h.port, h.path].filter(Boolean).join(' ')];
  if (h.matcher) parts.push(`matcher ${h.matcher}`);
  if (h.intervalSeconds !== undefined) parts.push(`every ${h.intervalSeconds} s`);
  if (h.timeoutSeconds !== undefined) parts.push(`timeout ${h.timeoutSeconds} s`);
  if (h.healthyThreshold !== undefined) parts.push(`healthy after ${h.healthyThreshold}`);
  if (h.unhealthyThreshold !== undefined) parts.push(`unhealthy after ${h.unhealthyThreshold}`);
  return parts.join(', ');
}

function driftLines(drift: DriftResult, rootName: string): string[] {
  const skipped = drift.notCompared > 0 ? ` (${drift.notCompared} not compared: intrinsic values)` : '';
  const lines = [`Drift against ${drift.templateSources.join(', ')}: ${plural(drift.differences.length, 'difference')} in ${plural(drift.compared, 'compared field')}${skipped}`];
  for (const d of drift.differences) {
    const id = d.stackPath === rootName ? d.logicalId : `${d.stackPath.slice(rootName.length + 1)}/${d.logicalId}`;
    lines.push(`  ${id} ${d.field}: declared ${d.declared}, actual ${d.actual}`);
  }
  return lines;
}

function resultLine(report: VerifyReport): string {
  if (report.passed) {
    const drift = report.drift ? 'the deployed resources match the template' : 'drift not checked';
    return `Result: passed. Every target is healthy; ${drift}.`;
  }
  const reasons: string[] = [];
  const health = report.health;
  if (health && !health.ok) {
    const bad = health.targetGroups.flatMap(g => g.targets).filter(t => !t.ok).length;
    const empty = health.targetGroups.filter(g => g.targets.length === 0 && !g.ok).length;
    const what = [bad > 0 ? `${plural(bad, 'target')} not healthy` : '', empty > 0 ? plural(empty, 'target group') + ' without targets' : '']
      .filter(Boolean).join(' and ');
    reasons.push(health.timedOut ? `${what} after ${health.elapsedSeconds} s` : what);
  }
  if (report.drift && report.drift.differences.length > 0) reasons.push(`${plural(report.drift.differences.length, 'drifted field')}`);
  return `Result: failed: ${reasons.join('; ')}.`;
}

/** The message of a run that could not finish. */
export function renderError(message: string, hint?: string): string {
  return `Error: ${message}\n${hint ? `  ${hint}\n` : ''}`;
}

