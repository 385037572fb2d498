import { SubnetTier, WebServer } from './enums';

/**
 * An Auto Scaling group of EC2 instances that serve as load balancer targets.
 *
 * Each fleet is an Auto Scaling group launched from a launch template: Amazon Linux
 * 2023, IMDSv2 required, an encrypted gp3 root volume, no key pair and no SSH. Its
 * user data installs a web server on `port` that answers with the instance's host
 * name and Availability Zone, and answers 200 on `healthCheckPath`. The group uses the
 * load balancer health checks of the target groups it is in.
 *
 * @example
 * const web: FleetSpec = {
 *   webServer: WebServer.NGINX,
 *   port: 8080,
 *   minCapacity: 2,
 *   maxCapacity: 6,
 *   scaleOnRequestsPerTarget: 1000,
 * };
 */
export interface FleetSpec {
  /**
   * The EC2 instance type, for example `t3.micro` or `m7g.large`.
   *
   * A Graviton type (one whose family ends in `g`, such as `m7g`) gets the arm64 image.
   *
   * @default 't3.micro'
   */
  readonly instanceType?: string;

  /**
   * The minimum number of instances.
   *
   * From 0 to `maxCapacity`.
   *
   * @default - 2, or `maxCapacity` when that is below 2
   */
  readonly minCapacity?: number;

  /**
   * The maximum number of instances.
   *
   * At least `minCapacity` and at least 1.
   *
   * @default - twice `minCapacity`, and at least 1
   */
  readonly maxCapacity?: number;

  /**
   * The number of instances to start with.
   *
   * From `minCapacity` to `maxCapacity`. Left out, Auto Scaling keeps the current
   * count on each deployment, so scaling activity is not undone by `cdk deploy`.
   *
   * @default - `minCapacity` at creation; unchanged by later deployments
   */
  readonly desiredCapacity?: number;

  /**
   * The TCP port the instances serve on.
   *
   * From 1 to 65535. Target groups of this fleet send traffic to this port unless they
   * set their own, so a listener on 443 can forward to 8080 (port translation).
   *
   * @default 80
   */
  readonly port?: number;

  /**
   * The web server that the user data installs and starts on `port`.
   *
   * @default WebServer.HTTPD
   */
  readonly webServer?: WebServer;

  /**
   * The path on which the web server answers 200 for health checks.
   *
   * Must begin with `/`. Target groups of this fleet check this path unless they set
   * their own.
   *
   * @default '/health'
   */
  readonly healthCheckPath?: string;

  /**
   * Shell commands that the user data runs after the web server is set up.
   *
   * With `webServer: WebServer.NONE`, these commands alone make the instance serve.
   *
   * @default - none
   */
  readonly userDataCommands?: string[];

  /**
   * The subnet tier the instances run in.
   *
   * @default SubnetTier.APP
   */
  readonly subnetTier?: SubnetTier;

  /**
   * How long after an instance starts before Auto Scaling acts on failed load balancer
   * health checks.
   *
   * From 0 to 7200 seconds. It should cover the time the user data takes to install
   * and start the web server.
   *
   * @default 300
   */
  readonly healthCheckGracePeriodSeconds?: number;

  /**
   * The ID of the machine image (AMI) the instances run, for example a vendor's firewall.
   *
   * An AMI is specific to one region. With an image of your own, set `webServer` to
   * `WebServer.NONE` and give the `userDataCommands` the image needs.
   *
   * @default - the latest Amazon Linux 2023 image for the instance type's architecture
   */
  readonly imageId?: string;

  /**
   * nftables rules that an appliance applies to each GENEVE packet before returning it to
   * its Gateway Load Balancer.
   *
   * Only for a fleet that is the target of a Gateway Load Balancer, with the default
   * user data. Each entry is one rule of the nftables chain `inspect` (family `ip`),
   * for example `'meta length > 1400 counter'` or `'limit rate over 50000/second drop'`.
   * A rule sees the whole GENEVE datagram (outer IPv4 and UDP headers, GENEVE header,
   * then the inspected packet); a packet a rule drops never reaches its destination.
   * One line each, at most 512 characters.
   *
   * @default - none: the appliance passes every packet through
   * @see https://wiki.nftables.org/wiki-nftables/index.php/Quick_reference-nftables_in_10_minutes
   */
  readonly applianceRules?: string[];

  /**
   * The size of the encrypted gp3 root volume, in GiB.
   *
   * From 8 to 16384.
   *
   * @default 8
   */
  readonly rootVolumeSizeGiB?: number;

  /**
   * Scale out and in to keep this many requests per target per minute.
   *
   * Target tracking on the `ALBRequestCountPerTarget` metric of the target group named
   * in `scaleOnRequestsTargetGroup`. From 1 to 1,000,000.
   *
   * @default - no scaling on request count
   * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
   */
  readonly scaleOnRequestsPerTarget?: number;

  /**
   * The target group whose request count per target drives `scaleOnRequestsPerTarget`,
   * and whose response time drives `scaleOnResponseTimeSeconds`.
   *
   * The name of an Application Load Balancer target group of this fleet.
   *
   * @default - the fleet's only target group that an Application Load Balancer forwards to
   */
  readonly scaleOnRequestsTargetGroup?: string;

  /**
   * Scale out while the targets answer slower than this many seconds, and back in once
   * they answer in less than half of it.
   *
   * Step scaling on the average `TargetResponseTime` of the target group named in
   * `scaleOnRequestsTargetGroup` (the average follows the fleet's load; a high
   * percentile is dominated by a few slow requests that more instances do not speed
   * up). When the average stays at or above this value for 3 minutes in a row, the fleet
   * adds one instance (two at twice the value); when it stays at or below half of it
   * for 3 minutes, the fleet removes one. It works beside `scaleOnRequestsPerTarget`
   * and `scaleOnCpuPercent`: Auto Scaling follows the policy that asks for the most
   * instances. Greater than 0 and at most 4000 (the longest idle timeout of an
   * Application Load Balancer).
   *
   * @default - no scaling on response time
   * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html
   */
  readonly scaleOnResponseTimeSeconds?: number;

  /**
   * Scale out and in to keep the fleet's average CPU utilization at this percentage.
   *
   * From 1 to 100.
   *
   * @default - no scaling on CPU utilization
   */
  readonly scaleOnCpuPercent?: number;
}
