import { Aws, CfnCondition, CfnMapping, Duration, Fn, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct, IConstruct } from 'constructs';

const LOG_DELIVERY_PRINCIPAL = 'logdelivery.elasticloadbalancing.amazonaws.com';

/**
 * The topology's bucket for load balancer access logs: S3-managed encryption (the
 * only encryption ELB access logs support), TLS only, no public access, versioned,
 * objects moved to Infrequent Access after 30 days, old versions removed after 90,
 * events sent to EventBridge, and retained when the stack is deleted.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: s3.Bucket;
  private principals?: iam.IPrincipal[];
  private deliveryMayReadAcl = false;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
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
    // Set on the resource itself: the L2 property would add a custom-resource Lambda.
    (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives load balancer access logs; logging the log bucket to itself would loop, and a second log bucket would need one in turn.',
    });
  }

  /**
   * Turns on access logs of a load balancer to this bucket under `prefix`, granting
   * Elastic Load Balancing's log delivery the right to write there.
   */
  enableFor(loadBalancer: elbv2.ApplicationLoadBalancer, prefix: string): void {
    this.setLogAttributes(loadBalancer, prefix);
    // The principal depends on the region: an ELB account in older regions, the log
    // delivery service elsewhere. It is resolved at deploy time for env-agnostic stacks.
    this.grantPut(loadBalancer, prefix, this.elbPrincipals());
  }

  /**
   * Turns on access logs of a Network Load Balancer (they record its TLS connections)
   * to this bucket under `prefix`. CloudWatch Logs' delivery service writes them.
   */
  enableForNetwork(loadBalancer: elbv2.NetworkLoadBalancer, prefix: string): void {
    this.setLogAttributes(loadBalancer, prefix);
    const delivery = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
    const sourceAccount = { 'aws:SourceAccount': Aws.ACCOUNT_ID };
    this.grantPut(loadBalancer, prefix, [delivery], { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...sourceAccount } });
    if (!this.deliveryMayReadAcl) {
      this.bucket.addToResourcePolicy(new iam.PolicyStatement({
        actions: ['s3:GetBucketAcl'],
        principals: [delivery],
        resources: [this.bucket.bucketArn],
        conditions: { StringEquals: sourceAccount },
      }));
      this.deliveryMayReadAcl = true;
    }
  }

  /**
   * Turns on access logs of a Classic Load Balancer to this bucket under `prefix`,
   * written every 60 minutes, granting Elastic Load Balancing's log delivery the right
   * to write there (the same principals as for an Application Load Balancer).
   */
  enableForClassic(loadBalancer: elb.LoadBalancer, prefix: string): void {
    (loadBalancer.node.defaultChild as elb.CfnLoadBalancer).accessLoggingPolicy = {
      enabled: true,
      s3BucketName: this.bucket.bucketName,
      s3BucketPrefix: prefix,
      emitInterval: 60,
    };
    // The load balancer resource itself waits for the policy (not its security group).
    this.grantPut(loadBalancer.node.defaultChild!, prefix, this.elbPrincipals());
  }

  private setLogAttributes(loadBalancer: elbv2.BaseLoadBalancer, prefix: string): void {
    loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
    loadBalancer.setAttribute('access_logs.s3.bucket', this.bucket.bucketName);
    loadBalancer.setAttribute('access_logs.s3.prefix', prefix);
  }

  /** Lets `principals` put log objects under `prefix`; `dependent` waits for the bucket policy. */
  private grantPut(dependent: IConstruct, prefix: string, principals: iam.IPrincipal[], conditions?: { [key: string]: unknown }): void {
    const result = this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      principals,
      resources: [this.bucket.arnForObjects(`${prefix}/AWSLogs/${Aws.ACCOUNT_ID}/*`)],
      conditions,
    }));
    if (result.policyDependable) dependent.node.addDependency(result.policyDependable);
  }

  /** The ELB log-delivery principals of the stack's region, made once per bucket. */
  private elbPrincipals(): iam.IPrincipal[] {
    return (this.principals ??= this.deliveryPrincipals());
  }

  private deliveryPrincipals(): iam.IPrincipal[] {
    const stack = Stack.of(this);
    const region = stack.region;
    if (!Token.isUnresolved(region)) {
      const account = RegionInfo.get(region).elbv2Account;
      return [account ? new iam.AccountPrincipal(account) : new iam.ServicePrincipal(LOG_DELIVERY_PRINCIPAL)];
    }
    const accounts = RegionInfo.regions
      .map((r) => [r.name, r.elbv2Account] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const mapping = new CfnMapping(this, 'ElbAccounts', {
      mapping: Object.fromEntries(accounts.map(([r, a]) => [r, { account: a }])),
    });
    const isLegacy = new CfnCondition(this, 'RegionHasElbAccount', {
      expression: anyOf(accounts.map(([r]) => Fn.conditionEquals(Aws.REGION, r))),
    });
    return [
      new iam.ArnPrincipal(Fn.conditionIf(isLegacy.logicalId,
        Fn.join('', ['arn:', Aws.PARTITION, ':iam::', mapping.findInMap(Aws.REGION, 'account'), ':root']), Aws.NO_VALUE).toString()),
      new iam.ServicePrincipal(Fn.conditionIf(isLegacy.logicalId, Aws.NO_VALUE, LOG_DELIVERY_PRINCIPAL).toString()),
    ];
  }
}

/** `Fn::Or` over any number of conditions (CloudFormation takes 2 to 10 per `Fn::Or`). */
function anyOf(conditions: ReturnType<typeof Fn.conditionEquals>[]): ReturnType<typeof Fn.conditionOr> {
  if (conditions.length === 1) return Fn.conditionOr(conditions[0], conditions[0]);
  if (conditions.length <= 10) return Fn.conditionOr(...conditions);
  const groups: ReturnType<typeof Fn.conditionOr>[] = [];
  for (let i = 0; i < conditions.length; i += 9) groups.push(anyOf(conditions.slice(i, i + 9)));
  return anyOf(groups);
}
