import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { applianceCommands } from './appliance';
import { LatencyScaling } from './latency-scaling';
import { webServerCommands } from './user-data';
import { BuiltNetwork } from '../network/network';
import { resolveFleet } from '../private/resolve';
import { WebServer } from '../spec/enums';
import { FleetSpec } from '../spec/fleet';

const GRAVITON_FAMILY = /^[a-z]+\d+[a-z]*g[a-z]*\./;

/** A Linux machine image given by its ID, the same in every region the stack deploys to. */
class GivenImage implements ec2.IMachineImage {
  constructor(private readonly imageId: string) {}

  getImage(): ec2.MachineImageConfig {
    return { imageId: this.imageId, osType: ec2.OperatingSystemType.LINUX, userData: ec2.UserData.forLinux() };
  }
}

/**
 * One fleet: a launch template (Amazon Linux 2023, IMDSv2 required, encrypted gp3
 * root volume, no key pair), its security group (no ingress until a load balancer is
 * wired to it; egress only on 443) and an Auto Scaling group that uses load balancer
 * health checks and reports its launches and terminations to the topology's topic.
 */
export class Fleet extends Construct {
  readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  readonly launchTemplate: ec2.LaunchTemplate;
  readonly securityGroup: ec2.SecurityGroup;

  /**
   * @param appliance whether the fleet is the target of a Gateway Load Balancer, whose
   * default user data makes its instances GENEVE appliances
   */
  constructor(scope: Construct, id: string, private readonly spec: FleetSpec, network: BuiltNetwork, notifications: sns.ITopic, appliance = false) {
    super(scope, id);
    const f = resolveFleet(spec);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: network.vpc,
      description: `Fleet ${id}: admits only its load balancers`,
      allowAllOutbound: false,
    });
    // Egress for package repositories and AWS APIs over HTTPS; the VPC resolver, the
    // instance metadata service and the time service are reached without a rule.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to package repositories and AWS APIs');
    const userData = ec2.UserData.forLinux();
    if (appliance && f.webServer !== WebServer.NONE) userData.addCommands(...applianceCommands(spec.applianceRules ?? []));
    userData.addCommands(...webServerCommands({
      fleetName: id,
      webServer: f.webServer,
      port: f.port,
      healthCheckPath: f.healthCheckPath,
      extraCommands: f.userDataCommands,
    }));
    this.launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      instanceType: new ec2.InstanceType(f.instanceType),
      machineImage: spec.imageId !== undefined ? new GivenImage(spec.imageId) : ec2.MachineImage.latestAmazonLinux2023({
        cpuType: GRAVITON_FAMILY.test(f.instanceType) ? ec2.AmazonLinuxCpuType.ARM_64 : ec2.AmazonLinuxCpuType.X86_64,
      }),
      userData,
      securityGroup: this.securityGroup,
      requireImdsv2: true,
      detailedMonitoring: true,
      httpPutResponseHopLimit: 1,
      associatePublicIpAddress: false,
      blockDevices: [{
        deviceName: '/dev/xvda',
        volume: ec2.BlockDeviceVolume.ebs(f.rootVolumeSizeGiB, {
          encrypted: true,
          volumeType: ec2.EbsDeviceVolumeType.GP3,
          deleteOnTermination: true,
        }),
      }],
    });
    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'Group', {
      vpc: network.vpc,
      vpcSubnets: network.subnets(f.subnetTier),
      launchTemplate: this.launchTemplate,
      minCapacity: f.minCapacity,
      maxCapacity: f.maxCapacity,
      desiredCapacity: f.desiredCapacity,
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.seconds(f.healthCheckGracePeriodSeconds),
      }),
      notifications: [{ topic: notifications }],
    });
    // Name the zones as well as the subnets, so the group's spread is visible in the template.
    const cfnGroup = this.autoScalingGroup.node.defaultChild as autoscaling.CfnAutoScalingGroup;
    cfnGroup.availabilityZones = network.vpc.selectSubnets(network.subnets(f.subnetTier)).availabilityZones;
  }

  /** The port the fleet serves on. */
  get port(): number {
    return resolveFleet(this.spec).port;
  }

  /**
   * Adds the fleet's target-tracking policies: CPU, and request count per target of the
   * given Application Load Balancer target group (which must already be on a listener),
   * and step scaling on that group's response time.
   */
  addScaling(requestsTargetGroup: elbv2.ApplicationTargetGroup | undefined): void {
    if (this.spec.scaleOnCpuPercent !== undefined) {
      this.autoScalingGroup.scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: this.spec.scaleOnCpuPercent });
    }
    if (this.spec.scaleOnRequestsPerTarget !== undefined && requestsTargetGroup) {
      new autoscaling.TargetTrackingScalingPolicy(this, 'RequestScaling', {
        autoScalingGroup: this.autoScalingGroup,
        predefinedMetric: autoscaling.PredefinedMetric.ALB_REQUEST_COUNT_PER_TARGET,
        resourceLabel: `${requestsTargetGroup.firstLoadBalancerFullName}/${requestsTargetGroup.targetGroupFullName}`,
        targetValue: this.spec.scaleOnRequestsPerTarget,
      });
    }
    if (this.spec.scaleOnResponseTimeSeconds !== undefined && requestsTargetGroup) {
      new LatencyScaling(this, 'ResponseTimeScaling', this.autoScalingGroup, requestsTargetGroup, this.spec.scaleOnResponseTimeSeconds);
    }
  }
}
