/**
 * three-tier: internet-facing ALB → web fleet → internal NLB → data fleet.
 *
 * The web tier answers HTTPS on the public ALB. The data tier runs in the isolated
 * subnets behind an internal Network Load Balancer on TCP 5432, reachable only from
 * the web fleet's security group (`allowFrom: ['web']`), on that port only. The web
 * servers find it at db.internal.example.com, an alias record in a private hosted
 * zone. The data servers stand in for a database with a plain Python server on 5432,
 * which needs no packages, as the isolated subnets have no route to the internet.
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/three-tier.ts
 * Deploy it (needs an account):  npx cdk deploy ThreeTier
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { ElbTopology, SubnetTier, TopologySpec, WebServer } from '../lib';
import { EXAMPLE_PRIVATE_ZONE, EXAMPLE_ZONE } from './zone';

/** The spec of the three-tier scenario, as plain data. */
export const THREE_TIER_SPEC: TopologySpec = {
  network: { maxAzs: 2, natGateways: 1 },
  hostedZones: { main: EXAMPLE_ZONE, internal: EXAMPLE_PRIVATE_ZONE },
  fleets: {
    web: { webServer: WebServer.HTTPD, port: 8080, minCapacity: 2, maxCapacity: 4, scaleOnRequestsPerTarget: 1000 },
    data: { webServer: WebServer.PYTHON, port: 5432, subnetTier: SubnetTier.DATA, minCapacity: 2, maxCapacity: 2 },
  },
  targetGroups: {
    web: { fleet: 'web', deregistrationDelaySeconds: 30 },
    data: { fleet: 'data', protocol: Protocol.TCP, port: 5432, deregistrationDelaySeconds: 60, connectionTerminationEnabled: true },
  },
  applicationLoadBalancers: {
    public: {
      domainName: 'www.example.com',
      hostedZone: 'main',
      listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } },
    },
  },
  networkLoadBalancers: {
    data: {
      internetFacing: false,
      subnetTier: SubnetTier.DATA,
      allowFrom: ['web'],
      domainName: 'db.internal.example.com',
      hostedZone: 'internal',
      listeners: { postgres: { protocol: Protocol.TCP, port: 5432, targetGroup: 'data' } },
    },
  },
};

/** The three-tier scenario as a stack. */
export class ThreeTierStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: ALB to web fleet to internal NLB to data fleet', ...props });
    this.topology = new ElbTopology(this, 'Topology', { spec: THREE_TIER_SPEC });
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new ThreeTierStack(app, 'ThreeTier');
  app.synth();
}
