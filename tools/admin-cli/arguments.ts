/** A mistake in how the CLI was called (exit code 2, with the usage). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArguments {
  /** Words that are not options: the command (`institutions list`) then its operands. */
  words: string[];
  options: Map<string, string | true>;
}

/**
 * Reads `word… --name value --name=value --flag`. Which names are flags (take no value) must be
 * known, else `--flag word` would be ambiguous. `--` ends the options.
 */
export function parseArguments(argv: readonly string[], flags: ReadonlySet<string>): ParsedArguments {
  const words: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      words.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2), '=');
    if (!name) throw new UsageError(`malformed option ${arg}`);
    if (flags.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
    } else if (inline !== undefined) {
      options.set(name, inline);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
      i++;
    }
  }
  return { words, options };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The value of `--name`, if given; a flag-style use of a value option is a usage error. */
export function optionValue(args: ParsedArguments, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function requiredOption(args: ParsedArguments, name: string): string {
  const value = optionValue(args, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** Refuses options the command does not know, so a typo is not silently ignored. */
export function allowOnly(args: ParsedArguments, names: readonly string[]): void {
  for (const name of args.options.keys()) if (!names.includes(name)) throw new UsageError(`unknown option --${name}`);
}
