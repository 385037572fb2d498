/**
 * The default user data of a Gateway Load Balancer appliance: a valid shell script
 * (shellcheck), and a working GENEVE hairpin. The hairpin test runs the appliance's script
 * in a network namespace, sends it a GENEVE datagram from a second namespace that plays
 * the load balancer, and checks what comes back. It needs root, `ip` (iproute2), `nft`
 * (nftables) and `shellcheck`, which `.ci/run` installs.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { SubnetTier, TopologySpec, WebServer } from '../../lib';
import { build } from '../helpers';

const spec: TopologySpec = {
  network: { maxAzs: 2, natGateways: 2 },
  fleets: {
    firewall: { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON, applianceRules: ['counter', 'meta length > 9000 drop'] },
    web: { port: 8080 },
    // A vendor firewall: its own image and user data, in the target group of a second GWLB.
    vendor: { subnetTier: SubnetTier.APPLIANCES, imageId: 'ami-0123456789abcdef0', webServer: WebServer.NONE, userDataCommands: ['/opt/vendor/start'] },
  },
  targetGroups: {},
  gatewayLoadBalancers: {
    inspection: { listener: { targetGroup: { fleet: 'firewall' } }, inspection: {} },
    vendor: { listener: { targetGroup: { fleet: 'vendor', healthCheck: { protocol: Protocol.TCP, port: 443 } } } },
  },
};
const { template } = build(spec);

/** The decoded user data of a fleet's launch template. */
function userDataOf(fleet: string): string {
  const templates = template.findResources('AWS::EC2::LaunchTemplate');
  const id = Object.keys(templates).find((k) => k.includes(`Fleets${fleet}`))!;
  const encoded = templates[id].Properties.LaunchTemplateData.UserData['Fn::Base64'];
  expect(typeof encoded).toBe('string');
  return encoded as string;
}

/** The body of a quoted heredoc in a script. */
function heredoc(script: string, marker: string): string {
  const start = script.indexOf(`<<'${marker}'\n`);
  const end = script.indexOf(`\n${marker}\n`, start);
  expect(start).toBeGreaterThan(-1);
  return script.slice(script.indexOf('\n', start) + 1, end + 1);
}

function shellcheck(script: string) {
  return spawnSync('shellcheck', ['--shell=bash', '--severity=style', '-'], { input: script, encoding: 'utf8' });
}

const userData = userDataOf('firewall');
const applianceScript = heredoc(userData, 'SCRIPT');

describe('appliance user data', () => {
  test('is a valid shell script, and so is the appliance script it installs', () => {
    const whole = shellcheck(userData);
    const inner = shellcheck(applianceScript);
    expect(whole.error).toBeUndefined();
    expect({ status: whole.status, output: whole.stdout }).toEqual({ status: 0, output: '' });
    expect({ status: inner.status, output: inner.stdout }).toEqual({ status: 0, output: '' });
  });

  test('shellcheck finds faults, so a clean result means something', () => {
    expect(shellcheck('#!/bin/bash\necho $UNQUOTED_VAR\n').status).not.toBe(0);
  });

  test('writes the rules of the spec into the inspect chain and starts a boot-time unit', () => {
    expect(heredoc(userData, 'RULES').split('\n')).toEqual(expect.arrayContaining(['counter', 'meta length > 9000 drop']));
    expect(applianceScript).toContain('jump inspect');
    expect(userData).toContain('systemctl enable --now gwlb-appliance.service');
  });

  test('a vendor appliance runs its own image and only its own user data', () => {
    const templates = template.findResources('AWS::EC2::LaunchTemplate');
    const id = Object.keys(templates).find((k) => k.includes('Fleetsvendor'))!;
    expect(templates[id].Properties.LaunchTemplateData.ImageId).toBe('ami-0123456789abcdef0');
    expect(userDataOf('vendor')).toBe('#!/bin/bash\n/opt/vendor/start');
  });

  test('a fleet that no Gateway Load Balancer targets gets no appliance commands', () => {
    expect(userDataOf('web')).not.toContain('gwlb-appliance');
  });
});

