import path from 'node:path';
import type { AdminClient } from './admin-client';
import { allowOnly, optionValue, requiredOption, UsageError, type ParsedArguments } from './arguments';
import type { CliEnvironment } from './cli-environment';
import { seedDemo } from './seed-demo';

export interface CommandContext {
  client: AdminClient;
  env: CliEnvironment;
  log: (message: string) => void;
}

interface Command {
  /** The words that name it, e.g. `institutions list`. */
  name: string;
  usage: string;
  /** Options it accepts; anything else is a usage error. */
  options: readonly string[];
  /** How many operands follow the name. */
  operands: number;
  run(context: CommandContext, operands: string[], args: ParsedArguments): Promise<unknown>;
}

/** Options that are flags (no value); the parser must know them. */
export const FLAGS: ReadonlySet<string> = new Set(['skip-populations', 'help']);

const COMMANDS: readonly Command[] = [
  {
    name: 'regions add',
    usage: 'regions add <code> <name> [--parent <code>]',
    options: ['parent'],
    operands: 2,
    run: ({ client }, [code, name], args) => client.registerRegions([{ code, name, parentCode: optionValue(args, 'parent') }]),
  },
  {
    name: 'regions supersede',
    usage: 'regions supersede <old-code> <current-code> [--old-name <name>] [--since <year>]',
    options: ['old-name', 'since'],
    operands: 2,
    run: ({ client }, [oldCode, currentCode], args) => {
      const since = optionValue(args, 'since');
      return client.registerSuperseded([
        { oldCode, currentCode, oldName: optionValue(args, 'old-name'), since: since === undefined ? undefined : integer('since', since) },
      ]);
    },
  },
  {
    name: 'institutions add',
    usage: 'institutions add <id> <name> --county <code> --type <type> [--level <1-5>]',
    options: ['county', 'type', 'level'],
    operands: 2,
    run: ({ client }, [id, name], args) => {
      const level = optionValue(args, 'level');
      const county = requiredOption(args, 'county');
      const type = requiredOption(args, 'type');
      return client.registerInstitutions([{ id, name, county, type, level: level === undefined ? undefined : integer('level', level) }]);
    },
  },
  {
    name: 'institutions list',
    usage: 'institutions list [--county <code>] [--type <type>]',
    options: ['county', 'type'],
    operands: 0,
    run: ({ client }, _, args) => client.listInstitutions({ county: optionValue(args, 'county'), type: optionValue(args, 'type') }),
  },
  {
    name: 'institutions deactivate',
    usage: 'institutions deactivate <id>',
    options: [],
    operands: 1,
    run: ({ client }, [id]) => client.changeInstitution(id, { active: false }),
  },
  {
    name: 'api-keys issue',
    usage: 'api-keys issue <institution-id> [--label <text>]',
    options: ['label'],
    operands: 1,
    run: ({ client }, [institutionId], args) => client.issueApiKey(institutionId, optionValue(args, 'label')),
  },
  {
    name: 'api-keys revoke',
    usage: 'api-keys revoke <key-id>',
    options: [],
    operands: 1,
    run: async ({ client }, [id]) => {
      await client.revokeApiKey(id);
      return { revoked: id };
    },
  },
  {
    name: 'bureau-tokens issue',
    usage: 'bureau-tokens issue <region> [--label <text>]',
    options: ['label'],
    operands: 1,
    run: ({ client }, [region], args) => client.issueBureauToken(region, optionValue(args, 'label')),
  },
  {
    name: 'seed-demo',
    usage: 'seed-demo [--credentials <file>] [--skip-populations]',
    options: ['credentials', 'skip-populations'],
    operands: 0,
    run: ({ client, env, log }, _, args) =>
      seedDemo(client, {
        credentialsFile: path.resolve(optionValue(args, 'credentials') ?? env.DEMO_CREDENTIALS_FILE),
        databaseUrl: args.options.has('skip-populations') ? undefined : env.DATABASE_URL,
        log,
      }),
  },
];

export const USAGE = [
  'usage: node dist/tools/cli.js <command>',
  '',
  ...COMMANDS.map((c) => `  ${c.usage}`),
  '',
  'environment: INGEST_URL (default http://127.0.0.1:3001), ADMIN_TOKEN (default: the development token),',
  '             DATABASE_URL (seed-demo populations), DEMO_CREDENTIALS_FILE (default .local/demo-credentials.json)',
  'prints JSON on stdout; exit 0 ok, 1 error, 2 usage',
].join('\n');

/** The command the words name, with its operands checked; a UsageError otherwise. */
export function resolveCommand(args: ParsedArguments): { command: Command; operands: string[] } {
  const command = COMMANDS.find((c) => {
    const words = c.name.split(' ');
    return words.every((word, i) => args.words[i] === word);
  });
  if (!command) throw new UsageError(args.words.length ? `unknown command: ${args.words.join(' ')}` : 'no command given');
  const operands = args.words.slice(command.name.split(' ').length);
  if (operands.length !== command.operands) throw new UsageError(`usage: ${command.usage}`);
  allowOnly(args, command.options);
  return { command, operands };
}

function integer(name: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be an integer`);
  return Number(value);
}
