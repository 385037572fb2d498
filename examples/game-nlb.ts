/**
 * game-nlb: a UDP and TCP game fleet behind an internet-facing Network Load Balancer.
 *
 * One Elastic IP per Availability Zone (stack outputs, ready to allow-list), one
 * TCP_UDP listener on 7777 (UDP and TCP on one port), a TCP status listener on 7778
 * answered by the same service, cross-zone load balancing, source-IP
 * stickiness so a player stays on one server, and client IP preservation: the game
 * servers see the players' own addresses, so their security group admits the players,
 * not only the load balancer. The servers run a small Python echo service on 7777
 * (UDP and TCP) and answer health checks over HTTP on 8080.
 *
 * Synthesize just this stack:   npx ts-node --prefer-ts-exts examples/game-nlb.ts
 * Deploy it (needs an account):  npx cdk deploy GameNlb
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { ElbTopology, StickinessType, TopologySpec, WebServer } from '../lib';

/** A UDP and TCP echo service on 7777 (and TCP on 7778), standing in for a game server. */
const GAME_SERVER = [
  "cat > /opt/topology/game.py <<'PY'",
  'import socket, socketserver, threading',
  'class Udp(socketserver.BaseRequestHandler):',
  '    def handle(self):',
  '        data, sock = self.request',
  '        sock.sendto(data, self.client_address)',
  'class Tcp(socketserver.StreamRequestHandler):',
  '    def handle(self):',
  '        for line in self.rfile:',
  '            self.wfile.write(line)',
  'udp = socketserver.ThreadingUDPServer(("", 7777), Udp)',
  'threading.Thread(target=udp.serve_forever, daemon=True).start()',
  'status = socketserver.ThreadingTCPServer(("", 7778), Tcp)',
  'threading.Thread(target=status.serve_forever, daemon=True).start()',
  'socketserver.ThreadingTCPServer(("", 7777), Tcp).serve_forever()',
  'PY',
  "cat > /etc/systemd/system/game.service <<'UNIT'",
  '[Unit]',
  'Description=Game echo service',
  '[Service]',
  'ExecStart=/usr/bin/python3 /opt/topology/game.py',
  'DynamicUser=yes',
  'Restart=always',
  '[Install]',
  'WantedBy=multi-user.target',
  'UNIT',
  'systemctl daemon-reload',
  'systemctl enable --now game',
];

/** The spec of the game-nlb scenario, as plain data. */
export const GAME_NLB_SPEC: TopologySpec = {
  network: { maxAzs: 2, natGateways: 1 },
  fleets: {
    game: { webServer: WebServer.PYTHON, port: 8080, minCapacity: 2, maxCapacity: 6, scaleOnCpuPercent: 60, userDataCommands: GAME_SERVER },
  },
  targetGroups: {
    // UDP and TCP on one port: one TCP_UDP group (client IPs are always preserved).
    play: {
      fleet: 'game',
      protocol: Protocol.TCP_UDP,
      port: 7777,
      healthCheck: { protocol: Protocol.HTTP, port: 8080, path: '/health' },
      stickinessType: StickinessType.SOURCE_IP,
      connectionTerminationEnabled: true,
      deregistrationDelaySeconds: 30,
    },
    // A TCP-only status port, with client IP preservation turned on explicitly.
    status: { fleet: 'game', protocol: Protocol.TCP, port: 7778, preserveClientIp: true, deregistrationDelaySeconds: 30 },
  },
  networkLoadBalancers: {
    game: {
      crossZoneEnabled: true,
      listeners: {
        play: { protocol: Protocol.TCP_UDP, port: 7777, targetGroup: 'play' },
        status: { protocol: Protocol.TCP, port: 7778, targetGroup: 'status' },
      },
    },
  },
};

/** The game-nlb scenario as a stack. */
export class GameNlbStack extends Stack {
  readonly topology: ElbTopology;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'cdk-elb-topology example: a UDP and TCP game fleet behind an NLB with static IPs', ...props });
    this.topology = new ElbTopology(this, 'Topology', { spec: GAME_NLB_SPEC });
  }
}

if (require.main === module) {
  // The validators are loaded only when the file runs on its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addChecks } = require('./checks') as typeof import('./checks');
  const app = addChecks(new App());
  new GameNlbStack(app, 'GameNlb');
  app.synth();
}
