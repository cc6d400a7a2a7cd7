import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { declaredVariables, validateEnvironment } from '@lib/config';
import { AggregatorEnvironment } from '../../apps/aggregator/src/aggregator.environment';
import { AlertingEnvironment } from '../../apps/alerting/src/alerting.environment';
import { IngestEnvironment } from '../../apps/ingest/src/ingest.environment';
import { QueryEnvironment } from '../../apps/query/src/query.environment';
import { SimulatorEnvironment } from '../../apps/simulator/src/simulator.environment';

/**
 * No Docker engine runs here, so this keeps docker-compose.yml, the Dockerfile and .env.example
 * honest against the apps' validated config schemas, ports and entry points.
 */
const ROOT = path.resolve(__dirname, '../..');
const APPS: Record<string, new () => { PORT: number }> = {
  ingest: IngestEnvironment,
  query: QueryEnvironment,
  aggregator: AggregatorEnvironment,
  alerting: AlertingEnvironment,
  simulator: SimulatorEnvironment,
};

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
/** Values as the apps would see them, with compose's `${VAR:-default}` taken at its default. */
const asStrings = (env: ComposeService['environment'] = {}) =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]),
  );

describe('docker-compose.yml', () => {
  it('runs every app, Kafka, PostgreSQL and Redis', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining([...Object.keys(APPS), 'kafka', 'postgres', 'redis', 'provision']));
  });

  describe.each(Object.entries(APPS))('%s', (app, environmentClass) => {
    const service = compose.services[app];

    it('starts the built entry point of that app', () => {
      expect(service.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
      expect(fs.existsSync(path.join(ROOT, `apps/${app}/src/main.ts`))).toBe(true);
    });

    it('sets only variables the app declares, and they pass its validation', () => {
      const env = asStrings(service.environment);
      const declared = declaredVariables(environmentClass);
      expect(Object.keys(env).filter((name) => !declared.includes(name))).toEqual([]);
      expect(() => validateEnvironment(environmentClass, env)).not.toThrow();
    });

    it('publishes and health-checks the port the app listens on', () => {
      const port = validateEnvironment(environmentClass, asStrings(service.environment)).PORT;
      expect(port).toBe(new environmentClass().PORT);
      expect(service.ports).toContain(`${port}:${port}`);
      expect(service.healthcheck?.test.join(' ')).toContain('/health');
      expect(asStrings(service.environment).HOST).toBe('0.0.0.0');
    });

    it('waits for the schema and topics to be provisioned', () => {
      expect(service.depends_on?.provision.condition).toBe('service_completed_successfully');
    });
  });

  it('provisions after Kafka and PostgreSQL are healthy, with variables the config accepts', () => {
    const provision = compose.services.provision;
    expect(provision.command).toEqual(['node', 'dist/tools/provision.js']);
    expect(provision.depends_on?.kafka.condition).toBe('service_healthy');
    expect(provision.depends_on?.postgres.condition).toBe('service_healthy');
    expect(fs.existsSync(path.join(ROOT, 'tools/provision.ts'))).toBe(true);
  });

  it('uses an official Kafka image in KRaft mode that never auto-creates topics', () => {
    const kafka = compose.services.kafka;
    expect(kafka.image).toMatch(/^apache\/kafka:/);
    expect(asStrings(kafka.environment)).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    expect(kafka.healthcheck).toBeDefined();
  });

  it('points apps at the compose services, not at this machine', () => {
    for (const app of Object.keys(APPS)) {
      const env = asStrings(compose.services[app].environment);
      expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
      expect(new URL(env.REDIS_URL).hostname).toBe('redis');
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
    }
  });
});

describe('Dockerfile and engines', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

  it('is multi-stage on a current Node LTS', () => {
    expect(dockerfile).toMatch(/FROM \$\{NODE_IMAGE\} AS deps/);
    expect(dockerfile).toMatch(/AS build/);
    expect(dockerfile).toMatch(/AS runtime/);
    const major = Number(/NODE_IMAGE=node:(\d+)/.exec(dockerfile)?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  it('declares the LTS in package.json engines', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toMatch(/>=\s*2[2-9]/);
  });
});

describe('.env.example', () => {
  const documented = new Set(
    fs
      .readFileSync(path.join(ROOT, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^#?\s*([A-Z][A-Z0-9_]+)=/.exec(line)?.[1])
      .filter(Boolean),
  );

  it('documents every variable of every app', () => {
    const all = new Set(Object.values(APPS).flatMap((environmentClass) => declaredVariables(environmentClass)));
    expect([...all].filter((name) => !documented.has(name))).toEqual([]);
  });
});
