import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { Fleet } from '../fleets/fleet';

/** The security group ports of a listener or target: TCP, UDP or both. */
export function portsFor(protocol: string, port: number): ec2.Port[] {
  if (protocol === Protocol.UDP) return [ec2.Port.udp(port)];
  if (protocol === Protocol.TCP_UDP) return [ec2.Port.tcp(port), ec2.Port.udp(port)];
  return [ec2.Port.tcp(port)];
}

/** A load balancer's own security group: no egress until targets are wired to it. */
export function loadBalancerSecurityGroup(scope: Construct, vpc: ec2.IVpc, name: string): ec2.SecurityGroup {
  return new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc,
    description: `Load balancer ${name}: admits its listener ports`,
    allowAllOutbound: false,
  });
}

/** Who may connect to a load balancer: CIDR ranges and fleets (by security group). */
export interface LoadBalancerClients {
  readonly peers: ec2.IPeer[];
  readonly fleets: Fleet[];
}

/**
 * The clients of a load balancer: the given CIDRs; else the internet when it is
 * internet-facing; else, when no fleet is named in `allowFrom`, the VPC's CIDR block.
 */
export function loadBalancerClients(
  vpc: ec2.IVpc,
  internetFacing: boolean,
  ingressCidrs: string[] | undefined,
  allowFrom: Fleet[],
): LoadBalancerClients {
  let peers: ec2.IPeer[];
  if (ingressCidrs) peers = ingressCidrs.map((c) => (c === '0.0.0.0/0' ? ec2.Peer.anyIpv4() : ec2.Peer.ipv4(c)));
  else if (internetFacing) peers = [ec2.Peer.anyIpv4()];
  else peers = allowFrom.length > 0 ? [] : [ec2.Peer.ipv4(vpc.vpcCidrBlock)];
  return { peers, fleets: allowFrom };
}

const INTERNET_FACING = 'An internet-facing load balancer admits its listener ports from the whole internet by design; nothing else is admitted.';

/** Why targets that see the clients' own addresses admit the internet. */
export const CLIENT_IP_PRESERVED = 'Client IP preservation: the targets of an internet-facing Network Load Balancer see the clients\' own addresses, '
  + 'so they must admit the internet on the target port; nothing else is admitted from outside the VPC.';

/**
 * Admits the clients on the given ports into a security group: CIDR rules for the
 * ranges, security-group references (through the Connections API, which also opens
 * the callers' egress) for the fleets. An internet-wide rule is acknowledged for
 * cdk-nag, because an internet-facing load balancer exists to take it.
 */
export function admitClients(
  target: ec2.SecurityGroup,
  clients: LoadBalancerClients,
  ports: ec2.Port[],
  what: string,
  internetReason = INTERNET_FACING,
): void {
  for (const peer of clients.peers) {
    for (const port of ports) target.addIngressRule(peer, port, `${what} ${port}`);
  }
  for (const fleet of clients.fleets) {
    for (const port of ports) target.connections.allowFrom(fleet.securityGroup, port, `${what} ${port} from fleet ${fleet.node.id}`);
  }
  if (clients.peers.some((p) => p.uniqueId === ec2.Peer.anyIpv4().uniqueId)) {
    Validations.of(target).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: internetReason,
    });
  }
}
