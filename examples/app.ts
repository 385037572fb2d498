/**
 * The app of cdk.json: every example stack, with every validator registered.
 *
 *   npx cdk synth                 # all stacks, no AWS account needed
 *   npx cdk synth WebAlb          # one stack
 *   npx cdk deploy WebAlb         # deploy one (needs credentials and your own hosted zone)
 */
import { App } from 'aws-cdk-lib';
import { addChecks } from './checks';
import { FullTopologyStack } from './full-topology';
import { WebAlbStack } from './web-alb';

const app = addChecks(new App());
new FullTopologyStack(app, 'FullTopology');
new WebAlbStack(app, 'WebAlb');
app.synth();
