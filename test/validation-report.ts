/**
 * Reading the validation report that aws-cdk-lib writes beside a cloud assembly: the
 * plugin reports that did not pass. A plugin's result is `conclusion` in aws-cdk-lib
 * 2.276 (`summary.status` in older versions); a synthesis where every plugin passed may
 * list no plugin at all, so the tests also assert that synthesis did not throw.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface PluginReport {
  readonly pluginName?: string;
  readonly conclusion?: string;
  readonly summary?: { readonly status?: string };
  readonly violations?: Array<{ ruleName: string; description: string; violatingConstructs?: Array<{ constructPath: string }> }>;
}

/** The plugin reports of a validation report (parsed) that did not pass, or list a violation. */
export function failedReports(report: { pluginReports: PluginReport[] }): PluginReport[] {
  return report.pluginReports.filter((r) => (r.conclusion ?? r.summary?.status) !== 'success' || (r.violations ?? []).length > 0);
}

/** The plugin reports that did not pass, read from a cloud assembly's directory. */
export function failedPluginReports(assemblyDirectory: string): PluginReport[] {
  return failedReports(JSON.parse(fs.readFileSync(path.join(assemblyDirectory, 'validation-report.json'), 'utf-8')));
}
