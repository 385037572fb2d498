/**
 * The app of cdk.json: every example stack, with every validator registered.
 *
 *   npx cdk synth                 # all stacks, no AWS account needed
 *   npx cdk synth WebAlb          # one stack
 *   npx cdk deploy WebAlb         # deploy one (needs credentials and your own hosted zone)
 */
import { App } from 'aws-cdk-lib';
import { addChecks } from './checks';
import { ClassicStack } from './classic';
import { FullTopologyStack } from './full-topology';
import { GameNlbStack } from './game-nlb';
import { HybridStack } from './hybrid';
import { InspectionGwlbStack } from './inspection-gwlb';
import { ThreeTierStack } from './three-tier';
import { WebAlbStack } from './web-alb';

const app = addChecks(new App());
new FullTopologyStack(app, 'FullTopology');
new WebAlbStack(app, 'WebAlb');
new GameNlbStack(app, 'GameNlb');
new ThreeTierStack(app, 'ThreeTier');
new InspectionGwlbStack(app, 'InspectionGwlb');
new HybridStack(app, 'Hybrid');
new ClassicStack(app, 'Classic');
app.synth();
