/**
 * Fleets: capacities, port, web server, health path and scaling.
 */
import { FleetSpec } from '../../lib';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectOnlyIssue, expectValid, rule, withAlb } from './util';

/** The minimal spec with fleet `web` changed. */
function withFleet(overrides: Partial<FleetSpec> | Loose): ReturnType<typeof minimalSpec> {
  return minimalSpec({ fleets: { web: { port: 8080, ...overrides } } });
}

describe('fleet capacities', () => {
  test.each<ErrorRow>([
    ['minCapacity is above maxCapacity', withFleet({ minCapacity: 5, maxCapacity: 3 }), 'fleets.web.maxCapacity',
      /^maxCapacity 3 is below minCapacity 5\. Make maxCapacity at least minCapacity\.$/],
    ['desiredCapacity is above maxCapacity', withFleet({ minCapacity: 1, maxCapacity: 3, desiredCapacity: 4 }), 'fleets.web.desiredCapacity',
      /^desiredCapacity 4 is outside minCapacity 1 to maxCapacity 3\. Choose a desired capacity between the minimum and the maximum, or leave it out\.$/],
    ['desiredCapacity is below minCapacity', withFleet({ minCapacity: 2, maxCapacity: 3, desiredCapacity: 1 }), 'fleets.web.desiredCapacity',
      /^desiredCapacity 1 is outside minCapacity 2 to maxCapacity 3\./],
    ['desiredCapacity is above the default maxCapacity', withFleet({ desiredCapacity: 5 }), 'fleets.web.desiredCapacity',
      /^desiredCapacity 5 is outside the default minCapacity 2 to the default maxCapacity 4\./],
    ['minCapacity is negative', withFleet({ minCapacity: -1 }), 'fleets.web.minCapacity', /^-1 is outside the allowed range 0-10000\. Use a value from 0 to 10000\.$/],
    ['maxCapacity is 0', withFleet({ minCapacity: 0, maxCapacity: 0 }), 'fleets.web.maxCapacity', /^0 is outside the allowed range 1-10000\./],
    ['minCapacity is a string from JSON', withFleet({ minCapacity: '2' }), 'fleets.web.minCapacity', /^must be a whole number from 0 to 10000, got '2'\.$/],
    ['maxCapacity is a fraction', withFleet({ maxCapacity: 2.5 }), 'fleets.web.maxCapacity', /^must be a whole number from 1 to 10000, got 2\.5\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts minCapacity 0 with the default maxCapacity, and a desired capacity inside the range', () => {
    expectValid(withFleet({ minCapacity: 0 }));
    expectValid(withFleet({ minCapacity: 1, maxCapacity: 1, desiredCapacity: 1 }));
    // A minimum left out is fitted under a smaller maximum.
    expectValid(withFleet({ maxCapacity: 1 }));
  });
});

describe('fleet instances and servers', () => {
  test.each<ErrorRow>([
    ['the port is a string from JSON', withFleet({ port: '80' }), 'fleets.web.port', /^must be a whole number from 1 to 65535, got '80'\.$/],
    ['the port is 0', withFleet({ port: 0 }), 'fleets.web.port', /^0 is outside the allowed range 1-65535\./],
    ['the image ID is not an AMI ID', withFleet({ imageId: 'ubuntu-24.04' }), 'fleets.web.imageId',
      /^'ubuntu-24\.04' is not a machine image ID\. Write the AMI's ID, for example 'ami-0123456789abcdef0'\.$/],
    ['the instance type has no size', withFleet({ instanceType: 't3' }), 'fleets.web.instanceType',
      /^'t3' is not an EC2 instance type\. Write family and size, for example 't3\.micro' or 'm7g\.large'\.$/],
    ['the web server is unknown', withFleet({ webServer: 'apache' }), 'fleets.web.webServer', /^'apache' is not one of 'httpd', 'nginx', 'python', 'none'\.$/],
    ['the subnet tier is unknown', withFleet({ subnetTier: 'private' }), 'fleets.web.subnetTier', /^'private' is not one of 'public', 'app', 'data', 'appliances', 'endpoints'\.$/],
    ['the health path is relative', withFleet({ healthCheckPath: 'health' }), 'fleets.web.healthCheckPath', /^'health' is not a plain absolute path\. Begin it with '\/'/],
    ['the health path has shell characters', withFleet({ healthCheckPath: '/health;reboot' }), 'fleets.web.healthCheckPath', /^'\/health;reboot' is not a plain absolute path\./],
    ['userDataCommands is a string', withFleet({ userDataCommands: 'echo hi' }), 'fleets.web.userDataCommands', /^must be a list of shell commands, got 'echo hi'\.$/],
    ['no web server and no commands', withFleet({ webServer: 'none' }), 'fleets.web.userDataCommands',
      /^the fleet has `webServer: none` and no commands, so nothing serves its port\. Add the commands that start your server/],
    ['httpd is installed in the data tier', withFleet({ subnetTier: 'data' }), 'fleets.web.webServer',
      /^the httpd server is installed from package repositories, but the data tier has no route to them\. Use webServer 'python'/],
    ['the grace period is above 7200 s', withFleet({ healthCheckGracePeriodSeconds: 7201 }), 'fleets.web.healthCheckGracePeriodSeconds', /^7201 is outside the allowed range 0-7200\./],
    ['the root volume is below 8 GiB', withFleet({ rootVolumeSizeGiB: 4 }), 'fleets.web.rootVolumeSizeGiB', /^4 is outside the allowed range 8-16384\./],
    ['the CPU target is above 100 %', withFleet({ scaleOnCpuPercent: 101 }), 'fleets.web.scaleOnCpuPercent', /^101 is outside the allowed range 1-100\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts a Graviton type, the python server in the data tier, and no server with commands', () => {
    expectValid(withFleet({ instanceType: 'm7g.large', webServer: 'python', subnetTier: 'data' }));
    expectValid(withFleet({ webServer: 'none', userDataCommands: ['systemctl start my-app'] }));
  });
});

describe('fleet scaling on request count', () => {
  const twoGroups = { web: { fleet: 'web' }, canary: { fleet: 'web' } };
  test.each<ErrorRow>([
    ['no target group holds the fleet', minimalSpec({ fleets: { web: { scaleOnRequestsPerTarget: 100 }, api: {} }, targetGroups: { web: { fleet: 'api' } } }),
      'fleets.web.scaleOnRequestsPerTarget', /^no Application Load Balancer target group holds fleet 'web', so there is no request count to track\. Declare a target group with `fleet: 'web'`/],
    ['two target groups hold the fleet and none is named', minimalSpec({ fleets: { web: { scaleOnRequestsPerTarget: 100 } }, targetGroups: twoGroups }),
      'fleets.web.scaleOnRequestsPerTarget', /^fleet 'web' is in 2 target groups \(canary, web\); it is not clear whose request count to track\. Name one in `scaleOnRequestsTargetGroup`\.$/],
    ['the named target group does not hold the fleet', minimalSpec({ fleets: { web: { scaleOnRequestsPerTarget: 100, scaleOnRequestsTargetGroup: 'api' } } }),
      'fleets.web.scaleOnRequestsTargetGroup', /^'api' is not an Application Load Balancer target group of fleet 'web'\. Target groups of this fleet: web\.$/],
    ['a target group is named without a request target', minimalSpec({ fleets: { web: { scaleOnRequestsTargetGroup: 'web' } } }),
      'fleets.web.scaleOnRequestsTargetGroup', /^is set, but `scaleOnRequestsPerTarget` is not\./],
    ['the only target group is not forwarded to by any load balancer', minimalSpec({ fleets: { web: { scaleOnRequestsPerTarget: 100 } }, applicationLoadBalancers: {} }),
      'fleets.web.scaleOnRequestsPerTarget', /^target group 'web' is not forwarded to by any load balancer, so it has no request count to track\. Forward to 'web' from a listener or rule/],
    ['the named target group is not forwarded to', minimalSpec({ fleets: { web: { scaleOnRequestsPerTarget: 100, scaleOnRequestsTargetGroup: 'canary' } }, targetGroups: twoGroups }),
      'fleets.web.scaleOnRequestsTargetGroup', /^target group 'canary' is not forwarded to by any load balancer/],
    ['the request target is 0', withFleet({ scaleOnRequestsPerTarget: 0 }), 'fleets.web.scaleOnRequestsPerTarget', /^0 is outside the allowed range 1-1000000\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts scaling on a target group that a rule forwards to', () => {
    const spec = withAlb({ rules: [rule({ weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 9 }, { targetGroup: 'canary', weight: 1 }] }, forward: undefined })] });
    expectValid({ ...spec, fleets: { web: { scaleOnRequestsPerTarget: 100, scaleOnRequestsTargetGroup: 'canary' } }, targetGroups: twoGroups });
  });
});
