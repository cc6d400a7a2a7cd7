import type { Request, Response } from 'express';
import { dimsFileSuffix, IndicatorDefinition, parseDims } from '@lib/indicators';
import { toCsv } from './csv';

/** CSV when asked for (`format=csv` or `Accept: text/csv`), JSON otherwise. */
export function wantsCsv(request: Request): boolean {
  return request.query.format === 'csv' || (request.headers.accept ?? '').includes('text/csv');
}

/** FHIR R4 when asked for (`format=fhir` or `Accept: application/fhir+json`). */
export function wantsFhir(request: Request): boolean {
  return request.query.format === 'fhir' || (request.headers.accept ?? '').includes('application/fhir+json');
}

/** A CSV export: its file name and its table. */
export interface CsvExport {
  filename: string;
  columns: string[];
  rows: object[];
}

/**
 * An export of one selection: a column per dimension (vaccine, dose, cohort) after the first column,
 * and a file name per selection (`vaccination_coverage-2026-610900-vaccine-HepB-dose-3-cohort-2025.csv`),
 * so HepB-1 and DTaP-3 saved side by side stay two files that say what they hold.
 */
export function csvSelection<T extends object>(def: IndicatorDefinition, dims: string, nameParts: string[], columns: (keyof T & string)[], rows: T[]): CsvExport {
  const selected = parseDims(dims);
  const dimensionColumns = def.dimensions.filter((d) => selected[d] !== undefined);
  return {
    filename: [def.code, ...nameParts, dimsFileSuffix(dims)].filter((part) => part !== '').join('-'),
    columns: [columns[0], ...dimensionColumns, ...columns.slice(1)],
    rows: dimensionColumns.length === 0 ? rows : rows.map((row) => ({ ...row, ...selected })),
  };
}

export function sendCsv(response: Response, csv: CsvExport): void {
  response
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${csv.filename}.csv"`)
    .send(toCsv<Record<string, unknown>>(csv.columns, csv.rows as Record<string, unknown>[]));
}