describe('GENEVE hairpin in network namespaces', () => {
  const suffix = `${process.pid}`;
  const lb = `gwlb${suffix}`;
  const appliance = `appl${suffix}`;
  const dir = mkdtempSync(join(tmpdir(), 'appliance-'));
  const run = (args: string[], input?: string) => {
    const r = spawnSync(args[0], args.slice(1), { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}${r.error ?? ''}`);
    return r.stdout;
  };

  beforeAll(() => {
    run(['ip', 'netns', 'add', lb]);
    run(['ip', 'netns', 'add', appliance]);
    run(['ip', 'link', 'add', `veth${suffix}a`, 'netns', lb, 'type', 'veth', 'peer', 'name', `veth${suffix}b`, 'netns', appliance]);
    run(['ip', '-n', lb, 'addr', 'add', '10.9.0.1/24', 'dev', `veth${suffix}a`]);
    run(['ip', '-n', appliance, 'addr', 'add', '10.9.0.2/24', 'dev', `veth${suffix}b`]);
    for (const [ns, dev] of [[lb, `veth${suffix}a`], [appliance, `veth${suffix}b`]]) {
      run(['ip', '-n', ns, 'link', 'set', dev, 'up']);
      run(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
    }
    run(['ip', '-n', appliance, 'route', 'add', 'default', 'via', '10.9.0.1']);
    // Instance metadata, as the script asks for it: a token, then the instance's address.
    writeFileSync(join(dir, 'curl'), '#!/bin/bash\ncase "$*" in *local-ipv4*) echo 10.9.0.2 ;; *) echo token ;; esac\n');
    chmodSync(join(dir, 'curl'), 0o755);
    writeFileSync(join(dir, 'appliance.sh'), applianceScript);
  });

  afterAll(() => {
    spawnSync('ip', ['netns', 'del', lb]);
    spawnSync('ip', ['netns', 'del', appliance]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the appliance with these rules, sends one GENEVE datagram, and returns what came back. */
  function roundTrip(rules: string[]): { from?: string; port?: number; same?: boolean } {
    writeFileSync(join(dir, 'rules.nft'), rules.join('\n') + '\n');
    run(['ip', 'netns', 'exec', appliance, 'env', `PATH=${dir}:${process.env.PATH}`, `GWLB_APPLIANCE_RULES=${join(dir, 'rules.nft')}`,
      'bash', join(dir, 'appliance.sh')]);
    const sender = `
      const dgram = require('dgram');
      const payload = Buffer.concat([Buffer.from([0, 0, 0x65, 0x58, 0, 0, 0, 0]), Buffer.from('inspected packet')]);
      const back = dgram.createSocket('udp4');
      const out = dgram.createSocket('udp4');
      const done = (r) => { console.log(JSON.stringify(r)); process.exit(0); };
      back.on('message', (m, info) => done({ from: info.address, port: info.port, same: m.equals(payload) }));
      back.bind(6081, '10.9.0.1', () => out.bind(40000, '10.9.0.1', () => out.send(payload, 6081, '10.9.0.2')));
      setTimeout(() => done({}), 1500);`;
    return JSON.parse(run(['ip', 'netns', 'exec', lb, process.execPath, '-e', sender]));
  }

  test('returns each datagram to the load balancer from the appliance, with its source port and payload unchanged', () => {
    expect(roundTrip(['counter'])).toEqual({ from: '10.9.0.2', port: 40000, same: true });
  });

  test('a rule that drops the datagram drops it', () => {
    expect(roundTrip(['udp length > 10 drop'])).toEqual({});
  });

  test('a rule that accepts still lets the datagram return', () => {
    expect(roundTrip(['accept'])).toEqual({ from: '10.9.0.2', port: 40000, same: true });
  });
});
