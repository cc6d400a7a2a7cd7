/**
 * The operator's CLI: wraps the ingest app's /v1/admin API (regions, institutions, API keys,
 * bureau tokens) and seeds the 安康 demo. `node dist/tools/cli.js --help` lists the commands.
 * Exit codes: 0 ok, 1 error (with the API's code), 2 usage.
 */
import 'reflect-metadata';
import { validateEnvironment } from '@lib/config';
import { AdminClient } from './admin-cli/admin-client';
import { parseArguments } from './admin-cli/arguments';
import { CliEnvironment } from './admin-cli/cli-environment';
import { reportFailure } from './admin-cli/exit-code';
import { FLAGS, resolveCommand, USAGE } from './admin-cli/commands';

export async function main(argv: readonly string[]): Promise<number> {
  const err = (message: string) => process.stderr.write(`${message}\n`);
  try {
    const args = parseArguments(argv, FLAGS);
    if (args.options.has('help') || args.words[0] === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const { command, operands } = resolveCommand(args);
    const env = validateEnvironment(CliEnvironment, process.env);
    const result = await command.run(
      { client: new AdminClient(env.INGEST_URL, env.ADMIN_TOKEN), env, log: (m) => err(`[${command.name}] ${m}`) },
      operands,
      args,
    );
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, USAGE, err);
  }
}

if (require.main === module) {
  // main answers every failure with an exit code: it does not reject.
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
