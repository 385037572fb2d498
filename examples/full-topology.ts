/**
 * full-topology: every part of the library in one stack.
 *
 * The internet-facing web tier: an HTTPS Application Load Balancer (DNS-validated
 * certificate for www.example.com and api.example.com, TLS 1.3 policy, HTTP redirected)
 * in front of three fleets, one per web server kind: Apache httpd for the site, a plain
 * Python server for the API, nginx for static assets. Rules route by host, path,
 * header, query string, method and source IP; the site's target group is a 90/10
 * canary split; each target group shows a different balancing method. A Network Load
 * Balancer with an Elastic IP per zone forwards TCP 443 to the ALB (static addresses for
 * allow-lists), and an internal Network Load Balancer in the isolated subnets fronts the
 * data fleet on 5432, admitting only the API fleet, under a private DNS name. A Gateway
 * Load Balancer with a fleet of GENEVE appliances inspects all traffic of the public
 * subnets, through one endpoint per zone. An AWS WAF web ACL guards the ALB; CloudWatch
 * alarms on every load balancer and target group report to an SNS topic, a dashboard shows
 * their metrics, and the web fleet also scales on its response time.
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/full-topology.ts
 * Deploy it (needs an account):  npx cdk deploy FullTopology
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Protocol, TargetGroupLoadBalancingAlgorithmType } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { ElbTopology, FixedResponseContentType, StickinessType, SubnetTier, TopologySpec, WebServer } from '../lib';
import { EXAMPLE_PRIVATE_ZONE, EXAMPLE_ZONE } from './zone';

/** The spec of the full-topology scenario, as plain data. */
export const FULL_TOPOLOGY_SPEC: TopologySpec = {
  network: { cidr: '10.10.0.0/16', maxAzs: 2, natGateways: 2 },
  hostedZones: { main: EXAMPLE_ZONE, internal: EXAMPLE_PRIVATE_ZONE },
  fleets: {
    'web': {
      webServer: WebServer.HTTPD,
      port: 8080,
      minCapacity: 2,
      maxCapacity: 6,
      scaleOnRequestsPerTarget: 1000,
      scaleOnResponseTimeSeconds: 0.5,
      scaleOnRequestsTargetGroup: 'web',
      scaleOnCpuPercent: 60,
    },
    'web-canary': { webServer: WebServer.HTTPD, port: 8080, minCapacity: 1, maxCapacity: 2 },
    'api': { webServer: WebServer.PYTHON, port: 3000, healthCheckPath: '/ready', minCapacity: 2, maxCapacity: 4, scaleOnCpuPercent: 50 },
    'static': { webServer: WebServer.NGINX, port: 8081, minCapacity: 2, maxCapacity: 4 },
    'data': { webServer: WebServer.PYTHON, port: 5432, subnetTier: SubnetTier.DATA, minCapacity: 2, maxCapacity: 2 },
    // GENEVE appliances of the Gateway Load Balancer: they count and pass every packet.
    'firewall': { webServer: WebServer.PYTHON, subnetTier: SubnetTier.APPLIANCES, minCapacity: 2, maxCapacity: 4, applianceRules: ['counter'] },
  },
  targetGroups: {
    'web': {
      fleet: 'web',
      algorithm: TargetGroupLoadBalancingAlgorithmType.ROUND_ROBIN,
      slowStartSeconds: 60,
      stickinessType: StickinessType.LB_COOKIE,
      stickinessCookieDurationSeconds: 3600,
      deregistrationDelaySeconds: 60,
    },
    'web-canary': { fleet: 'web-canary', deregistrationDelaySeconds: 60 },
    'api': {
      fleet: 'api',
      algorithm: TargetGroupLoadBalancingAlgorithmType.LEAST_OUTSTANDING_REQUESTS,
      healthCheck: { intervalSeconds: 10, timeoutSeconds: 5, healthyThresholdCount: 2, unhealthyThresholdCount: 2 },
      deregistrationDelaySeconds: 30,
    },
    'static': {
      fleet: 'static',
      algorithm: TargetGroupLoadBalancingAlgorithmType.WEIGHTED_RANDOM,
      anomalyMitigationEnabled: true,
      deregistrationDelaySeconds: 15,
    },
    'edge': { applicationLoadBalancer: 'public', protocol: Protocol.TCP, port: 443 },
    'data': { fleet: 'data', protocol: Protocol.TCP, port: 5432, connectionTerminationEnabled: true, deregistrationDelaySeconds: 60 },
  },
  networkLoadBalancers: {
    // Static addresses (one Elastic IP per zone) in front of the ALB's layer-7 routing.
    edge: { listeners: { https: { protocol: Protocol.TCP, port: 443, targetGroup: 'edge' } } },
    // The data tier: reachable from the API fleet only, on 5432 only, by a private name.
    data: {
      internetFacing: false,
      subnetTier: SubnetTier.DATA,
      allowFrom: ['api'],
      domainName: 'db.internal.example.com',
      hostedZone: 'internal',
      listeners: { postgres: { protocol: Protocol.TCP, port: 5432, targetGroup: 'data' } },
    },
  },
  // AWS managed rule groups (common rule set, known bad inputs, IP reputation, SQL injection),
  // a rate limit per client IP, and a deny list.
  webAcls: {
    edge: {
      rateLimit: { limit: 2000, windowSeconds: 300, priority: 5 },
      blockedIpCidrs: ['192.0.2.0/24', '2001:db8::/32'],
    },
  },
  // Alarms on every load balancer and target group, to a topic the topology creates, and a dashboard.
  monitoring: { targetResponseTime: { threshold: 0.5 } },
  // The public subnets (the ALB, the edge NLB's Elastic IPs) are inspected by the appliances.
  gatewayLoadBalancers: {
    inspection: { listener: { targetGroup: { fleet: 'firewall' } }, inspection: { protectedSubnetTier: SubnetTier.PUBLIC } },
  },
  applicationLoadBalancers: {
    public: {
      webAcl: 'edge',
      domainName: 'www.example.com',
      subjectAlternativeNames: ['api.example.com'],
      hostedZone: 'main',
      idleTimeoutSeconds: 30,
      listeners: {
        https: {
          defaultAction: {
            weightedForward: {
              targetGroups: [{ targetGroup: 'web', weight: 9 }, { targetGroup: 'web-canary', weight: 1 }],
              stickinessDurationSeconds: 300,
            },
          },
        },
      },
      rules: [
        { name: 'api-host', conditions: { hostHeaders: ['api.example.com'] }, forward: { targetGroup: 'api' } },
        { name: 'api-writes', conditions: { pathPatterns: ['/api/*'], httpRequestMethods: ['POST', 'PUT', 'DELETE'] }, forward: { targetGroup: 'api' } },
        { name: 'api-path', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } },
        { name: 'static', conditions: { pathPatterns: ['/static/*', '/assets/*'] }, forward: { targetGroup: 'static' } },
        { name: 'canary-header', conditions: { httpHeaders: { 'X-Canary': ['always'] } }, forward: { targetGroup: 'web-canary' } },
        { name: 'canary-query', conditions: { queryStrings: [{ key: 'canary', value: 'true' }] }, forward: { targetGroup: 'web-canary' } },
        { name: 'admin-office', conditions: { pathPatterns: ['/admin/*'], sourceIps: ['203.0.113.0/24'] }, forward: { targetGroup: 'web' } },
        { name: 'admin-elsewhere', conditions: { pathPatterns: ['/admin/*'] }, fixedResponse: { statusCode: 403, contentType: FixedResponseContentType.TEXT_PLAIN, messageBody: 'Forbidden' } },
        { name: 'old-blog', conditions: { pathPatterns: ['/blog/*'] }, redirect: { host: 'blog.example.com', path: '/#{path}', permanent: true } },
      ],
    },
  },
};

/** The full-topology scenario as a stack. */
export class FullTopologyStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: the whole topology in one stack', ...props });
    this.topology = new ElbTopology(this, 'Topology', { spec: FULL_TOPOLOGY_SPEC });
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new FullTopologyStack(app, 'FullTopology');
  app.synth();
}
