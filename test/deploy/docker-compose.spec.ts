import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { declaredVariables, secretKindOf, validateEnvironment } from '@lib/config';
import { AggregatorEnvironment } from '../../apps/aggregator/src/aggregator.environment';
import { AlertingEnvironment } from '../../apps/alerting/src/alerting.environment';
import { IngestEnvironment } from '../../apps/ingest/src/ingest.environment';
import { QueryEnvironment } from '../../apps/query/src/query.environment';
import { SimulatorEnvironment } from '../../apps/simulator/src/simulator.environment';
import { APP_NODE_FLAGS } from '../../tools/lib/app-node-flags';
import type { AppName } from '../../tools/lib/app-process';

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

const composeText = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, ComposeService>;
};
/** What an operator's .env beside the compose file gives the variables compose requires (`${VAR:?…}`). */
const OPERATOR_ENV: Record<string, string> = {
  ADMIN_TOKEN: '5f1c9a0e7b3d4c2a8e6f0b1d3c5a7e9f1b3d5c7a',
  PSEUDONYM_SECRET: '0d2e4f6a8b1c3d5e7f9a0b2c4d6e8f1a3c5e7a9b0d2f4a6c',
  POSTGRES_PASSWORD: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
  KAFKA_ADMIN_PASSWORD: '1a3c5e7a9b0d2f4a6c8e0b2d4f6a8c0e',
  KAFKA_INGEST_PASSWORD: '2b4d6f8a0c1e3a5c7e9a1b3d5f7a9c1e',
  KAFKA_AGGREGATOR_PASSWORD: '3c5e7a9b1d2f4a6c8e0a2c4e6a8c0e2a',
  KAFKA_QUERY_PASSWORD: '4d6f8a0c2e3a5c7e9a1c3e5a7c9e1a3c',
  KAFKA_ALERTING_PASSWORD: '5e7a9b1d3f4a6c8e0a2e4a6c8e0a2c4e',
  KAFKA_INTEGRATOR_PASSWORD: '6f8a0c2e4a5c7e9a1c3a5c7e9a1c3e5a',
};
/**
 * Values as the apps would see them: compose's `${VAR:-default}` taken at its default, `${VAR:?…}`
 * at the operator's value (`operator` overrides them, e.g. with a weak one).
 */
const asStrings = (env: ComposeService['environment'] = {}, operator: Record<string, string> = OPERATOR_ENV) =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value)
        .replace(/\$\{\w+:-([^}]*)\}/g, '$1')
        .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => operator[name] ?? `<${name} unset>`),
    ]),
  );
/** Every compose variable written `${VAR:?message}`: it has no fallback, compose stops when it is unset. */
const required = [...composeText.matchAll(/\$\{(\w+):\?[^}]+\}/g)].map((match) => match[1]);

describe('docker-compose.yml', () => {
  it('runs every app, Kafka, PostgreSQL and Redis', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining([...Object.keys(APPS), 'kafka', 'postgres', 'redis', 'provision']));
  });

  describe.each(Object.entries(APPS))('%s', (app, environmentClass) => {
    const service = compose.services[app];

    it('starts the built entry point of that app with its Node flags', () => {
      expect(service.command).toEqual(['node', ...APP_NODE_FLAGS[app as AppName], `dist/apps/${app}/src/main.js`]);
      expect(fs.existsSync(path.join(ROOT, `apps/${app}/src/main.ts`))).toBe(true);
    });

    it("sets only variables the app declares, and with the operator's secrets they pass its validation in production", () => {
      const env = asStrings(service.environment);
      const declared = declaredVariables(environmentClass);
      expect(Object.keys(env).filter((name) => !declared.includes(name))).toEqual([]);
      expect(env.NODE_ENV).toBe('production');
      expect(() => validateEnvironment(environmentClass, env)).not.toThrow();
    });

    it('takes every secret it is given from the operator, with no fallback', () => {
      const declared = new environmentClass();
      const secrets = Object.entries(service.environment ?? {}).filter(
        ([name]) => secretKindOf(declared, name) === 'secret' && name !== 'PSEUDONYM_PREVIOUS_KEYS',
      );
      // Each app's Kafka password is its own user's (KAFKA_<USER>_PASSWORD in the operator's .env).
      const operatorVariable = (name: string) =>
        name === 'KAFKA_SASL_PASSWORD' ? `KAFKA_${String(service.environment?.KAFKA_SASL_USERNAME).toUpperCase()}_PASSWORD` : name;
      for (const [name, value] of secrets)
        expect({ name, value }).toEqual({ name, value: expect.stringMatching(new RegExp(`^\\$\\{${operatorVariable(name)}:\\?[^}]+\\}$`)) });
      expect(String(service.environment?.DATABASE_URL)).toMatch(/^postgres:\/\/health:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:/);
    });

    it("refuses to start with a weak secret in the operator's .env", () => {
      const weak = { ...OPERATOR_ENV, POSTGRES_PASSWORD: 'health', ADMIN_TOKEN: 'compose-admin-token-change-me-000001' };
      expect(() => validateEnvironment(environmentClass, asStrings(service.environment, weak))).toThrow(/DATABASE_URL/);
    });

    it('health-checks the port the app listens on; only the doors publish it, on 127.0.0.1 by default', () => {
      const port = validateEnvironment(environmentClass, asStrings(service.environment)).PORT;
      expect(port).toBe(new environmentClass().PORT);
      expect(service.ports).toEqual(app === 'ingest' || app === 'query' ? [`\${PUBLISH_ADDRESS:-127.0.0.1}:${port}:${port}`] : undefined);
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

  it('carries no secret of its own: the required ones are exactly the secrets, and no placeholder is left', () => {
    expect([...new Set(required)].sort()).toEqual(Object.keys(OPERATOR_ENV).sort());
    expect(composeText).not.toMatch(/change-?me/i);
    expect(compose.services.postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/);
  });

  it('publishes nothing of Kafka, PostgreSQL, Redis or provision', () => {
    for (const name of ['kafka', 'postgres', 'redis', 'provision']) expect({ name, ports: compose.services[name].ports }).toEqual({ name, ports: undefined });
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
