import { WebServer } from '../spec/enums';

/** What a web server's user data needs to know. */
export interface WebServerOptions {
  readonly fleetName: string;
  readonly webServer: WebServer;
  readonly port: number;
  readonly healthCheckPath: string;
  readonly extraCommands: string[];
}

const DOC_ROOT = '/var/www/topology';

/**
 * The shell commands (bash, Amazon Linux 2023) that turn an instance into a web server
 * answering every path with a page naming the instance, and `healthCheckPath` with 200.
 * Values come from the validated spec: ports are numbers, names and paths are limited to
 * characters that need no quoting.
 */
export function webServerCommands(o: WebServerOptions): string[] {
  if (o.webServer === WebServer.NONE) return [...o.extraCommands];
  return [
    'set -euo pipefail',
    ...pageCommands(o),
    ...serverCommands(o),
    ...o.extraCommands,
  ];
}

/**
 * Writes the page (host name, instance ID, AZ, fetched over IMDSv2) and the health file.
 * A health path that is the page itself (`/`, `/index.html`) is answered by the page, so
 * no health file overwrites it.
 */
function pageCommands(o: WebServerOptions): string[] {
  const healthFile = o.healthCheckPath.endsWith('/') ? `${o.healthCheckPath}index.html` : o.healthCheckPath;
  const healthCommands = healthFile === '/index.html' ? [] : [
    `mkdir -p "$(dirname ${DOC_ROOT}${healthFile})"`,
    `echo ok > ${DOC_ROOT}${healthFile}`,
  ];
  return [
    'IMDS_TOKEN="$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H \'X-aws-ec2-metadata-token-ttl-seconds: 300\')"',
    'imds() { curl -sS -H "X-aws-ec2-metadata-token: ${IMDS_TOKEN}" "http://169.254.169.254/latest/meta-data/$1"; }',
    'INSTANCE_ID="$(imds instance-id)"',
    'AVAILABILITY_ZONE="$(imds placement/availability-zone)"',
    'HOST_NAME="$(hostname -f)"',
    `mkdir -p ${DOC_ROOT}`,
    `cat > ${DOC_ROOT}/index.html <<PAGE`,
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>${HOST_NAME}</title></head>',
    `<body><h1>\${HOST_NAME}</h1><p>Instance \${INSTANCE_ID} in \${AVAILABILITY_ZONE}, fleet ${o.fleetName}, ${o.webServer} on port ${o.port}.</p></body></html>`,
    'PAGE',
    ...healthCommands,
  ];
}

function serverCommands(o: WebServerOptions): string[] {
  switch (o.webServer) {
    case WebServer.HTTPD:
      return [
        'dnf install -y httpd',
        `sed -i 's/^Listen 80$/Listen ${o.port}/' /etc/httpd/conf/httpd.conf`,
        'cat > /etc/httpd/conf.d/topology.conf <<CONF',
        `<VirtualHost *:${o.port}>`,
        `  DocumentRoot ${DOC_ROOT}`,
        `  <Directory ${DOC_ROOT}>`,
        '    Require all granted',
        '    FallbackResource /index.html',
        '  </Directory>',
        '</VirtualHost>',
        'CONF',
        'systemctl enable --now httpd',
      ];
    case WebServer.NGINX:
      return [
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
        `    listen ${o.port};`,
        `    root ${DOC_ROOT};`,
        '    location / { try_files $uri /index.html; }',
        '  }',
        '}',
        'CONF',
        'systemctl enable --now nginx',
      ];
    case WebServer.PYTHON:
      return [
        'mkdir -p /opt/topology',
        "cat > /opt/topology/server.py <<'PY'",
        'import http.server',
        `PAGE = open("${DOC_ROOT}/index.html", "rb").read()`,
        `HEALTH_PATH = "${o.healthCheckPath}"`,
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
        `http.server.ThreadingHTTPServer(("", ${o.port}), Handler).serve_forever()`,
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
    default:
      return [];
  }
}
