import { Readable } from 'node:stream';
import { csvCharset, ImportHeaderError, importRows, MAX_ROW_BYTES, UnreadableFileError } from './import-rows';

/** GBK bytes of a text (as a Chinese Excel writes "CSV"), from the decoder's own table: two-byte codes 0x81–0xFE × 0x40–0xFE. */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const bytes = Buffer.from([lead, trail]);
      try {
        const char = decoder.decode(bytes);
        if (!table.has(char)) table.set(char, bytes);
      } catch {
        // not a GBK code
      }
    }
  }
  return Buffer.concat([...text].map((char) => (char.charCodeAt(0) < 0x80 ? Buffer.from(char, 'ascii') : table.get(char)!)));
}

const rows = async (body: Buffer | string, source: Parameters<typeof importRows>[1], chunkBytes = 7) => {
  const bytes = Buffer.from(body);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkBytes) chunks.push(bytes.subarray(i, i + chunkBytes));
  const out = [];
  for await (const row of importRows(Readable.from(chunks), source)) out.push(row);
  return out;
};

describe('importRows', () => {
  it('reads NDJSON lines across chunk boundaries with their numbers and the bytes through their end', async () => {
    const body = '\ufeff{"a":1}\r\n\n{"b":"中文"}\nnot json\n{"c":3}';
    const read = await rows(body, { format: 'ndjson', firstRow: 1 });
    expect(read.map((r) => [r.row, r.input, r.unreadable?.code])).toEqual([
      [1, { a: 1 }, undefined],
      [3, { b: '中文' }, undefined],
      [4, undefined, 'invalid_json'],
      [5, { c: 3 }, undefined],
    ]);
    const total = Buffer.byteLength(body);
    expect(read.map((r) => r.bytes)).toEqual([
      Buffer.byteLength('\ufeff{"a":1}\r\n'),
      Buffer.byteLength('\ufeff{"a":1}\r\n\n{"b":"中文"}\n'),
      total - Buffer.byteLength('{"c":3}'),
      total,
    ]);
  });

  it('numbers a resumed body from firstRow and refuses an overlong line without holding it', async () => {
    const body = `${'x'.repeat(MAX_ROW_BYTES + 10)}\n{"ok":true}\n`;
    const read = await rows(body, { format: 'ndjson', firstRow: 41 }, 4096);
    expect(read.map((r) => [r.row, r.unreadable?.code ?? r.input])).toEqual([
      [41, 'too_long'],
      [42, { ok: true }],
    ]);
  });

  it('refuses invalid UTF-8 as invalid_json', async () => {
    const read = await rows(Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), { format: 'ndjson', firstRow: 1 });
    expect(read[0].unreadable?.code).toBe('invalid_json');
  });

  it('reads CSV records as events, numbered as spreadsheet rows, quoted line breaks included', async () => {
    const body = '\ufeff事件编号 eventId,转诊原因 reason\r\nR-1,"two\r\nlines"\r\n,\r\nR-2,x\r\n';
    const read = await rows(body, { format: 'csv', family: 'referral', firstRow: 2 });
    expect(read.map((r) => [r.row, r.input])).toEqual([
      [2, { type: 'referral', eventId: 'R-1', reason: 'two\r\nlines' }],
      [4, { type: 'referral', eventId: 'R-2', reason: 'x' }],
    ]);
    expect(read[1].bytes).toBe(Buffer.byteLength(body));
  });

  it('reads a GBK CSV, declared or told from its Chinese header, with the file’s own byte positions', async () => {
    const text = '事件编号 eventId,转诊原因 reason\r\nR-1,"上转：高血压\r\n控制不佳"\r\nR-2,县医院\r\n';
    const body = gbk(text);
    expect(body.length).toBeLessThan(Buffer.byteLength(text));
    const expected = [
      [2, { type: 'referral', eventId: 'R-1', reason: '上转：高血压\r\n控制不佳' }],
      [3, { type: 'referral', eventId: 'R-2', reason: '县医院' }],
    ];
    const declared = await rows(body, { format: 'csv', family: 'referral', firstRow: 2, charset: csvCharset('GBK') });
    expect(declared.map((r) => [r.row, r.input])).toEqual(expected);
    expect(declared.map((r) => r.bytes)).toEqual([body.indexOf(gbk('R-2')), body.length]);
    const told = await rows(body, { format: 'csv', family: 'referral', firstRow: 2 }, 5);
    expect(told.map((r) => [r.row, r.input, r.bytes])).toEqual(declared.map((r) => [r.row, r.input, r.bytes]));
    // The same file in UTF-8 is told as UTF-8.
    expect((await rows(text, { format: 'csv', family: 'referral', firstRow: 2 })).map((r) => [r.row, r.input])).toEqual(expected);
    expect(csvCharset('utf-8')).toBe('utf-8');
    expect(csvCharset('big5')).toBeUndefined();
  });

  it('refuses a header the template does not know, and stops at broken quoting with the row', async () => {
    await expect(rows('eventId,nonsense\r\n', { format: 'csv', family: 'visit', firstRow: 2 })).rejects.toBeInstanceOf(ImportHeaderError);
    const broken = rows('eventId\r\nA\r\n"B\r\n', { format: 'csv', family: 'visit', firstRow: 2 });
    await expect(broken).rejects.toBeInstanceOf(UnreadableFileError);
    // The parser's error may overtake records it had buffered: the row named is the first one not handed on, so nothing after the last checkpoint is claimed.
    await expect(broken).rejects.toMatchObject({ row: expect.any(Number) });
    await expect(broken).rejects.toHaveProperty('message', expect.stringContaining('cannot be read from row'));
  });
});
