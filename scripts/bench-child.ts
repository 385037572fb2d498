/**
 * One benchmark sample, run in its own process by bench.ts: builds one stack and
 * synthesizes it, then prints the synthesis time and the process's peak memory as JSON.
 *
 *   node -r ts-node/register/transpile-only scripts/bench-child.ts <variant>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
// Load aws-cdk-lib's modules before timing, so both variants start from the same point.
import 'aws-cdk-lib/aws-autoscaling';
import 'aws-cdk-lib/aws-certificatemanager';
import 'aws-cdk-lib/aws-ec2';
import 'aws-cdk-lib/aws-elasticloadbalancingv2';
import 'aws-cdk-lib/aws-route53';
import 'aws-cdk-lib/aws-route53-targets';
import 'aws-cdk-lib/aws-s3';
import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

type StackClass = new (scope: Construct, id: string) => Stack;

/* eslint-disable @typescript-eslint/no-require-imports -- each sample loads only the module it measures */
/**
 * A stack of the library built from an example's spec, cut to the parts the hand-written
 * stacks have: without alarms and dashboard (on by default), and for full-topology without
 * the Gateway Load Balancer, its appliance fleet, the web ACL and response-time scaling,
 * which came later than the hand-written baseline. Both sides then have the same resources.
 */
function libraryStack(example: string, exportName: string): StackClass {
  const lib = require('../lib');
  const full = require(`../examples/${example}`)[exportName];
  const { gatewayLoadBalancers: _gwlb, webAcls: _waf, fleets, applicationLoadBalancers, ...rest } = full;
  const { firewall: _firewall, ...baseFleets } = fleets;
  const spec = {
    ...rest,
    monitoring: { alarmsEnabled: false, dashboardEnabled: false },
    fleets: Object.fromEntries(Object.entries<object>(baseFleets).map(([n, f]) => [n, { ...f, scaleOnResponseTimeSeconds: undefined }])),
    applicationLoadBalancers: Object.fromEntries(Object.entries<object>(applicationLoadBalancers).map(([n, a]) => [n, { ...a, webAcl: undefined }])),
  };
  return class extends Stack {
    constructor(scope: Construct, id: string) {
      super(scope, id);
      new lib.ElbTopology(this, 'Topology', { spec });
    }
  };
}

const VARIANTS: { [name: string]: () => StackClass } = {
  'library-web-alb': () => libraryStack('web-alb', 'WEB_ALB_SPEC'),
  'handwritten-web-alb': () => require('./handwritten-web-alb').HandwrittenWebAlbStack,
  'library-full-topology': () => libraryStack('full-topology', 'FULL_TOPOLOGY_SPEC'),
  'handwritten-full-topology': () => require('./handwritten-full-topology').HandwrittenFullTopologyStack,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const variant = process.argv[2];
if (!VARIANTS[variant]) {
  throw new Error(`Unknown variant '${variant}'. Known: ${Object.keys(VARIANTS).join(', ')}`);
}
const StackClass = VARIANTS[variant]();
const outdir = path.join(os.tmpdir(), `bench-${process.pid}`);

const start = performance.now();
const app = new App({ outdir });
new StackClass(app, 'Bench');
const assembly = app.synth();
const ms = performance.now() - start;

const resources = Object.keys(assembly.getStackByName('Bench').template.Resources ?? {}).length;
fs.rmSync(outdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ variant, ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, resources }) + '\n');
