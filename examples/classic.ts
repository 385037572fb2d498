/**
 * classic: a small legacy web fleet behind an internet-facing Classic Load Balancer.
 *
 * The legacy case, for a workload that still runs behind a Classic Load Balancer; for
 * anything new, use an Application or Network Load Balancer (see `web-alb`). Two
 * Apache httpd instances on 8080 receive plain HTTP on port 80 and HTTPS on port 443
 * (an imported ACM certificate, the TLS 1.2 policy, TLS ending at the load balancer),
 * with duration-based cookie stickiness (an hour), connection draining (60 s),
 * cross-zone load balancing, an HTTP health check of `/health` and access logs.
 * A Classic Load Balancer cannot redirect HTTP to HTTPS, so port 80 serves the same
 * site in clear text: the one acknowledged warning.
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/classic.ts
 * Deploy it (needs an account):  npx cdk deploy Classic  (with your own certificate ARN)
 */
import { Annotations, App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ClassicProtocol, ElbTopology, StickinessType, TopologySpec, WebServer } from '../lib';

/** The certificate of the HTTPS listener; replace it with one of your own to deploy. */
export const CLASSIC_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** The spec of the classic scenario, as plain data. */
export const CLASSIC_SPEC: TopologySpec = {
  network: { maxAzs: 2, natGateways: 1 },
  fleets: {
    legacy: { webServer: WebServer.HTTPD, port: 8080, minCapacity: 2, maxCapacity: 4, scaleOnCpuPercent: 60 },
  },
  classicLoadBalancers: {
    web: {
      fleets: ['legacy'],
      listeners: {
        http: { externalPort: 80, externalProtocol: ClassicProtocol.HTTP, internalPort: 8080 },
        https: { externalPort: 443, externalProtocol: ClassicProtocol.HTTPS, internalPort: 8080, certificateArn: CLASSIC_CERTIFICATE_ARN },
      },
      healthCheck: { path: '/health', intervalSeconds: 15, timeoutSeconds: 5 },
      stickinessType: StickinessType.LB_COOKIE,
      stickinessCookieDurationSeconds: 3600,
      connectionDrainingSeconds: 60,
    },
  },
};

/** The classic scenario as a stack. */
export class ClassicStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: a legacy httpd fleet behind a Classic Load Balancer (HTTP and HTTPS)', ...props });
    this.topology = new ElbTopology(this, 'Topology', { spec: CLASSIC_SPEC });
    // The legacy clients of this site still use http://, and a Classic Load Balancer has no redirect.
    Annotations.of(this.topology).acknowledgeWarning('cdk-elb-topology:clb.plainListener',
      'Port 80 serves the legacy site in clear text on purpose: its old clients use http://, and a Classic Load Balancer cannot redirect.');
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new ClassicStack(app, 'Classic');
  app.synth();
}
