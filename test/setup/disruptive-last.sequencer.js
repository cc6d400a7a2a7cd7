// Suites that stop or restart shared infrastructure (the broker, PostgreSQL) run after all others,
// so no suite starts while the broker is still re-electing partition leaders. Within each group
// jest's default order (slowest first, by past duration) is kept.
const Sequencer = require('@jest/test-sequencer').default;

const DISRUPTIVE = [/broker-outage\.test\.ts$/, /postgres-restart\.test\.ts$/];

class DisruptiveLastSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const disruptive = (test) => DISRUPTIVE.some((pattern) => pattern.test(test.path));
    return [...ordered.filter((t) => !disruptive(t)), ...ordered.filter(disruptive)];
  }
}

module.exports = DisruptiveLastSequencer;
