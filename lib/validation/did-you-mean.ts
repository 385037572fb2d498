/**
 * Edit distance between two strings (Levenshtein, with adjacent transpositions
 * counted as one edit).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The known name closest to `wanted`, if it is close enough to be a likely typo:
 * at most a third of the longer name's length, and never more than 3 edits.
 */
export function closestName(wanted: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of [...known].sort()) {
    const distance = editDistance(wanted.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(Math.max(wanted.length, best?.length ?? 0) / 3)));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * The hint for an unknown name: "Did you mean 'x'? Known target groups: a, b." or,
 * when there are none, how to declare one.
 */
export function unknownNameHint(wanted: string, known: readonly string[], kind: string, section: string): string {
  if (known.length === 0) {
    return `No ${kind}s are declared; add one under \`${section}\`.`;
  }
  const suggestion = closestName(wanted, known);
  const list = `Known ${kind}s: ${[...known].sort().join(', ')}.`;
  return suggestion ? `Did you mean '${suggestion}'? ${list}` : list;
}
