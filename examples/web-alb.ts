/**
 * web-alb: two Apache httpd fleets behind an internet-facing Application Load Balancer.
 *
 * HTTPS on 443 with a DNS-validated ACM certificate and a TLS 1.3 policy, HTTP on 80
 * redirected to HTTPS, path rules (`/blue/*`, `/green/*`, a redirect for `/legacy/*`)
 * and a default action that spreads requests evenly over both fleets, so reloading the
 * page shows the two instances answering in turn. The listener on 443 forwards to the
 * servers on 8080 (port translation).
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/web-alb.ts
 * Deploy it (needs an account):  npx cdk deploy WebAlb
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ElbTopology, TopologySpec, WebServer } from '../lib';
import { EXAMPLE_ZONE } from './zone';

/** The spec of the web-alb scenario, as plain data. */
export const WEB_ALB_SPEC: TopologySpec = {
  network: { maxAzs: 2, natGateways: 1 },
  hostedZones: { main: EXAMPLE_ZONE },
  fleets: {
    blue: { webServer: WebServer.HTTPD, port: 8080, minCapacity: 1, maxCapacity: 2, scaleOnCpuPercent: 60, scaleOnRequestsPerTarget: 1000 },
    green: { webServer: WebServer.HTTPD, port: 8080, minCapacity: 1, maxCapacity: 2, scaleOnCpuPercent: 60, scaleOnRequestsPerTarget: 1000 },
  },
  targetGroups: {
    blue: { fleet: 'blue', deregistrationDelaySeconds: 30 },
    green: { fleet: 'green', deregistrationDelaySeconds: 30 },
  },
  applicationLoadBalancers: {
    public: {
      domainName: 'www.example.com',
      hostedZone: 'main',
      listeners: {
        https: {
          defaultAction: {
            weightedForward: { targetGroups: [{ targetGroup: 'blue', weight: 1 }, { targetGroup: 'green', weight: 1 }] },
          },
        },
      },
      rules: [
        { name: 'blue', conditions: { pathPatterns: ['/blue/*'] }, forward: { targetGroup: 'blue' } },
        { name: 'green', conditions: { pathPatterns: ['/green/*'] }, forward: { targetGroup: 'green' } },
        { name: 'legacy', conditions: { pathPatterns: ['/legacy/*'] }, redirect: { path: '/' } },
      ],
    },
  },
};

/** The web-alb scenario as a stack. */
export class WebAlbStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: two httpd fleets behind an HTTPS ALB with path rules', ...props });
    this.topology = new ElbTopology(this, 'Topology', { spec: WEB_ALB_SPEC });
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new WebAlbStack(app, 'WebAlb');
  app.synth();
}
