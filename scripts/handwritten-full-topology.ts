/**
 * Hand-written baseline for the `full-topology` benchmark.
 *
 * The same topology as examples/full-topology, written the way a careful engineer would
 * write it with plain aws-cdk-lib L2 constructs (L1 only for the Elastic IPs, which
 * have no L2):
 *
 * - an internet-facing HTTPS Application Load Balancer (DNS-validated certificate for
 *   www and api, TLS 1.3 policy, HTTP redirected) in front of three fleets: Apache
 *   httpd for the site (a 90/10 canary split over `web` and `web-canary`), a plain
 *   Python server for the API, nginx for static assets; rules route by host, path,
 *   header, query string, method and source IP;
 * - an internet-facing Network Load Balancer with an Elastic IP per zone that
 *   forwards TCP 443 to the ALB (static addresses for allow-lists);
 * - an internal Network Load Balancer in the isolated subnets in front of the data
 *   fleet on 5432, reachable only from the API fleet, under a private DNS name;
 * - access logs of all three load balancers, encrypted VPC flow logs and an SNS topic
 *   for the fleets' scaling events.
 *
 * It synthesizes clean under aws-cdk-lib's CloudFormation validation, cdk-nag
 * `AwsSolutionsChecks` and the Control Tower rules of `@cdklabs/cdk-validator-cfnguard`
 * with the disabled rules of examples/checks.ts; the cdk-nag findings that remain are
 * acknowledged next to the construct they concern.
 */
import {
  Aws, CfnCondition, CfnMapping, CfnOutput, Duration, Fn, RemovalPolicy, Stack, StackProps, Validations,
} from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FactName, RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

/** Where the fleets' web servers serve their page from. */
const DOC_ROOT = '/var/www/topology';

type WebServerKind = 'httpd' | 'nginx' | 'python';

/** What differs between the fleets. */
interface FleetOptions {
  readonly server: WebServerKind;
  readonly port: number;
  readonly healthCheckPath?: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** Subnet group the instances run in. */
  readonly subnetGroupName: 'app' | 'data';
}

interface BuiltFleet {
  readonly asg: autoscaling.AutoScalingGroup;
  readonly securityGroup: ec2.SecurityGroup;
}

/**
 * The whole Elastic Load Balancing topology, written by hand.
 */
