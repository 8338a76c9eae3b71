/**
 * Everything the run leaves on the machine (containers, VMs, a server, a browser, a CLI) is registered
 * here the moment it exists, so an error or Ctrl-C undoes it as surely as a finished run does.
 * Steps run newest first; each has a deadline, and one failing never keeps the others from running.
 */
const STEP_DEADLINE_MS = 180_000;

interface Step {
  name: string;
  run: () => Promise<void>;
}

export class Cleanup {
  private readonly steps: Step[] = [];
  private running: Promise<void> | null = null;

  /** Registers an undo step; call the returned function once the owner undid it itself. */
  add(name: string, run: () => Promise<void>): () => void {
    const step = { name, run };
    this.steps.push(step);
    return () => {
      const i = this.steps.indexOf(step);
      if (i >= 0) this.steps.splice(i, 1);
    };
  }

  /** Runs (once) every step still registered. */
  runAll(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          step.run(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${STEP_DEADLINE_MS / 1000} s`)), STEP_DEADLINE_MS);
          }),
        ]);
      } catch (err) {
        console.error(`cleanup: ${step.name}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
