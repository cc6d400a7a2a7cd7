import { provision } from '../../tools/provision';
import { testEnvironment } from '../support/test-environment';
import { dropTestResources } from '../support/test-resources';

// Integration tests wait on a real broker and database; unit tests keep jest's default.
jest.setTimeout(120_000);

/** Each test file: its own freshly migrated database and its own topics before, gone after. */
beforeAll(async () => {
  const quiet = process.stdout.write;
  process.stdout.write = () => true;
  try {
    await provision(testEnvironment());
  } finally {
    process.stdout.write = quiet;
  }
});

afterAll(async () => {
  if (process.env.KEEP_TEST_DATA === '1') return;
  const env = testEnvironment();
  const database = new URL(env.DATABASE_URL).pathname.slice(1);
  await dropTestResources(
    env.DATABASE_URL,
    env,
    (name) => name === database,
    (topic) => topic.startsWith(env.KAFKA_TOPIC_PREFIX),
  );
});