export class HandwrittenFullTopologyStack extends Stack {
  private readonly vpc: ec2.Vpc;
  private readonly notifications: sns.Topic;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // ---------------------------------------------------------------- Network
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.10.0.0/16'),
      maxAzs: 2,
      natGateways: 2,
      subnetConfiguration: [
        // Only the load balancers and the NAT gateways live here, and they get their
        // public addresses explicitly: nothing should be handed one on launch.
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // Restricting the default security group takes a Lambda-backed custom resource.
      // Nothing here uses the default group.
      restrictDefaultSecurityGroup: false,
    });
    const vpc = this.vpc;
    this.addFlowLogs(vpc);

    // -------------------------------------------------------------------- DNS
    const publicZone = route53.HostedZone.fromHostedZoneAttributes(this, 'PublicZone', {
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      zoneName: 'example.com',
    });
    const privateZone = route53.HostedZone.fromHostedZoneAttributes(this, 'PrivateZone', {
      hostedZoneId: 'Z0987654321ZYXWVUTSRQ',
      zoneName: 'internal.example.com',
    });

    // ------------------------------------------------------------ Access logs
    const accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      // ELB access logs can only be delivered to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{
        id: 'age-out',
        transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
        noncurrentVersionExpiration: Duration.days(90),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Object events to EventBridge (CT.S3.PR.4), set on the resource: the L2 property
    // would add a Lambda-backed custom resource.
    (accessLogBucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    Validations.of(accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives load balancer access logs; logging the log bucket to itself would loop, '
        + 'and a second log bucket would need one in turn.',
    });

    // ------------------------------------------------------------------ Fleets
    // Launches, terminations and their failures of every fleet.
    this.notifications = new sns.Topic(this, 'ScalingEvents', {
      displayName: 'full-topology Auto Scaling events',
      enforceSSL: true,
    });
    const web = this.fleet('web', { server: 'httpd', port: 8080, minCapacity: 2, maxCapacity: 6, subnetGroupName: 'app' });
    const webCanary = this.fleet('web-canary', { server: 'httpd', port: 8080, minCapacity: 1, maxCapacity: 2, subnetGroupName: 'app' });
    const api = this.fleet('api', { server: 'python', port: 3000, healthCheckPath: '/ready', minCapacity: 2, maxCapacity: 4, subnetGroupName: 'app' });
    const assets = this.fleet('static', { server: 'nginx', port: 8081, minCapacity: 2, maxCapacity: 4, subnetGroupName: 'app' });
    const data = this.fleet('data', { server: 'python', port: 5432, minCapacity: 2, maxCapacity: 2, subnetGroupName: 'data' });

    // ----------------------------------------------------------- Target groups
    const webTargets = new elbv2.ApplicationTargetGroup(this, 'WebTargetGroup', {
      vpc,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 8080,
      targetType: elbv2.TargetType.INSTANCE,
      targets: [web.asg],
      healthCheck: httpHealthCheck('/health'),
      deregistrationDelay: Duration.seconds(60),
      slowStart: Duration.seconds(60),
      loadBalancingAlgorithmType: elbv2.TargetGroupLoadBalancingAlgorithmType.ROUND_ROBIN,
      stickinessCookieDuration: Duration.hours(1),
    });
    const canaryTargets = new elbv2.ApplicationTargetGroup(this, 'WebCanaryTargetGroup', {
      vpc,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 8080,
      targetType: elbv2.TargetType.INSTANCE,
      targets: [webCanary.asg],
      healthCheck: httpHealthCheck('/health'),
      deregistrationDelay: Duration.seconds(60),
    });
    const apiTargets = new elbv2.ApplicationTargetGroup(this, 'ApiTargetGroup', {
      vpc,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 3000,
      targetType: elbv2.TargetType.INSTANCE,
      targets: [api.asg],
      // The API answers fast: check often, decide after two answers.
      healthCheck: { ...httpHealthCheck('/ready'), interval: Duration.seconds(10), healthyThresholdCount: 2, unhealthyThresholdCount: 2 },
      deregistrationDelay: Duration.seconds(30),
      loadBalancingAlgorithmType: elbv2.TargetGroupLoadBalancingAlgorithmType.LEAST_OUTSTANDING_REQUESTS,
    });
    const staticTargets = new elbv2.ApplicationTargetGroup(this, 'StaticTargetGroup', {
      vpc,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 8081,
      targetType: elbv2.TargetType.INSTANCE,
      targets: [assets.asg],
      healthCheck: httpHealthCheck('/health'),
      deregistrationDelay: Duration.seconds(15),
      // Automatic target weights: anomaly mitigation needs the weighted random algorithm.
      loadBalancingAlgorithmType: elbv2.TargetGroupLoadBalancingAlgorithmType.WEIGHTED_RANDOM,
      enableAnomalyMitigation: true,
    });

    // --------------------------------------------- Application Load Balancer
    const albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc,
      description: 'Public ALB: HTTPS and HTTP (redirect) in, fleet ports out',
      allowAllOutbound: false,
    });
    albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet, redirected to HTTPS');
    albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    Validations.of(albSecurityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'An internet-facing load balancer admits its listener ports from the whole internet by design; nothing else is admitted. '
        + 'Behind the edge Network Load Balancer (client IP preservation) it sees the clients\' own addresses on 443 as well.',
    });

    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc,
      vpcSubnets: { subnetGroupName: 'public' },
      internetFacing: true,
      securityGroup: albSecurityGroup,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE,
      deletionProtection: true,
      http2Enabled: true,
      idleTimeout: Duration.seconds(30),
    });
    this.logApplicationAccessLogs(alb, accessLogBucket, 'public');

    const certificate = new acm.Certificate(this, 'Certificate', {
      domainName: 'www.example.com',
      subjectAlternativeNames: ['api.example.com'],
      validation: acm.CertificateValidation.fromDns(publicZone),
    });

    const https = alb.addListener('Https', {
      protocol: elbv2.ApplicationProtocol.HTTPS,
      port: 443,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.TLS13_12_PQ,
      open: false,
      // 90/10 canary split; a client stays on the group it landed on for five minutes.
      defaultAction: elbv2.ListenerAction.weightedForward([
        { targetGroup: webTargets, weight: 9 },
        { targetGroup: canaryTargets, weight: 1 },
      ], { stickinessDuration: Duration.minutes(5) }),
    });
    alb.addListener('Http', {
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 80,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
    });

    const rules: Array<[string, elbv2.ListenerCondition[], elbv2.ListenerAction]> = [
      ['ApiHost', [elbv2.ListenerCondition.hostHeaders(['api.example.com'])], elbv2.ListenerAction.forward([apiTargets])],
      ['ApiWrites', [
        elbv2.ListenerCondition.pathPatterns(['/api/*']),
        elbv2.ListenerCondition.httpRequestMethods(['POST', 'PUT', 'DELETE']),
      ], elbv2.ListenerAction.forward([apiTargets])],
      ['ApiPath', [elbv2.ListenerCondition.pathPatterns(['/api/*'])], elbv2.ListenerAction.forward([apiTargets])],
      ['Static', [elbv2.ListenerCondition.pathPatterns(['/static/*', '/assets/*'])], elbv2.ListenerAction.forward([staticTargets])],
      ['CanaryHeader', [elbv2.ListenerCondition.httpHeader('X-Canary', ['always'])], elbv2.ListenerAction.forward([canaryTargets])],
      ['CanaryQuery', [elbv2.ListenerCondition.queryStrings([{ key: 'canary', value: 'true' }])], elbv2.ListenerAction.forward([canaryTargets])],
      ['AdminOffice', [
        elbv2.ListenerCondition.pathPatterns(['/admin/*']),
        elbv2.ListenerCondition.sourceIps(['203.0.113.0/24']),
      ], elbv2.ListenerAction.forward([webTargets])],
      ['AdminElsewhere', [elbv2.ListenerCondition.pathPatterns(['/admin/*'])],
        elbv2.ListenerAction.fixedResponse(403, { contentType: 'text/plain', messageBody: 'Forbidden' })],
      ['OldBlog', [elbv2.ListenerCondition.pathPatterns(['/blog/*'])],
        elbv2.ListenerAction.redirect({ protocol: '#{protocol}', host: 'blog.example.com', path: '/#{path}', permanent: true })],
    ];
    rules.forEach(([name, conditions, action], i) => {
      new elbv2.ApplicationListenerRule(this, `${name}Rule`, { listener: https, priority: (i + 1) * 10, conditions, action });
    });

    new route53.ARecord(this, 'WwwAlias', {
      zone: publicZone,
      recordName: 'www',
      target: route53.RecordTarget.fromAlias(new route53targets.LoadBalancerTarget(alb)),
    });

    // ------------------------------- Edge Network Load Balancer (static IPs)
    const edgeSecurityGroup = new ec2.SecurityGroup(this, 'EdgeNlbSecurityGroup', {
      vpc,
      description: 'Edge NLB: TCP 443 from the internet, to the ALB',
      allowAllOutbound: false,
    });
    edgeSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    Validations.of(edgeSecurityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'An internet-facing load balancer admits its listener ports from the whole internet by design; nothing else is admitted.',
    });
    albSecurityGroup.connections.allowFrom(edgeSecurityGroup, ec2.Port.tcp(443), 'Edge NLB to the ALB');

    const publicSubnets = vpc.selectSubnets({ subnetGroupName: 'public' }).subnets;
    const edgeIps = publicSubnets.map((_, i) => new ec2.CfnEIP(this, `EdgeIp${i + 1}`, { domain: 'vpc' }));
    const edge = new elbv2.NetworkLoadBalancer(this, 'EdgeNlb', {
      vpc,
      internetFacing: true,
      securityGroups: [edgeSecurityGroup],
      crossZoneEnabled: true,
      deletionProtection: true,
      subnetMappings: publicSubnets.map((subnet, i) => ({ subnet, allocationId: edgeIps[i].attrAllocationId })),
    });
    this.logNetworkAccessLogs(edge, accessLogBucket, 'edge');
    edge.addListener('Tcp443', {
      protocol: elbv2.Protocol.TCP,
      port: 443,
      defaultTargetGroups: [new elbv2.NetworkTargetGroup(this, 'EdgeTargetGroup', {
        vpc,
        protocol: elbv2.Protocol.TCP,
        port: 443,
        targetType: elbv2.TargetType.ALB,
        targets: [new elbv2targets.AlbListenerTarget(https)],
        // Any answer below 500 shows the ALB is up, whatever its default action returns.
        healthCheck: {
          enabled: true,
          protocol: elbv2.Protocol.HTTPS,
          path: '/',
          port: 'traffic-port',
          healthyHttpCodes: '200-499',
          interval: Duration.seconds(30),
          timeout: Duration.seconds(5),
          healthyThresholdCount: 3,
          unhealthyThresholdCount: 3,
        },
        deregistrationDelay: Duration.minutes(5),
      })],
    });

    // -------------------------------- Internal Network Load Balancer (data)
    const dataNlbSecurityGroup = new ec2.SecurityGroup(this, 'DataNlbSecurityGroup', {
      vpc,
      description: 'Data NLB: 5432 from the api fleet only, to the data fleet',
      allowAllOutbound: false,
    });
    dataNlbSecurityGroup.connections.allowFrom(api.securityGroup, ec2.Port.tcp(5432), 'api fleet to the data NLB');
    data.securityGroup.connections.allowFrom(dataNlbSecurityGroup, ec2.Port.tcp(5432), 'Data NLB to the data fleet');
    // Client IP preservation: the data fleet sees the api instances' own addresses.
    data.securityGroup.connections.allowFrom(api.securityGroup, ec2.Port.tcp(5432), 'api fleet through the data NLB (client IP preserved)');

    const dataNlb = new elbv2.NetworkLoadBalancer(this, 'DataNlb', {
      vpc,
      internetFacing: false,
      vpcSubnets: { subnetGroupName: 'data' },
      securityGroups: [dataNlbSecurityGroup],
      crossZoneEnabled: true,
      deletionProtection: true,
    });
    this.logNetworkAccessLogs(dataNlb, accessLogBucket, 'data');
    dataNlb.addListener('Postgres', {
      protocol: elbv2.Protocol.TCP,
      port: 5432,
      defaultTargetGroups: [new elbv2.NetworkTargetGroup(this, 'DataTargetGroup', {
        vpc,
        protocol: elbv2.Protocol.TCP,
        port: 5432,
        targetType: elbv2.TargetType.INSTANCE,
        targets: [data.asg],
        healthCheck: {
          enabled: true,
          protocol: elbv2.Protocol.TCP,
          port: 'traffic-port',
          interval: Duration.seconds(30),
          timeout: Duration.seconds(5),
          healthyThresholdCount: 3,
          unhealthyThresholdCount: 3,
        },
        deregistrationDelay: Duration.seconds(60),
        preserveClientIp: true,
        connectionTermination: true,
      })],
    });
    new route53.ARecord(this, 'DbAlias', {
      zone: privateZone,
      recordName: 'db',
      target: route53.RecordTarget.fromAlias(new route53targets.LoadBalancerTarget(dataNlb)),
    });

    // ---------------------------------------------------------------- Scaling
    // Request-count scaling needs the target group on a listener, so it comes last.
    web.asg.scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: 60 });
    web.asg.scaleOnRequestCount('RequestScaling', { targetRequestsPerMinute: 1000 });
    api.asg.scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: 50 });

    // ---------------------------------------------------------------- Outputs
    new CfnOutput(this, 'AlbDnsName', { value: alb.loadBalancerDnsName, description: 'DNS name of the public ALB' });
    new CfnOutput(this, 'Url', { value: 'https://www.example.com', description: 'URL of the site' });
    new CfnOutput(this, 'EdgeDnsName', { value: edge.loadBalancerDnsName, description: 'DNS name of the edge NLB' });
    edgeIps.forEach((eip, i) => {
      new CfnOutput(this, `EdgeIpAddress${i + 1}`, { value: eip.ref, description: `Static address ${i + 1} of the edge NLB` });
    });
    new CfnOutput(this, 'DataDnsName', { value: dataNlb.loadBalancerDnsName, description: 'DNS name of the data NLB' });
  }

  /** VPC flow logs to CloudWatch Logs, encrypted with a customer managed key. */
  private addFlowLogs(vpc: ec2.Vpc) {
    const key = new kms.Key(this, 'FlowLogKey', {
      description: 'Encrypts the VPC flow log group',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogs',
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:*` },
      },
    }));
    // Grants only for AWS services acting on our behalf (Control Tower CT.KMS.PR.3).
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }));
    const logGroup = new logs.LogGroup(this, 'FlowLogGroup', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }

  /**
   * Access logs of an ALB in an environment-agnostic stack.
   *
   * `alb.logAccessLogs()` needs a concrete region, because the log writer differs by
   * region: Regions launched before August 2022 deliver from a regional Elastic Load
   * Balancing account, newer ones from the log delivery service principal. With the
   * region unknown until deployment, a condition picks one of the two at deploy time:
   * the regional account where one exists, the service principal elsewhere.
   */
  private logApplicationAccessLogs(alb: elbv2.ApplicationLoadBalancer, bucket: s3.Bucket, prefix: string) {
    const accounts = RegionInfo.regionMap(FactName.ELBV2_ACCOUNT);
    const regions = Object.keys(accounts).sort();
    const mapping = new CfnMapping(this, 'ElbLogDeliveryAccount', {
      mapping: Object.fromEntries(regions.map((region) => [region, { account: accounts[region] }])),
    });
    // Fn::Or takes 2 to 10 conditions: OR groups of at most 10 regions.
    const groups: string[][] = [];
    for (let i = 0; i < regions.length; i += 10) groups.push(regions.slice(i, i + 10));
    const inRegion = (region: string) => Fn.conditionEquals(Aws.REGION, region);
    const regionHasElbAccount = new CfnCondition(this, 'RegionHasElbLogDeliveryAccount', {
      expression: Fn.conditionOr(...groups.map((group) =>
        group.length === 1 ? inRegion(group[0]) : Fn.conditionOr(...group.map(inRegion)))),
    });
    const elbAccountArn = `arn:${Aws.PARTITION}:iam::${mapping.findInMap(Aws.REGION, 'account')}:root`;

    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowAlbAccessLogDelivery',
      // Exactly one of the two remains (the other is AWS::NoValue), depending on the Region.
      principals: [
        new iam.ArnPrincipal(Fn.conditionIf(regionHasElbAccount.logicalId, elbAccountArn, Aws.NO_VALUE).toString()),
        new iam.ServicePrincipal(Fn.conditionIf(regionHasElbAccount.logicalId, Aws.NO_VALUE, 'logdelivery.elasticloadbalancing.amazonaws.com').toString()),
      ],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${prefix}/AWSLogs/${this.account}/*`)],
    }));

    alb.setAttribute('access_logs.s3.enabled', 'true');
    alb.setAttribute('access_logs.s3.bucket', bucket.bucketName);
    alb.setAttribute('access_logs.s3.prefix', prefix);
    // ELB checks that it can write to the bucket when logging is turned on.
    alb.node.addDependency(bucket.policy!);
  }

  /**
   * Access logs of a Network Load Balancer (they record its TLS connections): written
   * by CloudWatch Logs' delivery service, for this account only.
   */
  private logNetworkAccessLogs(nlb: elbv2.NetworkLoadBalancer, bucket: s3.Bucket, prefix: string) {
    const delivery = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
    const sourceAccount = { 'aws:SourceAccount': this.account };
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      principals: [delivery],
      resources: [bucket.arnForObjects(`${prefix}/AWSLogs/${this.account}/*`)],
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...sourceAccount } },
    }));
    // Identical statements are merged, so the second NLB adds nothing here.
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['s3:GetBucketAcl'],
      principals: [delivery],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: sourceAccount },
    }));

    nlb.setAttribute('access_logs.s3.enabled', 'true');
    nlb.setAttribute('access_logs.s3.bucket', bucket.bucketName);
    nlb.setAttribute('access_logs.s3.prefix', prefix);
    nlb.node.addDependency(bucket.policy!);
  }

  /** One Auto Scaling fleet and its security group (no ingress until a load balancer is wired to it). */
  private fleet(name: string, options: FleetOptions): BuiltFleet {
    const id = name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
    const vpcSubnets = { subnetGroupName: options.subnetGroupName };

    const securityGroup = new ec2.SecurityGroup(this, `${id}SecurityGroup`, {
      vpc: this.vpc,
      description: `${name} fleet: ${options.port} from its load balancers only, HTTPS out`,
      allowAllOutbound: false,
    });
    // Package repositories and AWS APIs over HTTPS. DNS, NTP and instance metadata are
    // link-local and not subject to security groups.
    securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to package repositories and AWS APIs');

    const userData = ec2.UserData.forLinux();
    userData.addCommands(...webServerCommands(name, options.server, options.port, options.healthCheckPath ?? '/health'));

    const launchTemplate = new ec2.LaunchTemplate(this, `${id}LaunchTemplate`, {
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
      securityGroup,
      userData,
      requireImdsv2: true,
      httpPutResponseHopLimit: 1,
      detailedMonitoring: true,
      associatePublicIpAddress: false,
      blockDevices: [{
        deviceName: '/dev/xvda',
        volume: ec2.BlockDeviceVolume.ebs(8, { volumeType: ec2.EbsDeviceVolumeType.GP3, encrypted: true, deleteOnTermination: true }),
      }],
    });

    const asg = new autoscaling.AutoScalingGroup(this, `${id}Fleet`, {
      vpc: this.vpc,
      vpcSubnets,
      launchTemplate,
      minCapacity: options.minCapacity,
      maxCapacity: options.maxCapacity,
      // desiredCapacity is left unset: a fixed value would reset the size on every deployment.
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(5),
      }),
      notifications: [{ topic: this.notifications }],
    });
    // State the group's Availability Zones explicitly (those of its subnets): Control
    // Tower CT.AUTOSCALING.PR.1 reads `AvailabilityZones`, not `VPCZoneIdentifier`.
    (asg.node.defaultChild as autoscaling.CfnAutoScalingGroup).availabilityZones = this.vpc.selectSubnets(vpcSubnets).availabilityZones;

    return { asg, securityGroup };
  }
}

