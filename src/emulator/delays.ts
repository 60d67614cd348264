interface PendingDelay {
  timer: NodeJS.Timeout;
  resolve: () => void;
}

/** Injected latency that close() can cut short, so no timer outlives the emulator. */
export class Delays {
  private readonly pending = new Set<PendingDelay>();

  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry: PendingDelay = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  /** Ends every pending wait now; the waiting requests then find their sockets gone. */
  cancelAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}
