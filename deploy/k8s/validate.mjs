#!/usr/bin/env node
/**
 * Validates rendered Kubernetes manifests against real schemas: the official Kubernetes OpenAPI
 * (kubernetes-models) and the operators' CRD schemas (Strimzi, CloudNativePG, Prometheus operator;
 * the @kubernetes-models/* packages). A resource of a kind with no schema here is an error, so
 * nothing passes unchecked.
 *
 *   kubectl kustomize deploy/k8s/overlays/province | node deploy/k8s/validate.mjs
 *   node deploy/k8s/validate.mjs --json < rendered.yaml     (machine-readable, used by the tests)
 *
 * Input: a YAML stream (documents separated by ---) or a JSON array of resources.
 * Exit code: 0 all valid, 1 some invalid. ES module because the schema packages are ES modules
 * (the jest tests run it as a child process).
 */
import { parseAllDocuments } from 'yaml';

/** Which package holds the schemas of an API group. */
const PACKAGES = {
  '': 'kubernetes-models',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  // Every built-in group (apps, batch, policy, autoscaling, networking.k8s.io ...) is in kubernetes-models.
  const pkg = PACKAGES[group] ?? (group.includes('.') && !group.endsWith('.k8s.io') ? undefined : PACKAGES['']);
  if (!pkg) return undefined;
  return `${pkg}/${group ? `${group}/` : ''}${version}/${kind}`;
}

/** Returns [{ apiVersion, kind, name, errors: string[] }] for every resource. */
export async function validateResources(resources) {
  const results = [];
  for (const resource of resources) {
    const { apiVersion = '', kind = '', metadata = {} } = resource ?? {};
    const result = { apiVersion, kind, name: metadata.name ?? '', errors: [] };
    results.push(result);
    const path = apiVersion && kind ? modulePath(apiVersion, kind) : undefined;
    let Model;
    try {
      Model = path && (await import(path))[kind];
    } catch {
      Model = undefined;
    }
    if (!Model) {
      result.errors.push(`no schema known for ${apiVersion || '(no apiVersion)'} ${kind || '(no kind)'}`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (error) {
      result.errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return results;
}

function parseInput(text) {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed);
  const documents = parseAllDocuments(text);
  const problems = documents.flatMap((document) => document.errors.map((error) => error.message));
  if (problems.length) throw new Error(`YAML: ${problems.join('; ')}`);
  return documents.map((document) => document.toJS()).filter((resource) => resource != null);
}

async function main() {
  const json = process.argv.includes('--json');
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const results = await validateResources(parseInput(Buffer.concat(chunks).toString('utf8')));
  const invalid = results.filter((result) => result.errors.length > 0);
  if (json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } else {
    for (const result of results) {
      const label = `${result.kind}/${result.name}`;
      process.stdout.write(result.errors.length ? `INVALID ${label}\n  ${result.errors.join('\n  ')}\n` : `ok      ${label}\n`);
    }
    process.stdout.write(`${results.length - invalid.length}/${results.length} valid\n`);
  }
  process.exitCode = invalid.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    process.stderr.write(`validate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
