/**
 * Synthesis benchmark: the library against the same resources written by hand.
 *
 * For each pair (examples/web-alb against scripts/handwritten-web-alb.ts; the full
 * topology against its hand-written twin when that file exists), with aws-cdk-lib's
 * CloudFormation validation on (its default) and off, it runs both variants alternately, each sample in a fresh Node.js process, and prints the median synthesis
 * time (building the stack and `app.synth()`, after aws-cdk-lib is loaded) and the
 * median peak memory (the process's maximum resident set), and the ratios
 * library / hand-written.
 *
 * The library is loaded compiled (`npm run bench` compiles it first), as users load it.
 *
 *   npm run bench                # 7 samples of each variant
 *   npm run bench -- --runs 15   # more samples
 *
 * The target is a ratio of at most 1.05 on both figures.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface Sample { variant: string; ms: number; peakRssBytes: number; resources: number }

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
const root = path.join(__dirname, '..');

const PAIRS: Array<[string, string, string]> = [
  ['web-alb', 'library-web-alb', 'handwritten-web-alb'],
  ['full-topology', 'library-full-topology', 'handwritten-full-topology'],
];

/** Synthesis with aws-cdk-lib's CloudFormation validation (its default) and without it. */
const MODES: Array<[string, { [key: string]: string }]> = [
  ['CloudFormation validation on (default)', {}],
  ['CloudFormation validation off (CDK_VALIDATION=false)', { CDK_VALIDATION: 'false' }],
];

function sample(variant: string, modeEnv: { [key: string]: string }): Sample {
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-child.ts'), variant], {
    cwd: root,
    // The library resolves to its compiled JavaScript, as in a user's app; the stacks'
    // own files are transpiled on load in both variants.
    env: { ...process.env, ...modeEnv, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json'), TS_NODE_PREFER_TS_EXTS: 'false' },
    encoding: 'utf-8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function summary(list: Sample[]) {
  return { ms: median(list.map((s) => s.ms)), mem: median(list.map((s) => s.peakRssBytes)), res: list[0].resources };
}

const rows: string[] = [];
let worst = 0;
for (const [name, library, handwritten] of PAIRS) {
  for (const [mode, modeEnv] of MODES) {
    if (!fs.existsSync(path.join(__dirname, `${handwritten}.ts`))) {
      if (mode === MODES[0][0]) rows.push(`${name}: skipped (no scripts/${handwritten}.ts yet)`);
      continue;
    }
    const samples: { [v: string]: Sample[] } = { [library]: [], [handwritten]: [] };
    sample(library, modeEnv); // warm the file system cache once
    sample(handwritten, modeEnv);
    for (let i = 0; i < runs; i++) {
    // Alternate the order, so drift in machine load affects both variants alike.
      const order = i % 2 === 0 ? [library, handwritten] : [handwritten, library];
      for (const v of order) samples[v].push(sample(v, modeEnv));
    }
    const lib = summary(samples[library]);
    const hand = summary(samples[handwritten]);
    const timeRatio = lib.ms / hand.ms;
    const memRatio = lib.mem / hand.mem;
    worst = Math.max(worst, timeRatio, memRatio);
    const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
    rows.push(
      `${name}, ${mode}: ${runs} runs each, medians`,
      `  library      ${lib.ms.toFixed(0).padStart(6)} ms  ${mib(lib.mem).padStart(7)} MiB peak RSS  ${lib.res} resources`,
      `  hand-written ${hand.ms.toFixed(0).padStart(6)} ms  ${mib(hand.mem).padStart(7)} MiB peak RSS  ${hand.res} resources`,
      `  ratio        ${timeRatio.toFixed(3).padStart(6)} time  ${memRatio.toFixed(3).padStart(7)} memory   (target <= 1.05)`,
    );
  }
}
console.log(rows.join('\n'));
if (worst > 1.05) console.log(`\nAbove target: the library is ${((worst - 1) * 100).toFixed(1)}% slower or larger than hand-written.`);
