import { EVENT_TYPES, EventType } from '@lib/contracts';

/**
 * CSV templates of the bulk import, one per event family: which contract field each column fills,
 * under a header naming it in Chinese and English (`机构编码 institutionId`), so a bureau's clerk and
 * an integrator read the same file. The columns are the contract's fields (CONTRACT.md), nothing
 * else: what a cell holds is judged by the door's own validation once the row is an event.
 */

/** How a cell becomes a JSON value. A cell that does not read as its kind is passed on as text, so the door's validation reports it (invalid_type). */
export type CellKind = 'text' | 'integer' | 'number' | 'boolean' | 'list';

export interface CsvColumn {
  /** Dotted path of the contract field (`person.residenceRegion`). */
  field: string;
  zh: string;
  kind: CellKind;
}

const text = (field: string, zh: string): CsvColumn => ({ field, zh, kind: 'text' });

const ENVELOPE: CsvColumn[] = [
  text('eventId', '事件编号'),
  { field: 'version', zh: '版本', kind: 'integer' },
  { field: 'voided', zh: '作废', kind: 'boolean' },
  text('action', '动作'),
  text('institutionId', '机构编码'),
  text('occurredAt', '发生时间'),
];

const PERSON: CsvColumn[] = [
  text('person.id', '证件号码'),
  text('person.idType', '证件类型'),
  text('person.sex', '性别'),
  text('person.birthDate', '出生日期'),
  text('person.residenceRegion', '常住地区划'),
];

const FAMILY_FIELDS: Record<EventType, CsvColumn[]> = {
  visit: [
    { field: 'cost', zh: '总费用（元）', kind: 'number' },
    { field: 'tcmPrescription', zh: '中医药处方', kind: 'boolean' },
    { field: 'tcmNonDrugTherapy', zh: '中医非药物疗法', kind: 'boolean' },
  ],
  referral: [text('referralId', '转诊单号'), text('fromInstitutionId', '转出机构'), text('toInstitutionId', '转入机构'), text('reason', '转诊原因')],
  vaccination: [text('vaccine', '疫苗'), { field: 'dose', zh: '剂次', kind: 'integer' }],
  screening: [text('programme', '筛查项目'), text('result', '筛查结果')],
  family_doctor: [text('teamId', '团队编号'), { field: 'priorityGroups', zh: '重点人群', kind: 'list' }, text('serviceKind', '服务类型')],
  chronic_followup: [text('condition', '病种'), { field: 'controlled', zh: '控制满意', kind: 'boolean' }],
  disease_report: [text('disease', '病种'), text('classification', '病例分类'), text('onsetDate', '发病日期'), text('diagnosedAt', '诊断时间')],
  syndromic_count: [
    text('date', '统计日期'),
    { field: 'feverClinicVisits', zh: '发热门诊就诊人次', kind: 'integer' },
    { field: 'iliCases', zh: '流感样病例数', kind: 'integer' },
    { field: 'outpatientVisits', zh: '门急诊总人次', kind: 'integer' },
  ],
};

/** Families whose events carry no person (an institution's daily counts). */
const WITHOUT_PERSON: ReadonlySet<EventType> = new Set(['syndromic_count']);

export const IMPORT_FAMILIES: readonly EventType[] = EVENT_TYPES;

export function isImportFamily(value: string): value is EventType {
  return (IMPORT_FAMILIES as readonly string[]).includes(value);
}

/** The columns of a family's template, in the template's order. */
export function templateColumns(family: EventType): CsvColumn[] {
  return [...ENVELOPE, ...(WITHOUT_PERSON.has(family) ? [] : PERSON), ...FAMILY_FIELDS[family]];
}

/** A column's header cell: Chinese name, a space, the contract field. */
export const headerCell = (column: CsvColumn) => `${column.zh} ${column.field}`;

/** The template file of a family: its header row (CRLF, as spreadsheets write it; UTF-8 with a BOM so Excel and WPS open it as UTF-8). */
export function templateCsv(family: EventType): string {
  return `\ufeff${templateColumns(family).map(headerCell).join(',')}\r\n`;
}

/** A separator inside a list cell (`elderly_65;hypertension`): `;`, `|`, `、` or `，` (comma would split the cell). */
const LIST_SEPARATOR = /[;|、，]/;

export interface HeaderProblem {
  path: string;
  code: 'unknown_column' | 'duplicate_column' | 'missing_column';
  message: string;
}

/**
 * Which template column each header cell names. A cell may give the Chinese name, the English field,
 * or both (`机构编码 institutionId`, the template's own form); an empty cell leaves its column unread.
 */
export function readHeader(family: EventType, cells: readonly string[]): { columns: (CsvColumn | undefined)[]; problems: HeaderProblem[] } {
  const known = templateColumns(family);
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  const columns = cells.map((raw, index) => {
    const cell = raw.trim();
    if (cell === '') return undefined;
    const english = /([A-Za-z][A-Za-z.]*)$/.exec(cell)?.[1];
    const column = known.find((c) => (english !== undefined ? c.field === english : c.zh === cell)) ?? known.find((c) => c.zh === cell);
    if (column === undefined) {
      problems.push({
        path: `header[${index}]`,
        code: 'unknown_column',
        message: `Column ${index + 1} ("${cell.slice(0, 60)}") is not a field of the ${family} template`,
      });
      return undefined;
    }
    if (seen.has(column.field)) {
      problems.push({ path: `header[${index}]`, code: 'duplicate_column', message: `Column ${index + 1} names ${column.field} again` });
      return undefined;
    }
    seen.add(column.field);
    return column;
  });
  if (!seen.has('eventId')) problems.push({ path: 'header', code: 'missing_column', message: 'The header has no eventId (事件编号) column' });
  return { columns, problems };
}

/**
 * One CSV record as the event it describes: the family gives `type`, empty cells leave their field
 * out, a person whose cells are all empty is left out. Cells past the header's columns are kept
 * under `column<N>` so the door's validation rejects the row (unknown_field) instead of losing data.
 */
export function recordToEvent(family: EventType, columns: readonly (CsvColumn | undefined)[], cells: readonly string[]): Record<string, unknown> {
  const event: Record<string, unknown> = { type: family };
  cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const column = columns[index];
    if (index >= columns.length) {
      event[`column${index + 1}`] = cell;
      return;
    }
    if (column === undefined) return;
    setPath(event, column.field, cellValue(column.kind, cell.trim()));
  });
  return event;
}

export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const TRUE_CELLS = new Set(['true', 'TRUE', 'True', '是', '1']);
const FALSE_CELLS = new Set(['false', 'FALSE', 'False', '否', '0']);

function cellValue(kind: CellKind, cell: string): unknown {
  switch (kind) {
    case 'integer':
    case 'number':
      // The door decides whether the number is whole and in range; a cell that is no number at all stays text (invalid_type).
      return NUMBER.test(cell) ? Number(cell) : cell;
    case 'boolean':
      return TRUE_CELLS.has(cell) ? true : FALSE_CELLS.has(cell) ? false : cell;
    case 'list':
      return cell
        .split(LIST_SEPARATOR)
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'text':
      return cell;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest.join('.'), value);
}
