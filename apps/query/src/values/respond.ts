import type { FastifyReply, FastifyRequest } from 'fastify';
import { dimsFileSuffix, displayValue, IndicatorDefinition, parseDims } from '@lib/indicators';
import { toCsv } from './csv';

/** CSV when asked for (`format=csv` or `Accept: text/csv`), JSON otherwise. */
export function wantsCsv(request: Pick<FastifyRequest, 'query' | 'headers'>): boolean {
  return (request.query as Record<string, unknown>).format === 'csv' || (request.headers.accept ?? '').includes('text/csv');
}

/** FHIR R4 when asked for (`format=fhir` or `Accept: application/fhir+json`). */
export function wantsFhir(request: Pick<FastifyRequest, 'query' | 'headers'>): boolean {
  return (request.query as Record<string, unknown>).format === 'fhir' || (request.headers.accept ?? '').includes('application/fhir+json');
}

/** A CSV export: its file name and its table (`headers`: what the header row says of each column). */
export interface CsvExport {
  filename: string;
  columns: string[];
  headers: string[];
  rows: object[];
}

/** Header labels a bureau analyst reads in Excel, Chinese first, with the JSON field name for integrators. */
const COLUMN_NAMES_ZH: Record<string, string> = {
  region: '地区代码',
  name: '名称',
  level: '层级',
  period: '期间',
  rank: '排名',
  numerator: '分子',
  denominator: '分母',
  value: '值',
  displayValue: '显示值',
  target: '目标',
  status: '状态',
  asOf: '数据截至(北京时间)',
  distanceToTarget: '距目标',
  vaccine: '疫苗',
  dose: '剂次',
  cohort: '出生队列',
  disease: '病种',
};

const CHINA_OFFSET_MS = 8 * 3600_000;

/** An ISO instant as China Standard Time with its offset: `2026-05-06T10:00:00+08:00`. */
export function chinaTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return `${new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * An export of one selection, for people first: headers in Chinese and English, the value as
 * displayed beside the raw figures, times in China Standard Time; a column per dimension (vaccine, dose, cohort) after the first column,
 * and a file name per selection (`vaccination_coverage-2026-610900-vaccine-HepB-dose-3-cohort-2025.csv`),
 * so HepB-1 and DTaP-3 saved side by side stay two files that say what they hold.
 */
export function csvSelection<T extends object>(
  def: IndicatorDefinition,
  dims: string,
  nameParts: string[],
  columns: (keyof T & string)[],
  rows: T[],
): CsvExport {
  const selected = parseDims(dims);
  const dimensionColumns = def.dimensions.filter((d) => selected[d] !== undefined);
  // The value as displayed (unit's precision) beside the raw numerator, denominator and value.
  const withDisplay = columns.flatMap((column) => (column === 'value' ? ['value', 'displayValue'] : [column]));
  const all = [withDisplay[0], ...dimensionColumns, ...withDisplay.slice(1)];
  return {
    filename: [def.code, ...nameParts, dimsFileSuffix(dims)].filter((part) => part !== '').join('-'),
    columns: all,
    headers: all.map((column) => (COLUMN_NAMES_ZH[column] ? `${COLUMN_NAMES_ZH[column]} ${column}` : column)),
    rows: rows.map((row) => {
      const fields = row as Record<string, unknown>;
      return {
        ...row,
        ...selected,
        displayValue: typeof fields.value === 'number' ? displayValue(fields.value, def.unit) : '',
        ...(typeof fields.asOf === 'string' && { asOf: chinaTime(fields.asOf) }),
      };
    }),
  };
}

/** Sets the reply's CSV headers and returns the CSV, which the route answers. */
export function csvAnswer(reply: FastifyReply, csv: CsvExport): string {
  reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${csv.filename}.csv"`);
  return toCsv<Record<string, unknown>>(csv.columns, csv.rows as Record<string, unknown>[], csv.headers);
}
