/**
 * Data shared by the modules of the `verify` command: its options, what it found in
 * the stack, and the report it prints (as text, or as the `--json` document).
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCall } from './retry';

/** Where the command writes: `process.stdout` and `process.stderr`, or a test double. */
export interface OutputStream {
  /** True when the stream is a terminal: progress then rewrites one line. */
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Everything the command touches outside itself, so tests can replace it. */
export interface VerifyDeps {
  readonly cloudFormation: CloudFormationClient;
  readonly elb: ElasticLoadBalancingV2Client;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The directory relative paths (`cdk.out`, `--template`) are read from. */
  readonly cwd: string;
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for the jitter of retry delays. */
  random(): number;
}

/** The AWS clients, and the retrying way to call them. */
export interface AwsContext {
  readonly cfn: CloudFormationClient;
  readonly elb: ElasticLoadBalancingV2Client;
  readonly call: AwsCall;
}

/** The parsed command line of `verify`. */
export interface VerifyOptions {
  readonly stackName: string;
  /** How long to wait for every target to be healthy. */
  readonly timeoutSeconds: number;
  /** The time between two health polls. */
  readonly intervalSeconds: number;
  readonly json: boolean;
  /** A template file given with `--template`. */
  readonly templatePath?: string;
  /** The cloud assembly directory. */
  readonly cdkOut: string;
  /** True when `--cdk-out` was given (then it must exist). */
  readonly cdkOutGiven: boolean;
  /** False with `--no-wait`: one health poll only. */
  readonly wait: boolean;
  /** False with `--no-drift`: no template comparison. */
  readonly drift: boolean;
  /** With `--allow-empty`, a target group without targets passes. */
  readonly allowEmpty: boolean;
}

/** One resource of the stack, from ListStackResources. */
export interface StackResource {
  /** The stack that holds it: the stack's name, or `Parent/NestedLogicalId` for a nested stack. */
  readonly stackPath: string;
  readonly logicalId: string;
  readonly physicalId: string;
  readonly type: string;
  readonly status: string;
}

/** A stack and its nested stacks. */
export interface StackNode {
  readonly name: string;
  readonly id: string;
  readonly status: string;
  /** The stack's name, or `Parent/NestedLogicalId` for a nested stack. */
  readonly path: string;
  /** The logical ID of the nested stack resource in its parent. */
  readonly logicalIdInParent?: string;
  readonly resources: StackResource[];
  readonly children: StackNode[];
}

/** The health check of a target group, as AWS runs it. */
export interface HealthCheckSettings {
  readonly enabled: boolean;
  readonly protocol?: string;
  /** A port number, or `traffic-port` (the port each target receives traffic on). */
  readonly port?: string;
  readonly path?: string;
  /** HTTP codes (`200`, `200-299`) or gRPC codes that count as healthy. */
  readonly matcher?: string;
  readonly intervalSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly healthyThreshold?: number;
  readonly unhealthyThreshold?: number;
}

/** One target of a target group, from DescribeTargetHealth. */
export interface TargetStatus {
  readonly id: string;
  readonly port?: number;
  readonly availabilityZone?: string;
  /** `healthy`, `initial`, `unhealthy`, `unused`, `draining`, `unhealthy.draining` or `unavailable`. */
  readonly state: string;
  /** The reason code AWS gives, e.g. `Target.Timeout`. */
  readonly reason?: string;
  /** AWS's description of the reason, e.g. `Health checks failed with these codes: [404]`. */
  readonly description?: string;
  /** The port the health check goes to. */
  readonly healthCheckPort?: string;
  /** True when the target receives traffic: healthy, or health checks turned off. */
  readonly ok: boolean;
  /** The usual causes of the reason and how to fix them (for targets that are not ok). */
  readonly hint?: string;
}

/** The health of one target group's targets. */
export interface TargetGroupStatus {
  readonly arn: string;
  readonly name: string;
  readonly logicalId: string;
  readonly stackPath: string;
  readonly protocol?: string;
  readonly port?: number;
  readonly targetType?: string;
  readonly healthCheck: HealthCheckSettings;
  readonly targets: TargetStatus[];
  /** Every target is ok, and there is at least one (unless `--allow-empty`). */
  readonly ok: boolean;
  /** Why a target group with no target is not ok. */
  readonly hint?: string;
}

/** The outcome of waiting for healthy targets. */
export interface HealthResult {
  readonly ok: boolean;
  /** The wait ended because the timeout passed (false with `--no-wait`). */
  readonly timedOut: boolean;
  readonly polls: number;
  readonly elapsedSeconds: number;
  readonly targetGroups: TargetGroupStatus[];
}

/** One field whose deployed value differs from the template. */
export interface DriftDifference {
  readonly stackPath: string;
  readonly logicalId: string;
  readonly resourceType: string;
  /** The template's property path, e.g. `Priority` or `TargetGroupAttributes.deregistration_delay.timeout_seconds`. */
  readonly field: string;
  readonly declared: string;
  readonly actual: string;
}

/** The comparison of the deployed load balancing resources with the template. */
export interface DriftResult {
  /** Where each stack's template came from (a file, or CloudFormation). */
  readonly templateSources: string[];
  /** Fields with a literal value in the template, compared with AWS. */
  readonly compared: number;
  /** Fields whose template value is an intrinsic function (`Fn::GetAtt`, `Fn::If`...), so not compared. */
  readonly notCompared: number;
  readonly differences: DriftDifference[];
}

/** How many resources of each kind the stack holds. */
export interface ResourceCounts {
  readonly loadBalancers: number;
  readonly listeners: number;
  readonly listenerRules: number;
  readonly targetGroups: number;
}

/** The whole result of one run: what the text output shows, and the `--json` document. */
export interface VerifyReport {
  readonly stack: { readonly name: string; readonly id?: string; readonly status?: string; readonly region?: string };
  readonly passed: boolean;
  readonly exitCode: number;
  readonly resources?: ResourceCounts;
  readonly health?: HealthResult;
  readonly drift?: DriftResult;
  /** Resources the command does not inspect (Classic Load Balancers), as `stackPath/logicalId`. */
  readonly notInspected?: string[];
  /** Why the run could not finish (exit code 2). */
  readonly error?: string;
  /** How to fix what stopped the run. */
  readonly hint?: string;
}

/** A problem that stops the run with exit code 2: a usage error, or a stack that cannot be read. */
export class VerifyError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'VerifyError';
  }
}
