import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { BaseEnvironment, declaredVariables, validateEnvironment } from '@lib/config';
import { KAFKA_PRINCIPALS, kafkaGrants, TOPICS, topicSpecs } from '@lib/kafka';
import { AggregatorEnvironment } from '../../apps/aggregator/src/aggregator.environment';
import { AlertingEnvironment } from '../../apps/alerting/src/alerting.environment';
import { IngestEnvironment } from '../../apps/ingest/src/ingest.environment';
import { QueryEnvironment } from '../../apps/query/src/query.environment';
import { SimulatorEnvironment } from '../../apps/simulator/src/simulator.environment';
import { CliEnvironment } from '../../tools/admin-cli/cli-environment';
import { APP_NODE_FLAGS } from '../../tools/lib/app-node-flags';
import type { AppName } from '../../tools/lib/app-process';

/**
 * Keeps deploy/k8s honest without a cluster: renders every overlay, validates every resource
 * against the real schemas (deploy/k8s/validate.mjs: Kubernetes OpenAPI, Strimzi, CloudNativePG and
 * Prometheus-operator CRDs), and checks the manifests against the code: the apps' validated
 * variables, ports and probes, the Kafka topics of libs/kafka, partitions versus aggregator
 * instances, PostgreSQL connections versus pools.
 */
const ROOT = path.resolve(__dirname, '../..');
const K8S = path.join(ROOT, 'deploy/k8s');
const OVERLAYS = ['county', 'province', 'demo'] as const;
const NAMESPACE = 'health-indicators';

type Json = any;
interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: Json;
}

// ---------------------------------------------------------------------------------------------------
// A minimal kustomize: exactly the features deploy/k8s uses (resources, namespace, images, patches by
// path as strategic merges). Anything else in a kustomization.yaml fails the test rather than being
// ignored. Where kubectl is installed, its kustomize renders too and the two must agree.

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass']);
/** Lists of built-in kinds that strategic merge patches merge by `name` (their patchMergeKey). */
const MERGED_BY_NAME = new Set(['containers', 'initContainers', 'env', 'volumes', 'volumeMounts']);
const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBuiltIn = (apiVersion: string) => !apiVersion.includes('.') || apiVersion.split('/')[0].endsWith('.k8s.io');

function readDocuments(file: string): Resource[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((document) => {
      if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
      return document.toJS() as Resource;
    })
    .filter(Boolean);
}

function strategicMerge(base: Json, patch: Json, builtIn: boolean, key = ''): Json {
  if (isObject(base) && isObject(patch)) {
    const merged: Record<string, Json> = { ...base };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete merged[field];
      else merged[field] = field in base ? strategicMerge(base[field], value, builtIn, field) : value;
    }
    return merged;
  }
  if (builtIn && MERGED_BY_NAME.has(key) && Array.isArray(base) && Array.isArray(patch)) {
    const merged = [...base];
    for (const item of patch) {
      const at = merged.findIndex((existing) => existing.name === item.name);
      if (at >= 0) merged[at] = strategicMerge(merged[at], item, builtIn);
      else merged.push(item);
    }
    return merged;
  }
  return patch; // scalars, and lists of custom resources, are replaced (as kustomize does)
}

function podSpecOf(resource: Resource): Json {
  return resource.spec?.template?.spec ?? resource.spec?.jobTemplate?.spec?.template?.spec;
}

