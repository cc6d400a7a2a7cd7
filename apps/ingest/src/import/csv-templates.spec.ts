import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_FAMILIES, readHeader, recordToEvent, templateColumns, templateCsv } from './csv-templates';

describe('CSV import templates', () => {
  it.each(IMPORT_FAMILIES)('ships the %s template as its columns define it', (family) => {
    const shipped = readFileSync(path.resolve(__dirname, `../../../../tools/import/templates/${family}.csv`), 'utf8');
    expect(shipped).toBe(templateCsv(family));
  });

  it('reads a header in Chinese, English or both, and refuses unknown and repeated columns', () => {
    const { columns, problems } = readHeader('visit', ['事件编号 eventId', 'institutionId', '发生时间', '', 'costs', '动作 action', 'action']);
    expect(columns.map((c) => c?.field)).toEqual(['eventId', 'institutionId', 'occurredAt', undefined, undefined, 'action', undefined]);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['header[4]', 'unknown_column'],
      ['header[6]', 'duplicate_column'],
    ]);
    expect(readHeader('visit', ['动作 action']).problems.map((p) => p.code)).toEqual(['missing_column']);
  });

  it('turns a record into the event it describes; cells that do not read as their kind stay text for the door to reject', () => {
    const { columns } = readHeader(
      'family_doctor',
      templateColumns('family_doctor').map((c) => c.field),
    );
    const cells = Object.fromEntries(templateColumns('family_doctor').map((c, i) => [c.field, i]));
    const record = new Array<string>(columns.length).fill('');
    record[cells.eventId] = ' FD-1 ';
    record[cells.version] = '2';
    record[cells.voided] = '否';
    record[cells['person.residenceRegion']] = '610921';
    record[cells.priorityGroups] = 'elderly_65;hypertension、 diabetes';
    expect(recordToEvent('family_doctor', columns, record)).toEqual({
      type: 'family_doctor',
      eventId: 'FD-1',
      version: 2,
      voided: false,
      person: { residenceRegion: '610921' },
      priorityGroups: ['elderly_65', 'hypertension', 'diabetes'],
    });
    record[cells.version] = 'two';
    expect(recordToEvent('family_doctor', columns, [...record, 'extra']).version).toBe('two');
    expect(recordToEvent('family_doctor', columns, [...record, 'extra'])).toHaveProperty(`column${record.length + 1}`, 'extra');
  });

  it('leaves the person out when all its cells are empty (a voided event, a referral)', () => {
    const { columns } = readHeader(
      'referral',
      templateColumns('referral').map((c) => c.field),
    );
    expect(recordToEvent('referral', columns, ['R-1', '', 'true'])).toEqual({ type: 'referral', eventId: 'R-1', voided: true });
  });
});
