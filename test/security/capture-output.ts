type Write = typeof process.stdout.write;

/**
 * Everything written to stdout and stderr while `fn` runs (Powertools logs to both, by level),
 * kept from the terminal.
 */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      // Swallowed: a test reads it; the run's own output stays clean.
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as Write;
  }
  try {
    const value = await fn();
    return { value, output: chunks.join('') };
  } finally {
    for (const [i, stream] of streams.entries()) stream.write = originals[i] as Write;
  }
}