function build(directory: string): Resource[] {
  const kustomization = parse(fs.readFileSync(path.join(directory, 'kustomization.yaml'), 'utf8')) as Record<string, Json>;
  const unsupported = Object.keys(kustomization).filter((key) => !['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches'].includes(key));
  if (unsupported.length) throw new Error(`${directory}: the test's renderer does not support ${unsupported.join(', ')}`);

  const resources: Resource[] = [];
  for (const entry of kustomization.resources ?? []) {
    const target = path.resolve(directory, entry);
    resources.push(...(fs.statSync(target).isDirectory() ? build(target) : readDocuments(target)));
  }
  for (const patchEntry of kustomization.patches ?? []) {
    if (Object.keys(patchEntry).join() !== 'path') throw new Error(`${directory}: only patches with a path are supported`);
    for (const patch of readDocuments(path.resolve(directory, patchEntry.path))) {
      const at = resources.findIndex(
        (r) => r.kind === patch.kind && r.metadata.name === patch.metadata.name && r.apiVersion.split('/')[0] === patch.apiVersion.split('/')[0],
      );
      if (at < 0) throw new Error(`${directory}: patch for missing ${patch.kind}/${patch.metadata.name}`);
      resources[at] = strategicMerge(resources[at], patch, isBuiltIn(patch.apiVersion));
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const resource of resources) {
      for (const container of [...(podSpecOf(resource)?.containers ?? []), ...(podSpecOf(resource)?.initContainers ?? [])]) {
        if (container.image.replace(/[:@].*$/, '') === image.name) container.image = `${image.newName ?? image.name}:${image.newTag}`;
      }
    }
  }
  if (kustomization.namespace) {
    for (const resource of resources) if (!CLUSTER_SCOPED.has(resource.kind)) resource.metadata.namespace = kustomization.namespace;
  }
  return resources;
}

