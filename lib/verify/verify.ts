/**
 * One run of `verify`: find the stack's resources, describe them, compare them with the
 * template, wait for healthy targets, and build the report with its exit code
 * (0 passed, 1 unhealthy or drift, 2 the stack could not be read).
 */
import { describeLive, LiveState } from './describe';
import { discoverStack, RESOURCE_TYPES, resourcesOfType } from './discovery';
import { compareStack } from './drift';
import { Comparison } from './drift-values';
import { waitForHealth, WatchedTargetGroup } from './health';
import { Progress } from './progress';
import { DEFAULT_RETRY, withRetry } from './retry';
import { LoadedTemplate, loadNestedTemplate, loadRootTemplate } from './template';
import { AwsContext, DriftResult, StackNode, VerifyDeps, VerifyError, VerifyOptions, VerifyReport } from './types';

/** Exit codes of the command. */
export const EXIT = { passed: 0, failed: 1, error: 2 };

/** Runs the checks and returns the report; problems that stop the run become a report with exit code 2. */
export async function verify(options: VerifyOptions, deps: VerifyDeps, progress: Progress): Promise<VerifyReport> {
  let region = 'an unknown region';
  try {
    region = await regionOf(deps);
    const aws: AwsContext = {
      cfn: deps.cloudFormation,
      elb: deps.elb,
      call: (operation, fn) => withRetry(operation, fn, {
        ...DEFAULT_RETRY, sleep: ms => deps.sleep(ms), random: () => deps.random(), onRetry: n => progress.retry(n),
      }),
    };
    const stack = await discoverStack(options.stackName, region, aws);
    const resources = {
      loadBalancers: resourcesOfType(stack, RESOURCE_TYPES.loadBalancer).length,
      listeners: resourcesOfType(stack, RESOURCE_TYPES.listener).length,
      listenerRules: resourcesOfType(stack, RESOURCE_TYPES.listenerRule).length,
      targetGroups: resourcesOfType(stack, RESOURCE_TYPES.targetGroup).length,
    };
    progress.discovered(stack, region, resources);
    const live = await describeLive(stack, aws, options.drift);
    const drift = options.drift ? await checkDrift(stack, live, options, deps, aws) : undefined;
    const watched: WatchedTargetGroup[] = resourcesOfType(stack, RESOURCE_TYPES.targetGroup)
      .sort((a, b) => a.stackPath.localeCompare(b.stackPath) || a.logicalId.localeCompare(b.logicalId))
      .flatMap(r => {
        const group = live.targetGroups.get(r.physicalId);
        return group ? [{ logicalId: r.logicalId, stackPath: r.stackPath, group }] : [];
      });
    const health = await waitForHealth(watched, aws, options, deps, p => progress.poll(p));
    progress.done();
    const passed = health.ok && (drift?.differences.length ?? 0) === 0;
    const notInspected = resourcesOfType(stack, RESOURCE_TYPES.classicLoadBalancer).map(r => `${r.stackPath}/${r.logicalId}`);
    return {
      stack: { name: stack.name, id: stack.id, status: stack.status, region },
      passed,
      exitCode: passed ? EXIT.passed : EXIT.failed,
      resources,
      health,
      drift,
      ...(notInspected.length > 0 ? { notInspected } : {}),
    };
  } catch (error) {
    progress.done();
    const { message, hint } = errorText(error, options.stackName, region);
    return { stack: { name: options.stackName, region }, passed: false, exitCode: EXIT.error, error: message, ...(hint ? { hint } : {}) };
  }
}

/** Compares every stack of the tree with its template. */
async function checkDrift(root: StackNode, live: LiveState, options: VerifyOptions, deps: VerifyDeps, aws: AwsContext): Promise<DriftResult> {
  const comparison = new Comparison();
  const sources: string[] = [];
  const visit = async (stack: StackNode, template: LoadedTemplate) => {
    sources.push(template.source);
    compareStack(stack, template.template, live, root, comparison);
    for (const child of stack.children) await visit(child, await loadNestedTemplate(child, template, aws, deps.cwd));
  };
  const where = { cwd: deps.cwd, templatePath: options.templatePath, cdkOut: options.cdkOut, cdkOutGiven: options.cdkOutGiven };
  await visit(root, await loadRootTemplate(root, where, aws));
  return { templateSources: sources, compared: comparison.compared, notCompared: comparison.notCompared, differences: comparison.differences };
}

/** The region the clients use (AWS_REGION, or the profile's region). */
async function regionOf(deps: VerifyDeps): Promise<string> {
  let region: string | undefined;
  try {
    const configured = deps.cloudFormation.config.region;
    region = typeof configured === 'function' ? await configured() : configured;
  } catch {
    region = undefined;
  }
  if (!region) throw new VerifyError('No AWS region is set.', 'Set AWS_REGION (or AWS_DEFAULT_REGION), or a region in your AWS profile (AWS_PROFILE).');
  return region;
}

/** The message of an error that stopped the run, with its hint. */
function errorText(error: unknown, stackName: string, region: string): { message: string; hint?: string } {
  if (error instanceof VerifyError) return { message: error.message, hint: error.hint };
  const e = error as { name?: string; message?: string };
  const name = e?.name ?? 'Error';
  const hint = name === 'CredentialsProviderError'
    ? 'Set credentials: AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
    : /AccessDenied|Unauthorized/.test(name)
      ? 'The credentials need cloudformation:DescribeStacks, ListStackResources and GetTemplate, and elasticloadbalancing:Describe*.'
      : undefined;
  return { message: `Cannot read stack '${stackName}' in ${region}: ${name}: ${e?.message ?? String(error)}`, hint };
}
