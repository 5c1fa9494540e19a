/** One step of a run's clean-up: a failure is said and the clean-up goes on, so that the other steps still run. */
export async function attempt(what: string, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.error(`could not ${what}: ${(error as Error).message}`);
  }
}
