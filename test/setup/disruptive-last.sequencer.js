// Suites that stop or restart shared infrastructure (the broker, PostgreSQL) live in test/disruptive/ and
// run after all others, so no suite starts while the broker is still re-electing partition leaders.
// scripts/test.sh runs them apart, alone; this order keeps a plain `jest --selectProjects integration`
// safe too. Within each group jest's default order (slowest first, by past duration) is kept.
const Sequencer = require('@jest/test-sequencer').default;

const DISRUPTIVE = [/[\\/]test[\\/]disruptive[\\/]/];

class DisruptiveLastSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const disruptive = (test) => DISRUPTIVE.some((pattern) => pattern.test(test.path));
    return [...ordered.filter((t) => !disruptive(t)), ...ordered.filter(disruptive)];
  }
}

module.exports = DisruptiveLastSequencer;
