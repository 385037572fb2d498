/** Gets a built part by its spec name, or fails naming the parts that exist. */
export function lookup<T>(map: ReadonlyMap<string, T>, name: string, kind: string): T {
  const found = map.get(name);
  if (found === undefined) {
    const known = [...map.keys()].sort();
    throw new Error(`ElbTopology has no ${kind} '${name}'. ${known.length ? `Known: ${known.join(', ')}.` : `It has no ${kind}s.`}`);
  }
  return found;
}