/** An HTTP health check of a path on the traffic port, expecting 200. */
function httpHealthCheck(path: string): elbv2.HealthCheck {
  return {
    enabled: true,
    protocol: elbv2.Protocol.HTTP,
    path,
    port: 'traffic-port',
    healthyHttpCodes: '200',
    interval: Duration.seconds(30),
    timeout: Duration.seconds(5),
    healthyThresholdCount: 3,
    unhealthyThresholdCount: 3,
  };
}

/**
 * User data (bash, Amazon Linux 2023) that turns an instance into a web server
 * answering every path with a page naming the instance, and `healthCheckPath` with 200.
 */
function webServerCommands(fleet: string, server: WebServerKind, port: number, healthCheckPath: string): string[] {
  const page = [
    'set -euo pipefail',
    'IMDS_TOKEN="$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H \'X-aws-ec2-metadata-token-ttl-seconds: 300\')"',
    'imds() { curl -sS -H "X-aws-ec2-metadata-token: ${IMDS_TOKEN}" "http://169.254.169.254/latest/meta-data/$1"; }',
    'INSTANCE_ID="$(imds instance-id)"',
    'AVAILABILITY_ZONE="$(imds placement/availability-zone)"',
    'HOST_NAME="$(hostname -f)"',
    `mkdir -p ${DOC_ROOT}`,
    `cat > ${DOC_ROOT}/index.html <<PAGE`,
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>${HOST_NAME}</title></head>',
    `<body><h1>\${HOST_NAME}</h1><p>Instance \${INSTANCE_ID} in \${AVAILABILITY_ZONE}, fleet ${fleet}, ${server} on port ${port}.</p></body></html>`,
    'PAGE',
    `mkdir -p "$(dirname ${DOC_ROOT}${healthCheckPath})"`,
    `echo ok > ${DOC_ROOT}${healthCheckPath}`,
  ];
  switch (server) {
    case 'httpd':
      return [
        ...page,
        'dnf install -y httpd',
        `sed -i 's/^Listen 80$/Listen ${port}/' /etc/httpd/conf/httpd.conf`,
        'cat > /etc/httpd/conf.d/topology.conf <<CONF',
        `<VirtualHost *:${port}>`,
        `  DocumentRoot ${DOC_ROOT}`,
        `  <Directory ${DOC_ROOT}>`,
        '    Require all granted',
        '    FallbackResource /index.html',
        '  </Directory>',
        '</VirtualHost>',
        'CONF',
        'systemctl enable --now httpd',
      ];
    case 'nginx':
      return [
        ...page,
        'dnf install -y nginx',
        "cat > /etc/nginx/nginx.conf <<'CONF'",
        'user nginx;',
        'worker_processes auto;',
        'error_log /var/log/nginx/error.log;',
        'pid /run/nginx.pid;',
        'include /usr/share/nginx/modules/*.conf;',
        'events { worker_connections 1024; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  default_type text/plain;',
        '  access_log /var/log/nginx/access.log;',
        '  server {',
        `    listen ${port};`,
        `    root ${DOC_ROOT};`,
        '    location / { try_files $uri /index.html; }',
        '  }',
        '}',
        'CONF',
        'systemctl enable --now nginx',
      ];
    case 'python':
      return [
        ...page,
        'mkdir -p /opt/topology',
        "cat > /opt/topology/server.py <<'PY'",
        'import http.server',
        `PAGE = open("${DOC_ROOT}/index.html", "rb").read()`,
        `HEALTH_PATH = "${healthCheckPath}"`,
        '',
        'class Handler(http.server.BaseHTTPRequestHandler):',
        '    def answer(self, send_body):',
        '        body = b"ok\\n" if self.path.split("?")[0] == HEALTH_PATH else PAGE',
        '        self.send_response(200)',
        '        self.send_header("Content-Type", "text/plain" if body == b"ok\\n" else "text/html; charset=utf-8")',
        '        self.send_header("Content-Length", str(len(body)))',
        '        self.end_headers()',
        '        if send_body:',
        '            self.wfile.write(body)',
        '',
        '    def do_GET(self):',
        '        self.answer(True)',
        '',
        '    def do_HEAD(self):',
        '        self.answer(False)',
        '',
        `http.server.ThreadingHTTPServer(("", ${port}), Handler).serve_forever()`,
        'PY',
        "cat > /etc/systemd/system/topology-web.service <<'UNIT'",
        '[Unit]',
        'Description=Topology web server',
        'After=network-online.target',
        '[Service]',
        'ExecStart=/usr/bin/python3 /opt/topology/server.py',
        'DynamicUser=yes',
        'AmbientCapabilities=CAP_NET_BIND_SERVICE',
        'Restart=always',
        '[Install]',
        'WantedBy=multi-user.target',
        'UNIT',
        'systemctl daemon-reload',
        'systemctl enable --now topology-web',
      ];
  }
}
