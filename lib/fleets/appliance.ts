/** The UDP port on which Gateway Load Balancers send GENEVE to their appliances (the only one AWS accepts). */
export const GENEVE_PORT = 6081;

const RULES_FILE = '/etc/gwlb-appliance/rules.nft';
const SCRIPT = '/usr/local/sbin/gwlb-appliance';
/** Marks the datagrams on their way back, so only they get the instance's source address. */
const MARK = '0x6081';

/**
 * The shell commands (bash, Amazon Linux 2023) that make an instance a transparent GENEVE
 * appliance for a Gateway Load Balancer.
 *
 * Each GENEVE datagram that arrives on UDP 6081 first passes the nftables chain `inspect`
 * (the user's rules; a rule that drops it drops the inspected packet), then goes back to
 * the load balancer that sent it: before routing its destination becomes its source (the
 * load balancer), so the kernel forwards it; after routing its source becomes the
 * instance's own address. Ports, the GENEVE header and the inspected packet stay as they
 * are, so the load balancer keeps the flow on this appliance. The source is changed only
 * after routing because the kernel drops arriving packets that claim a local source. The rules are stateless (no connection tracking) and are reapplied at every
 * boot by a systemd unit. Rules come from the validated spec: one line each, without the
 * heredoc's end marker.
 */
export function applianceCommands(rules: string[]): string[] {
  return [
    'set -euo pipefail',
    'mkdir -p /etc/gwlb-appliance',
    `cat > ${RULES_FILE} <<'RULES'`,
    '# Rules of the nftables chain `inspect`, applied to each GENEVE datagram before it returns.',
    ...rules,
    'RULES',
    `cat > ${SCRIPT} <<'SCRIPT'`,
    '#!/bin/bash',
    '# Returns every GENEVE datagram to the Gateway Load Balancer that sent it, after the rules',
    `# of ${RULES_FILE}.`,
    'set -euo pipefail',
    `rules_file="\${GWLB_APPLIANCE_RULES:-${RULES_FILE}}"`,
    'token="$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H \'X-aws-ec2-metadata-token-ttl-seconds: 60\')"',
    'self_ip="$(curl -sS -H "X-aws-ec2-metadata-token: ${token}" http://169.254.169.254/latest/meta-data/local-ipv4)"',
    'iface="$(ip -o -4 route show default | awk \'{ print $5; exit }\')"',
    'sysctl -q -w net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=0 "net.ipv4.conf.${iface}.send_redirects=0"',
    'nft -f - <<NFT',
    'table ip gwlb_appliance',
    'delete table ip gwlb_appliance',
    'table ip gwlb_appliance {',
    '  chain inspect {',
    '    include "${rules_file}"',
    '  }',
    '  chain filter {',
    '    type filter hook prerouting priority raw; policy accept;',
    `    iifname "\${iface}" ip daddr \${self_ip} udp dport ${GENEVE_PORT} jump inspect`,
    '  }',
    '  chain turn {',
    '    type filter hook prerouting priority raw + 1; policy accept;',
    `    iifname "\${iface}" ip daddr \${self_ip} udp dport ${GENEVE_PORT} notrack meta mark set ${MARK} ip daddr set ip saddr`,
    '  }',
    '  chain send_back {',
    '    type filter hook postrouting priority raw; policy accept;',
    `    oifname "\${iface}" meta mark ${MARK} ip saddr set \${self_ip}`,
    '  }',
    '}',
    'NFT',
    'SCRIPT',
    `chmod 0755 ${SCRIPT}`,
    "cat > /etc/systemd/system/gwlb-appliance.service <<'UNIT'",
    '[Unit]',
    'Description=Transparent GENEVE appliance for a Gateway Load Balancer',
    'Wants=network-online.target',
    'After=network-online.target',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=${SCRIPT}`,
    '[Install]',
    'WantedBy=multi-user.target',
    'UNIT',
    'command -v nft >/dev/null || dnf install -y -q nftables',
    'systemctl daemon-reload',
    'systemctl enable --now gwlb-appliance.service',
  ];
}
