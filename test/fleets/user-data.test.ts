import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { WebServer } from '../../lib';
import { webServerCommands, WebServerOptions } from '../../lib/fleets/user-data';
import { build, minimalSpec } from '../helpers';
import { logicalId } from '../template-helpers';

const SERVERS = [WebServer.HTTPD, WebServer.NGINX, WebServer.PYTHON];

function commands(webServer: WebServer, overrides: Partial<WebServerOptions> = {}): string[] {
  return webServerCommands({ fleetName: 'web', webServer, port: 8080, healthCheckPath: '/healthz', extraCommands: [], ...overrides });
}

/**
 * Syntax-checks a script with `bash -n`. Returns what bash reports, errors and warnings
 * alike (an unterminated here-document is only a warning), or '' when it parses cleanly.
 */
function bashSyntaxErrors(script: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-data-'));
  const file = path.join(dir, 'user-data.sh');
  fs.writeFileSync(file, script);
  try {
    const result = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    if (result.error) throw result.error;
    return `${result.status === 0 ? '' : `exit ${result.status}: `}${result.stderr}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines of a here-document that begins with `cat > <file> <<'<word>'` or `<<<word>`. */
function hereDocument(lines: string[], file: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(`cat > ${file} <<`));
  if (start < 0) throw new Error(`no here-document for ${file}`);
  const word = lines[start].split('<<')[1].replace(/'/g, '');
  const end = lines.indexOf(word, start + 1);
  return lines.slice(start + 1, end);
}

const HOST_NAME = 'ip-10-0-1-23.eu-west-1.compute.internal';
const INSTANCE_ID = 'i-0123456789abcdef0';
const AZ = 'eu-west-1b';

/** A user-data script run in a scratch directory, with stubs for the instance's tools. */
interface SandboxRun {
  /** The scratch directory that stands for `/`: the script's /var/www, /etc and /opt are below it. */
  readonly root: string;
  readonly status: number | null;
  readonly stderr: string;
  /** The dnf and systemctl commands the script ran, one a line. */
  readonly log: string;
  read(file: string): string;
}

/**
 * Runs user-data commands as an instance would, but with its files under a scratch
 * directory and stubs for curl (IMDSv2, answering only requests with the session token),
 * hostname, dnf and systemctl.
 */
function runInSandbox(lines: string[]): SandboxRun {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'user-data-run-'));
  const bin = path.join(root, 'bin');
  for (const dir of [bin, 'etc/httpd/conf', 'etc/httpd/conf.d', 'etc/nginx', 'etc/systemd/system']) fs.mkdirSync(path.resolve(root, dir), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/httpd/conf/httpd.conf'), 'ServerRoot "/etc/httpd"\nListen 80\nIncludeOptional conf.d/*.conf\n');
  const stub = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
  stub('curl', [
    'case "$*" in',
    '  *"-X PUT http://169.254.169.254/latest/api/token -H X-aws-ec2-metadata-token-ttl-seconds: 300") echo TOKEN-123 ;;',
    `  *"-H X-aws-ec2-metadata-token: TOKEN-123 http://169.254.169.254/latest/meta-data/instance-id") echo ${INSTANCE_ID} ;;`,
    `  *"-H X-aws-ec2-metadata-token: TOKEN-123 http://169.254.169.254/latest/meta-data/placement/availability-zone") echo ${AZ} ;;`,
    '  *) echo "curl refused: $*" >&2; exit 22 ;;',
    'esac',
  ].join('\n'));
  stub('hostname', `echo ${HOST_NAME}`);
  stub('dnf', 'echo "dnf $*" >> "$SANDBOX_LOG"');
  stub('systemctl', 'echo "systemctl $*" >> "$SANDBOX_LOG"');
  const log = path.join(root, 'commands.log');
  fs.writeFileSync(log, '');
  const script = lines.map((l) => l.replace(/(^|[\s"'(=>])\/(var\/www|etc|opt)\//g, `$1${root}/$2/`)).join('\n');
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SANDBOX_LOG: log } });
  return {
    root,
    status: result.status,
    stderr: result.stderr,
    log: fs.readFileSync(log, 'utf8'),
    read: (file: string) => fs.readFileSync(path.join(root, file), 'utf8'),
  };
}

/** A TCP port that is free right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Sends a request and returns the status, content type and body. */
async function request(port: number, urlPath: string, method = 'GET'): Promise<{ status?: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http.request({ host: '127.0.0.1', port, path: urlPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    }).on('error', reject).end();
  });
}

describe('web server user data', () => {
  describe.each(SERVERS)('%s', (server) => {
    const lines = commands(server);
    const script = lines.join('\n');

    test('stops at the first failing command', () => {
      expect(lines[0]).toBe('set -euo pipefail');
    });

    test('fetches an IMDSv2 session token and uses it for metadata', () => {
      expect(lines).toContain('IMDS_TOKEN="$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H \'X-aws-ec2-metadata-token-ttl-seconds: 300\')"');
      expect(script).toContain('-H "X-aws-ec2-metadata-token: ${IMDS_TOKEN}"');
      expect(lines).toContain('AVAILABILITY_ZONE="$(imds placement/availability-zone)"');
    });

    test('writes a page naming the host name and the Availability Zone', () => {
      const page = hereDocument(lines, '/var/www/topology/index.html').join('\n');
      expect(page).toContain('<h1>${HOST_NAME}</h1>');
      expect(page).toContain('${AVAILABILITY_ZONE}');
      expect(page).toContain('${INSTANCE_ID}');
      expect(lines).toContain('HOST_NAME="$(hostname -f)"');
    });

    test('writes a health file at the health path', () => {
      expect(lines).toContain('echo ok > /var/www/topology/healthz');
    });

    test('appends custom commands after the web server is started', () => {
      const withExtras = commands(server, { extraCommands: ['echo first', 'echo second'] });
      expect(withExtras.slice(-2)).toEqual(['echo first', 'echo second']);
      expect(withExtras.slice(0, -2)).toEqual(lines);
    });
  });

  test('httpd listens on the fleet port and serves the page for every other path', () => {
    const lines = commands(WebServer.HTTPD);
    expect(lines).toContain('dnf install -y httpd');
    expect(lines).toContain("sed -i 's/^Listen 80$/Listen 8080/' /etc/httpd/conf/httpd.conf");
    expect(hereDocument(lines, '/etc/httpd/conf.d/topology.conf')).toEqual(expect.arrayContaining([
      '<VirtualHost *:8080>',
      '  DocumentRoot /var/www/topology',
      '    FallbackResource /index.html',
    ]));
    expect(lines[lines.length - 1]).toBe('systemctl enable --now httpd');
  });

  test('nginx listens on the fleet port and serves the health file before the page', () => {
    const lines = commands(WebServer.NGINX);
    expect(lines).toContain('dnf install -y nginx');
    expect(hereDocument(lines, '/etc/nginx/nginx.conf')).toEqual(expect.arrayContaining([
      '    listen 8080;',
      '    root /var/www/topology;',
      '    location / { try_files $uri /index.html; }',
    ]));
    expect(lines[lines.length - 1]).toBe('systemctl enable --now nginx');
  });

  test('python answers the health path and listens on the fleet port, without installing packages', () => {
    const lines = commands(WebServer.PYTHON);
    const server = hereDocument(lines, '/opt/topology/server.py');
    expect(server).toContain('HEALTH_PATH = "/healthz"');
    expect(server).toContain('http.server.ThreadingHTTPServer(("", 8080), Handler).serve_forever()');
    expect(lines.some((l) => l.startsWith('dnf '))).toBe(false);
    expect(lines[lines.length - 1]).toBe('systemctl enable --now topology-web');
  });

  test('a health path ending in / is served by an index file in that directory', () => {
    const lines = commands(WebServer.NGINX, { healthCheckPath: '/status/' });
    expect(lines).toContain('mkdir -p "$(dirname /var/www/topology/status/index.html)"');
    expect(lines).toContain('echo ok > /var/www/topology/status/index.html');
  });

  test('webServer none gives only the custom commands', () => {
    expect(commands(WebServer.NONE, { extraCommands: ['/opt/app/start --port 8080'] })).toEqual(['/opt/app/start --port 8080']);
  });
});

describe.each(SERVERS)('%s user data run on a stand-in instance', (server) => {
  // GIVEN the commands of the server WHEN they run with stubbed instance tools
  const run = runInSandbox(commands(server));
  afterAll(() => fs.rmSync(run.root, { recursive: true, force: true }));

  test('runs to the end without an error', () => {
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('writes a page naming the host name, the instance and the Availability Zone', () => {
    const page = run.read('var/www/topology/index.html');
    expect(page).toContain(`<h1>${HOST_NAME}</h1>`);
    expect(page).toContain(`Instance ${INSTANCE_ID} in ${AZ}, fleet web, ${server} on port 8080.`);
  });

  test('writes ok in the health file', () => {
    expect(run.read('var/www/topology/healthz')).toBe('ok\n');
  });

  test('enables and starts the server', () => {
    const unit = { httpd: 'httpd', nginx: 'nginx', python: 'topology-web' }[server as string];
    expect(run.log).toContain(`systemctl enable --now ${unit}\n`);
  });
});

describe('httpd configuration run on a stand-in instance', () => {
  const run = runInSandbox(commands(WebServer.HTTPD));
  afterAll(() => fs.rmSync(run.root, { recursive: true, force: true }));

  test('moves the main Listen directive to the fleet port', () => {
    expect(run.read('etc/httpd/conf/httpd.conf')).toContain('\nListen 8080\n');
    expect(run.read('etc/httpd/conf/httpd.conf')).not.toContain('Listen 80\n');
  });

  test('installs httpd', () => {
    expect(run.log).toContain('dnf install -y httpd\n');
  });
});

describe.each([WebServer.HTTPD, WebServer.NGINX])('%s with the health path at the page', (server) => {
  test.each(['/', '/index.html'])('health path %s keeps the page naming the instance', (healthCheckPath) => {
    // GIVEN a health path that is the page itself WHEN the user data runs
    const run = runInSandbox(commands(server, { healthCheckPath }));
    try {
      // THEN the page still names the instance (it answers 200 for the health check as it is)
      expect(run.status).toBe(0);
      expect(run.read('var/www/topology/index.html')).toContain(`<h1>${HOST_NAME}</h1>`);
    } finally {
      fs.rmSync(run.root, { recursive: true, force: true });
    }
  });
});

describe('python user data serving for real', () => {
  // GIVEN the python server's user data for a free port, run on a stand-in instance
  let run: SandboxRun;
  let port: number;
  let server: ChildProcess;
  beforeAll(async () => {
    port = await freePort();
    run = runInSandbox(commands(WebServer.PYTHON, { port }));
    // WHEN the server it installed is started as systemd would
    server = spawn('python3', [path.join(run.root, 'opt/topology/server.py')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        await request(port, '/healthz');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  afterAll(() => {
    server?.kill();
    fs.rmSync(run.root, { recursive: true, force: true });
  });

  test('answers the health path with 200 ok', async () => {
    expect(await request(port, '/healthz')).toEqual({ status: 200, type: 'text/plain', body: 'ok\n' });
  });

  test('answers the health path with a query string too', async () => {
    expect(await request(port, '/healthz?probe=1')).toMatchObject({ status: 200, body: 'ok\n' });
  });

  test('answers any other path with the page naming the instance', async () => {
    const answer = await request(port, '/some/path');
    expect(answer).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(answer.body).toContain(`<h1>${HOST_NAME}</h1>`);
    expect(answer.body).toContain(AZ);
  });

  test('answers HEAD without a body', async () => {
    expect(await request(port, '/', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });
});

describe('user data in the launch templates', () => {
  // GIVEN one fleet per web server, each on its own port and health path, one with custom commands
  const built = build(minimalSpec({
    fleets: {
      web: { port: 8080, healthCheckPath: '/healthz', userDataCommands: ['echo custom-step-1', 'echo custom-step-2'] },
      nginx: { port: 8081, webServer: WebServer.NGINX, healthCheckPath: '/status/' },
      python: { port: 8082, webServer: WebServer.PYTHON, healthCheckPath: '/ping' },
      custom: { port: 9000, webServer: WebServer.NONE, userDataCommands: ['/opt/app/start --port 9000'] },
    },
  }));
  /** The user data of a fleet's launch template, as the template carries it. */
  const userDataOf = (fleet: string): string => {
    const data = built.template.toJSON().Resources[logicalId(built.topology.launchTemplate(fleet))].Properties.LaunchTemplateData.UserData;
    return data['Fn::Base64'];
  };

  test.each([
    ['web', 'httpd', ["sed -i 's/^Listen 80$/Listen 8080/' /etc/httpd/conf/httpd.conf", '<VirtualHost *:8080>', 'echo ok > /var/www/topology/healthz']],
    ['nginx', 'nginx', ['    listen 8081;', 'echo ok > /var/www/topology/status/index.html']],
    ['python', 'python', ['http.server.ThreadingHTTPServer(("", 8082), Handler).serve_forever()', 'HEALTH_PATH = "/ping"']],
  ])('fleet %s runs %s on its own port and health path', (fleet, server, expected) => {
    const lines = userDataOf(fleet).split('\n');
    expect(lines[0]).toBe('#!/bin/bash');
    expect(lines).toEqual(expect.arrayContaining(expected));
    expect(lines.join('\n')).toContain(`fleet ${fleet}, ${server} on port`);
  });

  test('appends the fleet custom commands at the end', () => {
    expect(userDataOf('web').split('\n').slice(-2)).toEqual(['echo custom-step-1', 'echo custom-step-2']);
  });

  test('a fleet with webServer none runs only its custom commands', () => {
    expect(userDataOf('custom')).toBe('#!/bin/bash\n/opt/app/start --port 9000');
  });

  test.each(['web', 'nginx', 'python', 'custom'])('the user data of fleet %s is valid bash (bash -n)', (fleet) => {
    expect(bashSyntaxErrors(userDataOf(fleet))).toBe('');
  });

  test.each([
    ['an unterminated here-document', (s: string) => s.replace(/^PAGE$/m, 'PAG')],
    ['an unbalanced quote', (s: string) => `${s}\necho "unterminated`],
  ])('the syntax check reports %s', (_, breakScript) => {
    // Guards the check itself, so that the tests above can fail.
    expect(bashSyntaxErrors(breakScript(userDataOf('web')))).not.toBe('');
  });
});
