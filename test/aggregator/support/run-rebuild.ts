import { runTool } from '../../support/run-tool';

/** Runs the built rebuild tool (dist/tools/rebuild.js) with an environment; resolves with its exit code and output. */
export function runRebuild(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string; ms: number }> {
  return runTool('rebuild', env, args);
}
