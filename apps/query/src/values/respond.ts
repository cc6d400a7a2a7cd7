import type { Request, Response } from 'express';
import { toCsv } from './csv';

/** CSV when asked for (`format=csv` or `Accept: text/csv`), JSON otherwise. */
export function wantsCsv(request: Request): boolean {
  return request.query.format === 'csv' || (request.headers.accept ?? '').includes('text/csv');
}

/** FHIR R4 when asked for (`format=fhir` or `Accept: application/fhir+json`). */
export function wantsFhir(request: Request): boolean {
  return request.query.format === 'fhir' || (request.headers.accept ?? '').includes('application/fhir+json');
}

export function sendCsv<T extends object>(response: Response, filename: string, columns: (keyof T & string)[], rows: T[]): void {
  response
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`)
    .send(toCsv(columns, rows));
}
