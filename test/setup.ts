/**
 * Jest setup: a snapshot serializer that blanks out content hashes (asset hashes,
 * hashed logical ID suffixes of assets), so snapshots change only when the template
 * does.
 */
const HASH = /[0-9a-f]{64}/g;

expect.addSnapshotSerializer({
  test: (value: unknown) => typeof value === 'string' && /[0-9a-f]{64}/.test(value),
  serialize: (value: string) => JSON.stringify(value.replace(HASH, '[HASH REMOVED]')),
});

// The CloudFormation validation built into aws-cdk-lib takes seconds per stack. Unit
// tests assert their own properties, so they skip it; test/examples.test.ts turns it
// back on (as errors) for every example stack.
process.env.CDK_VALIDATION = 'false';
