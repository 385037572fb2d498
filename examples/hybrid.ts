/**
 * hybrid: load balancing across AWS and an on-premises data center, with a Lambda route,
 * weighted DNS and an active/passive failover pair.
 *
 * The `primary` ALB forwards to an Auto Scaling fleet in AWS and to on-premises servers
 * reached over a VPN or Direct Connect: an IP target group holds a server in the VPC and
 * two on-premises addresses (registered in Availability Zone `all`), and the default
 * action splits requests 80/20 between the fleet and that group. A rule sends `/legacy/*`
 * to the on-premises servers only, and `/api/*` goes to a Lambda function. The `standby`
 * ALB forwards to the on-premises servers alone.
 *
 * In Route 53, `www.example.com` is a weighted pair (90 % primary, 10 % standby), and
 * `app.example.com` an active/passive failover pair: the primary record has a Route 53
 * health check, and traffic moves to the standby when it fails.
 *
 * The on-premises addresses (192.168.10.0/24) need a route from the VPC (a VPN or Direct
 * Connect gateway), which this example does not create.
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/hybrid.ts
 * Deploy it (needs an account):  npx cdk deploy Hybrid
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Failover } from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { ElbTopology, TopologySpec, WebServer } from '../lib';
import { EXAMPLE_ZONE } from './zone';

const ON_PREMISES = [{ ipAddress: '192.168.10.21' }, { ipAddress: '192.168.10.22' }];

/** The spec of the hybrid scenario, as plain data. */
export const HYBRID_SPEC: TopologySpec = {
  network: { cidr: '10.30.0.0/16', maxAzs: 2, natGateways: 1 },
  hostedZones: { main: EXAMPLE_ZONE },
  fleets: {
    web: { webServer: WebServer.HTTPD, port: 8080, minCapacity: 2, maxCapacity: 4, scaleOnRequestsPerTarget: 1000 },
  },
  targetGroups: {
    'web': { fleet: 'web' },
    // One group, AWS and on premises: a server in the VPC, and two addresses outside it.
    'hybrid': { port: 8080, ipTargets: [{ ipAddress: '10.30.8.10' }, ...ON_PREMISES], healthCheck: { path: '/health' } },
    'on-premises': { port: 8080, ipTargets: ON_PREMISES, healthCheck: { path: '/health' } },
    'api': { lambdaFunction: 'api' },
  },
  applicationLoadBalancers: {
    primary: {
      domainName: 'primary.example.com',
      subjectAlternativeNames: ['www.example.com', 'app.example.com'],
      hostedZone: 'main',
      listeners: {
        https: {
          defaultAction: { weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 80 }, { targetGroup: 'hybrid', weight: 20 }] } },
        },
      },
      rules: [
        { name: 'legacy', conditions: { pathPatterns: ['/legacy/*'] }, forward: { targetGroup: 'hybrid' } },
        { name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } },
      ],
    },
    standby: {
      domainName: 'standby.example.com',
      subjectAlternativeNames: ['www.example.com', 'app.example.com'],
      hostedZone: 'main',
      listeners: { https: { defaultAction: { forward: { targetGroup: 'on-premises' } } } },
    },
  },
  dnsRecords: {
    'www-primary': { domainName: 'www.example.com', hostedZone: 'main', applicationLoadBalancer: 'primary', weight: 90 },
    'www-standby': { domainName: 'www.example.com', hostedZone: 'main', applicationLoadBalancer: 'standby', weight: 10 },
    'app-active': { domainName: 'app.example.com', hostedZone: 'main', applicationLoadBalancer: 'primary', failover: Failover.PRIMARY, healthCheckPath: '/health' },
    'app-passive': { domainName: 'app.example.com', hostedZone: 'main', applicationLoadBalancer: 'standby', failover: Failover.SECONDARY },
  },
};

/** The hybrid scenario as a stack: the Lambda function of the `/api/*` route, and the topology. */
export class HybridStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: AWS and on-premises targets, a Lambda route, weighted and failover DNS', ...props });
    // The function's log group, encrypted with a key of its own, and a role that may write only there.
    const logsKey = new kms.Key(this, 'ApiLogsKey', { description: 'Encrypts the log group of the hybrid example\'s API function', enableKeyRotation: true });
    logsKey.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`));
    logsKey.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }));
    const logGroup = new logs.LogGroup(this, 'ApiLogs', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: logsKey });
    const role = new iam.Role(this, 'ApiRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const api = new lambda.Function(this, 'Api', {
      runtime: lambda.Runtime.NODEJS_LATEST,
      handler: 'index.handler',
      code: lambda.Code.fromInline([
        'exports.handler = async (event) => ({',
        '  statusCode: 200, statusDescription: "200 OK", isBase64Encoded: false,',
        '  headers: { "content-type": "application/json" },',
        '  body: JSON.stringify({ path: event.path, answeredBy: "lambda" }),',
        '});',
      ].join('\n')),
      role,
      logGroup,
    });
    this.topology = new ElbTopology(this, 'Topology', { spec: HYBRID_SPEC, existing: { lambdaFunctions: { api } } });
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new HybridStack(app, 'Hybrid');
  app.synth();
}
