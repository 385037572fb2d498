/**
 * The sample output in the README's "Verifying a deployed topology" section is real
 * output of the command, run against the test fixtures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DescribeRulesCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CODE_404, GREEN_TARGETS, HTTPS_LISTENER, httpsRules, INITIAL, mockWebAlb, run, targetHealth, TG_GREEN } from './fixtures/aws';

test('the README shows the output of the sample run', async () => {
  // GIVEN the sample in the README: the command line, then its output
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
  const section = readme.slice(readme.indexOf('## Verifying a deployed topology'));
  const sample = /```text\n\$ npx cdk-elb-topology (.*)\n([\s\S]*?)```/.exec(section);
  expect(sample).not.toBeNull();
  const [, commandLine, shown] = sample!;

  // WHEN the command runs with that command line against the WebAlb fixtures: one instance of
  // 'green' answers /health with 404 after the initial checks, and the 'green' rule's priority is 25
  const aws = mockWebAlb();
  aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_GREEN })
    .resolvesOnce(targetHealth(GREEN_TARGETS, [INITIAL, INITIAL]))
    .resolves(targetHealth(GREEN_TARGETS, [{ State: 'healthy' }, CODE_404]));
  aws.elbMock.on(DescribeRulesCommand, { ListenerArn: HTTPS_LISTENER }).resolves({ Rules: httpsRules({ greenPriority: '25' }) });
  const [verb, stack, ...args] = commandLine.split(' ');
  expect([verb, stack]).toEqual(['verify', 'WebAlb']);
  const result = await run(aws, args);

  // THEN
  expect(result.stdout()).toBe(shown);
  expect(result.code).toBe(1);
});
