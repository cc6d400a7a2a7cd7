import { allowOnly, optionValue, parseArguments, requiredOption, UsageError } from './arguments';

const FLAGS = new Set(['skip-populations']);

describe('CLI arguments', () => {
  it('separates words from options in either spelling', () => {
    const args = parseArguments(['institutions', 'list', '--county', '610921', '--type=village_clinic'], FLAGS);
    expect(args.words).toEqual(['institutions', 'list']);
    expect(optionValue(args, 'county')).toBe('610921');
    expect(optionValue(args, 'type')).toBe('village_clinic');
  });

  it('knows flags take no value, and -- ends options', () => {
    const args = parseArguments(['seed-demo', '--skip-populations', '--', '--odd-name'], FLAGS);
    expect(args.words).toEqual(['seed-demo', '--odd-name']);
    expect(args.options.get('skip-populations')).toBe(true);
  });

  it('keeps values with = and spaces intact', () => {
    expect(optionValue(parseArguments(['--label=a=b c'], FLAGS), 'label')).toBe('a=b c');
  });

  it.each([
    [['--county'], '--county needs a value'],
    [['--county', '--type', 'x'], '--county needs a value'],
    [['--skip-populations=yes'], '--skip-populations takes no value'],
    [['--'.concat('=x')], 'malformed option'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv, FLAGS)).toThrow(UsageError);
    expect(() => parseArguments(argv, FLAGS)).toThrow(message);
  });

  it('reports a missing required option and an unknown one', () => {
    const args = parseArguments(['regions', 'add', '--nmae', 'x'], FLAGS);
    expect(() => requiredOption(args, 'name')).toThrow('--name is required');
    expect(() => allowOnly(args, ['name'])).toThrow('unknown option --nmae');
  });
});
