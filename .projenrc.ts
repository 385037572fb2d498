import { JsonFile, awscdk, javascript } from 'projen';

// The floor of aws-cdk-lib that users need. The constructs use `Validations` and
// the CloudFormation validation built into aws-cdk-lib, which arrived in 2.262;
// the tests run on this exact version (projen installs the floor as a dev dependency).
const CDK_VERSION = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-elb-topology',
  description:
    'One declarative object builds a whole Elastic Load Balancing topology: ALB, NLB, GWLB, CLB, Auto Scaling fleets, security, DNS and monitoring.',
  author: 'cdk-elb-topology developers',
  authorAddress: 'maintainers@cdk-elb-topology.dev',
  repositoryUrl: 'https://github.com/cdk-elb-topology/cdk-elb-topology.git',
  keywords: ['cdk', 'aws-cdk', 'elb', 'alb', 'nlb', 'gwlb', 'load-balancer', 'autoscaling'],
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  cdkVersion: CDK_VERSION,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',

  // In-place compile, as aws-cdk does: sources and their compiled .js/.d.ts live in lib/.
  srcdir: 'lib',
  libdir: 'lib',
  testdir: 'test',

  // The `verify` command's AWS SDK clients ship inside the package, so they never
  // become dependencies of the users' apps or part of the construct API.
  bundledDeps: [
    '@aws-sdk/client-cloudformation@^3.1169.0',
    '@aws-sdk/client-elastic-load-balancing-v2@^3.1142.0',
  ],
  bin: { 'cdk-elb-topology': 'lib/verify/cli.js' },

  devDeps: [
    'aws-cdk@2.1148.1',
    'aws-sdk-client-mock@^4.1.0',
    'aws-cdk-local@^3.0.4',
    'cdk-nag@^3.0.2',
    '@cdklabs/cdk-validator-cfnguard@0.0.62',
    'ts-node@^10.9.2',
  ],

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Test the TypeScript sources, never stale compiled JavaScript beside them.
      moduleFileExtensions: ['ts', 'js', 'json', 'node'],
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageProvider: 'v8',
      testTimeout: 120_000,
      // Both cores: most test files synthesize stacks, which is CPU-bound.
      maxWorkers: 2,
    },
  },

  eslintOptions: {
    dirs: ['lib'],
    devdirs: ['test', 'examples', 'scripts'],
    // Lint without rewriting files, so CI fails on what a developer must fix;
    // `npm run eslint -- --fix` fixes locally.
    commandOptions: { fix: false },
  },
  // The dev tsconfig lives in test/; its paths are relative to that folder.
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../scripts/**/*.ts'],
    compilerOptions: {},
  },

  gitignore: ['cdk.out', '/cdk.context.json', 'test/**/cdk-integ.out.*', '.bench/'],

  publishToPypi: {
    distName: 'cdk-elb-topology',
    module: 'cdk_elb_topology',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkelbtopology',
    mavenGroupId: 'io.github.cdk-elb-topology',
    mavenArtifactId: 'cdk-elb-topology',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkElbTopology',
    packageId: 'CdkElbTopology',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-elb-topology/cdk-elb-topology-go',
  },

  // This repository's CI is `.ci/run`; no hosted workflows.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
});

for (const pattern of ['/examples/', '/cdk.json', '/scripts/', '/.ci/', '/.bench/', 'cdk.out']) {
  project.addPackageIgnore(pattern);
}

// unrs-resolver (used by jest and the eslint import resolver) 1.13.0 lists platform
// bindings that not every npm registry mirror carries, which leaves package-lock.json
// without them and makes `npm ci` refuse it; 1.12.2 is complete everywhere.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// Examples and scripts are type-checked and linted with the dev settings of test/.
for (const dir of ['examples', 'scripts']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'], exclude: [] },
  });
}

project.addTask('synth:examples', {
  description: 'Synthesize every example stack (no AWS account needed)',
  exec: 'cdk synth --quiet',
});

// The benchmark loads the library compiled, as users do, so it compiles first.
const bench = project.addTask('bench', {
  description: 'Compare synthesis time and memory of examples/web-alb with the same resources written by hand',
});
bench.spawn(project.compileTask);
bench.exec('ts-node --transpile-only --project test/tsconfig.json scripts/bench.ts', { receiveArgs: true });

project.synth();
