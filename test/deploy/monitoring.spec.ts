import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The shipped alert rules and dashboard: Prometheus' own promtool accepts the rules, and every metric
 * they or the dashboard query is one the apps define (a renamed metric must not leave a silent rule).
 */
const ROOT = path.resolve(__dirname, '../..');
const RULES = path.join(ROOT, 'deploy/k8s/base/monitoring/alert-rules.yaml');
const DASHBOARD = path.join(ROOT, 'deploy/grafana/health-indicators.json');

interface Rule {
  alert: string;
  expr: string;
  for?: string;
}

const rules = (): Rule[] => (parse(fs.readFileSync(RULES, 'utf8')) as { spec: { groups: { rules: Rule[] }[] } }).spec.groups.flatMap((g) => g.rules);

/** Metric names the code registers: `METRIC_* = '...'` constants and `name: '...'` options under apps/ and libs/. */
function definedMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/(?:\bname:\s*|\bMETRIC_[A-Z_]+\s*=\s*)'([a-z][a-z0-9_]*)'/g)) names.add(name);
      }
    }
  };
  walk(path.join(ROOT, 'apps'));
  walk(path.join(ROOT, 'libs'));
  return names;
}

/** Metric names in a PromQL expression: identifiers followed by `{`, `[` or `)`, minus the histogram suffixes. */
function queriedMetrics(expr: string): string[] {
  const names = [...expr.matchAll(/\b([a-z][a-z0-9_]*_[a-z0-9_]+)\s*(?=[{[)])/g)].map((m) => m[1]);
  return names.map((name) => name.replace(/_(bucket|count|sum)$/, ''));
}

describe('monitoring kit', () => {
  it('promtool accepts the PrometheusRule’s groups', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rules-')), 'rules.yaml');
    fs.writeFileSync(file, JSON.stringify({ groups: (parse(fs.readFileSync(RULES, 'utf8')) as { spec: { groups: unknown } }).spec.groups }));
    const result = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('alerts on lag, dead letters, webhook failures, stale feeds and 5xx', () => {
    const exprs = rules()
      .map((r) => r.expr)
      .join('\n');
    for (const metric of [
      'aggregator_consumer_lag_messages',
      'ingest_dead_letters_total',
      'alerting_webhook_deliveries_total',
      'feed_stale',
      'http_request_duration_seconds_count{status=~"5..',
    ])
      expect(exprs).toContain(metric);
  });

  it('queries only metrics the apps define', () => {
    const defined = definedMetrics();
    const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
    const queried = [...rules().map((r) => r.expr), ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))].flatMap(queriedMetrics);
    expect(queried.length).toBeGreaterThan(10);
    expect([...new Set(queried)].filter((name) => !defined.has(name))).toEqual([]);
  });
});
