/**
 * inspection-gwlb: an internet-facing web fleet whose traffic passes a Gateway Load
 * Balancer with two GENEVE appliances.
 *
 * The ALB sits in the public subnets, which are protected: the internet gateway's edge
 * route table sends their traffic to the Gateway Load Balancer endpoint of their zone, and
 * their default route leads to the same endpoint, so requests and responses both pass the
 * appliances. The appliances (one per zone, in the `appliances` subnets) return every
 * GENEVE datagram to the load balancer after an nftables chain that counts the traffic and
 * drops floods above 100,000 packets a second. Their web server answers the load
 * balancer's health checks on port 80.
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/inspection-gwlb.ts
 * Deploy it (needs an account):  npx cdk deploy InspectionGwlb
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ElbTopology, FlowStickiness, SubnetTier, TopologySpec, WebServer } from '../lib';
import { EXAMPLE_ZONE } from './zone';

/** The spec of the inspection-gwlb scenario, as plain data. */
export const INSPECTION_GWLB_SPEC: TopologySpec = {
  network: { maxAzs: 2, natGateways: 2 },
  hostedZones: { main: EXAMPLE_ZONE },
  fleets: {
    web: { webServer: WebServer.HTTPD, port: 8080, minCapacity: 2, maxCapacity: 4, scaleOnRequestsPerTarget: 1000 },
    firewall: {
      webServer: WebServer.PYTHON,
      subnetTier: SubnetTier.APPLIANCES,
      instanceType: 'c7g.large',
      minCapacity: 2,
      maxCapacity: 4,
      scaleOnCpuPercent: 60,
      applianceRules: ['counter', 'limit rate over 100000/second drop'],
    },
  },
  targetGroups: { web: { fleet: 'web' } },
  applicationLoadBalancers: {
    public: {
      domainName: 'inspected.example.com',
      hostedZone: 'main',
      listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } },
    },
  },
  gatewayLoadBalancers: {
    inspection: {
      listener: { targetGroup: { fleet: 'firewall', flowStickiness: FlowStickiness.THREE_TUPLE, deregistrationDelaySeconds: 60 } },
      inspection: { protectedSubnetTier: SubnetTier.PUBLIC, endpointSubnetTier: SubnetTier.ENDPOINTS },
    },
  },
};

/** The inspection-gwlb scenario as a stack. */
export class InspectionGwlbStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: an HTTPS ALB whose traffic passes GENEVE appliances behind a Gateway Load Balancer', ...props });
    this.topology = new ElbTopology(this, 'Topology', { spec: INSPECTION_GWLB_SPEC });
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new InspectionGwlbStack(app, 'InspectionGwlb');
  app.synth();
}
