import { parseArguments, UsageError } from './arguments';
import { FLAGS, resolveCommand } from './commands';

const resolve = (argv: string[]) => resolveCommand(parseArguments(argv, FLAGS));

describe('CLI commands', () => {
  it('finds a command by its words and hands it the operands', () => {
    const { command, operands } = resolve(['institutions', 'add', '610921-VC-001', '某村卫生室', '--county', '610921', '--type', 'village_clinic']);
    expect(command.name).toBe('institutions add');
    expect(operands).toEqual(['610921-VC-001', '某村卫生室']);
    expect(resolve(['seed-demo', '--skip-populations']).command.name).toBe('seed-demo');
  });

  it.each([
    [[], 'no command given'],
    [['institutions', 'remove', 'x'], 'unknown command'],
    [['api-keys', 'issue'], 'usage: api-keys issue'],
    [['api-keys', 'issue', 'a', 'b'], 'usage: api-keys issue'],
    [['institutions', 'list', '--countyy', '610921'], 'unknown option --countyy'],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => resolve(argv)).toThrow(UsageError);
    expect(() => resolve(argv)).toThrow(message);
  });
});