const key = (r: Resource) => `${r.apiVersion} ${r.kind} ${r.metadata.namespace ?? ''}/${r.metadata.name}`;
const kubectlAvailable = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** Runs deploy/k8s/validate.mjs (an ES module, like the schema packages) in a child process. */
function validateWithSchemas(resources: Resource[]): Array<{ kind: string; name: string; errors: string[] }> {
  const run = spawnSync(process.execPath, [path.join(K8S, 'validate.mjs'), '--json'], { cwd: ROOT, input: JSON.stringify(resources), encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`validate.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout); // exit code 1 only says that some resource is invalid
}

/**
 * The variables an environment class declares. declaredVariables() reads class-validator metadata,
 * which misses fields carrying only a class-transformer decorator (@ToBoolean); the fields of an
 * instance (every variable has a default) fill that gap.
 */
const declared = (environmentClass: new () => object) => [...new Set([...declaredVariables(environmentClass), ...Object.keys(new environmentClass())])];

// ---------------------------------------------------------------------------------------------------

const APPS: Record<string, new () => { PORT: number }> = {
  ingest: IngestEnvironment,
  query: QueryEnvironment,
  aggregator: AggregatorEnvironment,
  alerting: AlertingEnvironment,
  simulator: SimulatorEnvironment,
};
/** Init containers run tools, with their own validated environments. */
const TOOLS: Record<string, new () => object> = { 'seed-demo': CliEnvironment, provision: BaseEnvironment };
const SECRET_KEYS = ['ADMIN_TOKEN', 'PSEUDONYM_SECRET', 'PSEUDONYM_PREVIOUS_KEYS', 'DATABASE_URL'];
/** Keys the Secret holds only after an event (a rotation): mounted `optional`, so pods start without them. */
const OPTIONAL_SECRET_KEYS = ['PSEUDONYM_PREVIOUS_KEYS'];
/** Stand-ins for the Secret's values, which no overlay carries (docs/deployment.md, "Secrets"). */
const STAND_IN_SECRETS: Record<string, string> = {
  ADMIN_TOKEN: '3b8f0c6e2a9d4f17b5c1e8a0d6f2b4c9',
  PSEUDONYM_SECRET: 'e7a1c5f9b3d70e4a8c2f6b0d4e8a2c6f0b4d8e2a6c0f4b8d',
  PSEUDONYM_PREVIOUS_KEYS: 'k0:a-retired-key',
  DATABASE_URL: 'postgres://health:5c9e1a7f3b0d8e6c4a2f0b9d7e5c3a1f@health-pg-rw:5432/health',
};
/** Stand-in for the password Strimzi's User Operator keeps in each KafkaUser's Secret (key `password`). */
const STAND_IN_KAFKA_PASSWORD = '2d4f6a8c0e1b3d5f7a9c0e2b4d6f8a1c';
const canonical = topicSpecs().find((spec) => spec.name === TOPICS.events)!;

const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, build(path.join(K8S, 'overlays', overlay))])) as Record<
  (typeof OVERLAYS)[number],
  Resource[]
>;

describe('the schema validator (deploy/k8s/validate.mjs)', () => {
  it('rejects what is wrong and kinds it has no schema for, so a pass means something', () => {
    const results = validateWithSchemas([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'bad' },
        spec: { replicas: 'two', selector: {}, template: { spec: { containers: [{ image: 'x' }] } } },
      },
      { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'bad' }, spec: { partitions: 'twelve' } },
      {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: { name: 'bad' },
        spec: { instances: 3, postgresql: { synchronous: { method: 'some', number: 1 } } },
      },
      { apiVersion: 'example.org/v1', kind: 'Unknown', metadata: { name: 'x' } },
    ]);
    expect(results.map((result) => result.errors.length > 0)).toEqual([true, true, true, true]);
    expect(results[0].errors.join()).toMatch(/replicas must be integer/);
  });
});

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  const resources = rendered[overlay];
  const find = (kind: string, name: string) => resources.find((r) => r.kind === kind && r.metadata.name === name);
  const all = (kind: string) => resources.filter((r) => r.kind === kind);
  const configMaps = Object.fromEntries(all('ConfigMap').map((r) => [r.metadata.name, r.data as Record<string, string>]));
  const secretValues = STAND_IN_SECRETS;

  it('renders the same with kubectl kustomize, where kubectl is installed', () => {
    if (!kubectlAvailable) return; // the renderer above is then the only one
    const output = execFileSync('kubectl', ['kustomize', path.join(K8S, 'overlays', overlay)], { encoding: 'utf8' });
    const real = parseAllDocuments(output).map((document) => document.toJS() as Resource);
    const byKey = (list: Resource[]) => Object.fromEntries(list.map((r) => [key(r), r]));
    expect(byKey(resources)).toEqual(byKey(real));
  });

  it('passes the Kubernetes, Strimzi, CloudNativePG and Prometheus-operator schemas, every resource', () => {
    const results = validateWithSchemas(resources);
    expect(results).toHaveLength(resources.length);
    expect(results.filter((result) => result.errors.length).map((r) => `${r.kind}/${r.name}: ${r.errors.join('; ')}`)).toEqual([]);
  });

  it('puts everything in one namespace, with no duplicates', () => {
    expect(find('Namespace', NAMESPACE)).toBeDefined();
    expect(resources.filter((r) => r.kind !== 'Namespace').map((r) => r.metadata.namespace)).toEqual(
      resources.filter((r) => r.kind !== 'Namespace').map(() => NAMESPACE),
    );
    expect(new Set(resources.map(key)).size).toBe(resources.length);
  });

  it('runs ingest, query, aggregator and alerting; the simulator only in the demo', () => {
    const apps = all('Deployment')
      .map((r) => r.metadata.name)
      .filter((name) => name in APPS)
      .sort();
    expect(apps).toEqual(overlay === 'demo' ? ['aggregator', 'alerting', 'ingest', 'query', 'simulator'] : ['aggregator', 'alerting', 'ingest', 'query']);
  });

  it('carries no Secret: every installation, the demo included, makes its own', () => {
    expect(all('Secret')).toEqual([]);
    for (const data of Object.values(configMaps)) expect(Object.keys(data).filter((name) => SECRET_KEYS.includes(name))).toEqual([]);
  });

  it('runs every app and tool from one tagged image', () => {
    const images = all('Deployment')
      .concat(all('Job'))
      .filter((r) => r.metadata.name !== 'redis')
      .flatMap((r) => [...podSpecOf(r).containers, ...(podSpecOf(r).initContainers ?? [])].map((c: Json) => c.image as string));
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toMatch(/:[\w.-]+$/);
    expect(images[0]).not.toMatch(/:latest$/);
  });

  describe.each(Object.keys(APPS).filter((app) => overlay === 'demo' || app !== 'simulator'))('%s', (app) => {
    const environmentClass = APPS[app];
    const deployment = find('Deployment', app)!;
    const pod = podSpecOf(deployment);
    const container = pod.containers[0];

    it('starts the built entry point of that app with its Node flags, like docker-compose', () => {
      expect(pod.containers).toHaveLength(1);
      expect(container.command).toEqual(['node', ...APP_NODE_FLAGS[app as AppName], `dist/apps/${app}/src/main.js`]);
      expect(fs.existsSync(path.join(ROOT, `apps/${app}/src/main.ts`))).toBe(true);
    });

    /** The variables the container gets, resolved as the kubelet would (secrets: theirs or stand-ins). */
    const environmentOf = (c: Json): Record<string, string> => {
      const env: Record<string, string> = {};
      for (const source of c.envFrom ?? []) {
        expect(source.configMapRef?.name).toBeDefined(); // secrets are mounted key by key, never wholesale
        Object.assign(env, configMaps[source.configMapRef.name]);
      }
      for (const variable of c.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref && variable.name === 'KAFKA_SASL_PASSWORD') {
          // The workload's own KafkaUser: Strimzi keeps its password in a Secret of the user's name.
          expect(ref).toEqual({ name: env.KAFKA_SASL_USERNAME, key: 'password' });
          expect(find('KafkaUser', ref.name)).toBeDefined();
          env[variable.name] = STAND_IN_KAFKA_PASSWORD;
        } else if (ref) {
          expect(ref).toEqual({ name: 'health-indicators', key: variable.name, ...(OPTIONAL_SECRET_KEYS.includes(variable.name) ? { optional: true } : {}) });
          expect(SECRET_KEYS).toContain(variable.name);
          env[variable.name] = secretValues[variable.name];
        } else {
          expect(variable.valueFrom).toBeUndefined();
          env[variable.name] = variable.value;
        }
      }
      return env;
    };

    it('sets only variables the app declares, from the ConfigMap and the Secret, and they pass its validation in production', () => {
      const env = environmentOf(container);
      const names = declared(environmentClass);
      expect(Object.keys(env).filter((name) => !names.includes(name))).toEqual([]);
      expect(env.NODE_ENV).toBe('production');
      expect(() => validateEnvironment(environmentClass, env)).not.toThrow();
      // Every secret the app declares comes from the Secret (the others it does not get at all).
      const fromSecret = (container.env as Json[]).filter((v) => v.valueFrom).map((v) => v.name);
      expect(fromSecret.sort()).toEqual([...SECRET_KEYS.filter((name) => names.includes(name)), 'KAFKA_SASL_PASSWORD'].sort());
      expect(env.KAFKA_SASL_USERNAME).toBe(app === 'simulator' ? 'integrator' : app);
    });

    it('gives its init containers (tools) only variables they declare', () => {
      for (const init of pod.initContainers ?? []) {
        const toolClass = TOOLS[init.name];
        expect(toolClass).toBeDefined();
        const env = environmentOf(init);
        expect(Object.keys(env).filter((name) => !declared(toolClass).includes(name))).toEqual([]);
        expect(() => validateEnvironment(toolClass, env)).not.toThrow();
      }
    });

    it("listens on the app's default port, exposed by its Service, and probes /health there", () => {
      const port = new environmentClass().PORT;
      expect(validateEnvironment(environmentClass, environmentOf(container)).PORT).toBe(port);
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      const resolve = (p: number | string) => (p === 'http' ? port : p);
      expect(container.readinessProbe.httpGet.path).toBe('/health');
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        expect(container[probe]).toBeDefined();
        expect(resolve(container[probe].httpGet?.port ?? container[probe].tcpSocket?.port)).toBe(port);
      }
      // Liveness must not follow the dependencies (/health does): an outage would restart every pod.
      expect(container.livenessProbe.httpGet?.path).not.toBe('/health');
      expect(container.livenessProbe.failureThreshold * container.livenessProbe.periodSeconds).toBeGreaterThanOrEqual(60);
      const service = find('Service', app)!;
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
      expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    });

    it('runs as non-root with a read-only root filesystem and no capabilities', () => {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      }
    });

    it('requests and limits CPU and memory', () => {
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(c.resources.limits).sort()).toEqual(['cpu', 'memory']);
      }
    });

    if (app !== 'simulator') {
      it('has a PodDisruptionBudget that never blocks a drain', () => {
        const budget = find('PodDisruptionBudget', app)!;
        expect(budget.spec).toEqual({ maxUnavailable: 1, selector: deployment.spec.selector });
      });
    }
  });

  it('autoscales the stateless APIs (ingest, query) on CPU', () => {
    const scaled = all('HorizontalPodAutoscaler')
      .map((hpa) => hpa.spec.scaleTargetRef.name)
      .sort();
    expect(scaled).toEqual(['ingest', 'query']);
    for (const hpa of all('HorizontalPodAutoscaler')) {
      expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
      expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    }
  });

  it('never runs more aggregator instances than the canonical topic has partitions', () => {
    const aggregator = find('Deployment', 'aggregator')!;
    const topic = all('KafkaTopic').find((t) => t.spec.topicName === TOPICS.events)!;
    expect(topic.spec.partitions).toBe(canonical.partitions);
    expect(aggregator.spec.replicas).toBeGreaterThanOrEqual(1);
    // A rollout surges by maxSurge: even then every instance should own a partition.
    expect(aggregator.spec.replicas + (aggregator.spec.strategy.rollingUpdate?.maxSurge ?? 0)).toBeLessThanOrEqual(canonical.partitions);
    const hpa = all('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === 'aggregator');
    if (hpa) expect(hpa.spec.maxReplicas).toBeLessThanOrEqual(canonical.partitions);
  });

  it('declares exactly the topics of libs/kafka topicSpecs(), with 3 replicas and min.insync.replicas 2', () => {
    const kafka = all('Kafka')[0];
    const topics = all('KafkaTopic').map((topic) => {
      expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe(kafka.metadata.name);
      expect(topic.spec.replicas).toBe(3);
      return { name: topic.spec.topicName, partitions: topic.spec.partitions, config: topic.spec.config };
    });
    // Production overrides one value: min.insync.replicas is 2 on a 3-replica cluster (the local
    // single broker needs 1). Everything else is what provision would create.
    const expected = topicSpecs().map((spec) => ({ ...spec, config: { ...spec.config, 'min.insync.replicas': '2' } }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(topics.sort(byName)).toEqual(expected.sort(byName));
  });

  it('runs Kafka on KRaft node pools: 3 brokers, 3 controllers, replication 3, min ISR 2, no auto-created topics', () => {
    const kafkas = all('Kafka');
    expect(kafkas).toHaveLength(1);
    const kafka = kafkas[0];
    expect(kafka.spec.zookeeper).toBeUndefined();
    expect(kafka.spec.kafka.config).toMatchObject({
      'auto.create.topics.enable': false,
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
    });
    const pools = all('KafkaNodePool');
    pools.forEach((pool) => expect(pool.metadata.labels?.['strimzi.io/cluster']).toBe(kafka.metadata.name));
    const count = (role: string) => pools.filter((pool) => pool.spec.roles.includes(role)).reduce((sum, pool) => sum + pool.spec.replicas, 0);
    expect(count('broker')).toBeGreaterThanOrEqual(3);
    expect(count('controller')).toBe(3);
    expect(configMaps['health-indicators-config'].KAFKA_BROKERS).toBe(`${kafka.metadata.name}-kafka-bootstrap:9092`);
    expect(kafka.spec.kafka.listeners.find((l: Json) => l.port === 9092)).toMatchObject({ type: 'internal' });
  });

  it('runs PostgreSQL as a 3-instance CloudNativePG cluster whose connections fit every pool at its peak', () => {
    const clusters = all('Cluster');
    expect(clusters).toHaveLength(1);
    const cluster = clusters[0];
    expect(cluster.spec.instances).toBe(3);
    expect(new URL(secretValues.DATABASE_URL).hostname).toBe(`${cluster.metadata.name}-rw`);
    const pool = Number(configMaps['health-indicators-config'].DATABASE_POOL_MAX);
    const peakPodsOf = (d: Json): number => {
      const hpa = all('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
      const surge = d.spec.strategy?.type === 'Recreate' ? 0 : (d.spec.strategy?.rollingUpdate?.maxSurge ?? 1);
      return (hpa?.spec.maxReplicas ?? d.spec.replicas) + surge;
    };
    const apps = all('Deployment').filter((d) => d.metadata.name in APPS);
    const peakPods = apps.reduce((sum, d) => sum + peakPodsOf(d), 0);
    // Each query pod also LISTENs for target and population changes on a connection of its own.
    const listeners = peakPodsOf(apps.find((d) => d.metadata.name === 'query')!);
    const provisionJob = 1;
    const superuserReserved = 3;
    expect((peakPods + provisionJob) * pool + listeners + superuserReserved).toBeLessThanOrEqual(Number(cluster.spec.postgresql.parameters.max_connections));
  });

  it('runs Redis as a cache without persistence, at the address the apps use', () => {
    const redis = find('Deployment', 'redis')!;
    const command: string[] = podSpecOf(redis).containers[0].command;
    expect(command.slice(command.indexOf('--save'), command.indexOf('--save') + 2)).toEqual(['--save', '']);
    expect(command.slice(command.indexOf('--appendonly'), command.indexOf('--appendonly') + 2)).toEqual(['--appendonly', 'no']);
    expect(podSpecOf(redis).volumes.every((volume: Json) => volume.emptyDir)).toBe(true);
    expect(new URL(configMaps['health-indicators-config'].REDIS_URL).hostname).toBe(find('Service', 'redis')!.metadata.name);
  });

  it('authenticates every Kafka client and grants each KafkaUser exactly the ACLs of libs/kafka KAFKA_ACCESS', () => {
    const kafka = all('Kafka')[0];
    expect(kafka.spec.kafka.listeners.map((l: Json) => l.authentication?.type)).toEqual(kafka.spec.kafka.listeners.map(() => 'scram-sha-512'));
    expect(kafka.spec.kafka.authorization.type).toBe('simple');
    expect(configMaps['health-indicators-config'].KAFKA_SASL_MECHANISM).toBe('scram-sha-512');
    const users = all('KafkaUser');
    for (const user of users) expect(user.spec.authentication.type).toBe('scram-sha-512');
    const granted = users
      .filter((user) => (KAFKA_PRINCIPALS as readonly string[]).includes(user.metadata.name))
      .flatMap((user) =>
        (user.spec.authorization.acls as Json[]).flatMap((acl) =>
          (acl.operations as string[]).map((operation) => ({
            principal: user.metadata.name,
            resource: acl.resource.type,
            name: acl.resource.name,
            pattern: acl.resource.patternType === 'prefix' ? 'prefixed' : acl.resource.patternType,
            operation,
          })),
        ),
      );
    const byText = (grants: object[]) => grants.map((g) => JSON.stringify(g)).sort();
    expect(byText(granted)).toEqual(byText(kafkaGrants('', configMaps['health-indicators-config'].KAFKA_GROUP_PREFIX)));
    expect(users.map((user) => user.metadata.name).sort()).toEqual([...KAFKA_PRINCIPALS, 'provision'].sort());
  });

  it('migrates with a provision Job from the same image, with variables provision declares', () => {
    const job = find('Job', 'provision')!;
    const c = podSpecOf(job).containers[0];
    expect(c.command).toEqual(['node', 'dist/tools/provision.js']);
    expect(fs.existsSync(path.join(ROOT, 'tools/provision.ts'))).toBe(true);
    const names = [...Object.keys(configMaps[c.envFrom[0].configMapRef.name]), ...c.env.map((v: Json) => v.name)];
    expect(names.filter((name) => !declared(BaseEnvironment).includes(name))).toEqual([]);
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
  });

  it('denies all traffic by default, then opens only what the system needs', () => {
    const policies = all('NetworkPolicy');
    const deny = policies.find((p) => p.metadata.name === 'default-deny-all')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const byName = Object.fromEntries(policies.map((p) => [p.metadata.name, p.spec]));
    expect(byName['allow-dns'].egress[0].ports).toEqual(expect.arrayContaining([{ protocol: 'UDP', port: 53 }]));
    expect(byName['apps-to-data'].egress.flatMap((rule: Json) => rule.ports.map((p: Json) => p.port)).sort()).toEqual([5432, 6379, 9092]);
    expect(byName['ingress-controller-to-apis'].podSelector.matchExpressions[0].values).toEqual(['ingest', 'query']);
    expect(byName['alerting-to-webhooks'].egress).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }]);
  });

  it('routes only the public APIs through the Ingress', () => {
    const backends = all('Ingress').flatMap((ingress) =>
      ingress.spec.rules.flatMap((rule: Json) => rule.http.paths.map((p: Json) => `${p.backend.service.name}${p.path}`)),
    );
    expect(backends.sort()).toEqual(['ingest/v1/events', 'query/', 'query/dashboard', 'query/v1']);
  });
});

it('sizes the province above the county', () => {
  const replicas = (overlay: (typeof OVERLAYS)[number]) =>
    rendered[overlay].find((r) => r.kind === 'Deployment' && r.metadata.name === 'aggregator')!.spec.replicas;
  expect(replicas('province')).toBeGreaterThan(replicas('county'));
});
