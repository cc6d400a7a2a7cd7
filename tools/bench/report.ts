import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured figure, with the baseline measured in the same run where there is one. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** The project's target for this figure, for the report (never asserted). */
  target?: string;
  notes?: string;
}

export interface BenchReport {
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverage: number[] };
  commit: string;
  figures: Figure[];
  notes: string[];
}

export function machineInfo(): BenchReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function currentCommit(root: string): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

const format = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 100) / 100));

export function toMarkdown(report: BenchReport, analysis?: string): string {
  const m = report.machine;
  const lines = [
    `# Benchmark report (${report.mode})`,
    '',
    `Commit \`${report.commit}\`, started ${report.startedAt}, ${Math.round(report.durationSeconds)} s.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverage.join(' / ')}.`,
    'Kafka, PostgreSQL and Redis run on the same machine as the apps: every figure shares 2 cores with them.',
    '',
    '| section | figure | value | baseline (same run) | ratio | target |',
    '|---|---|---:|---|---:|---|',
    ...report.figures.map((f) => {
      const baseline = f.baseline ? `${f.baseline.name}: ${format(f.baseline.value)} ${f.unit}` : '—';
      const ratio = f.baseline && f.baseline.value ? `${Math.round((f.value / f.baseline.value) * 100)}%` : '—';
      return `| ${f.section} | ${f.name} | ${format(f.value)} ${f.unit} | ${baseline} | ${ratio} | ${f.target ?? ''} |`;
    }),
    '',
    ...report.figures.filter((f) => f.notes).map((f) => `- **${f.name}**: ${f.notes}`),
    ...(report.notes.length > 0 ? ['', '## Notes', '', ...report.notes.map((n) => `- ${n}`)] : []),
    '',
    ...(analysis ? [analysis.trim(), ''] : []),
  ];
  return lines.join('\n');
}

/**
 * How cost grows and where the time goes: written by hand from profiled runs (bench/analysis.md),
 * appended to every report so that the figures and their explanation travel together.
 */
function readAnalysis(root: string): string | undefined {
  const file = path.join(root, 'bench/analysis.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Writes `<name>.md` and `<name>.json` (latest for a whole run; a partial run must not replace it). */
export function writeReport(root: string, report: BenchReport, name = 'latest'): string {
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const markdown = toMarkdown(report, readAnalysis(root));
  fs.writeFileSync(path.join(dir, `${name}.md`), markdown);
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  return markdown;
}
