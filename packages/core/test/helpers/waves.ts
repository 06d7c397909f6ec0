/** Runs `count` calls four at a time. */
export async function createInWaves<T>(
  count: number,
  call: (i: number) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = [];
  for (let i = 0; i < count; i += 4) {
    results.push(
      ...(await Promise.allSettled(Array.from({ length: Math.min(4, count - i) }, (_, j) => call(i + j)))),
    );
  }
  return results;
}
