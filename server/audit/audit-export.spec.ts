import { auditCsv, exportFileName } from './audit-export';
import type { AuditRecord } from './audit.model';

describe('auditCsv', () => {
  const record = (subject: string, actor = 'alice'): AuditRecord =>
    ({
      id: '1',
      at: '2026-11-27T15:00:00.000Z',
      actor,
      cluster: 'local',
      action: 'topic.delete',
      subject: { kind: 'topic', name: subject },
      outcome: 'applied',
      integrity: 'verified',
      parameters: { a: 1 },
      before: null,
      after: null,
    }) as unknown as AuditRecord;
  const row = (csv: string) => csv.split('\r\n')[1];

  it('quotes every cell and doubles quotes, keeping commas and newlines inside the cell', () => {
    expect(row(auditCsv([record('a,"b"\nc')]))).toContain('"topic","a,""b""\nc","applied"');
  });

  it('neutralises cells a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t']) {
      expect(row(auditCsv([record(`${start}SUM(A1)`)]))).toContain(`"'${start}SUM(A1)"`);
    }
  });

  it('writes objects as JSON and absent values as empty cells', () => {
    expect(row(auditCsv([record('t')]))).toContain('"verified","","{""a"":1}","",""');
  });

  it('ends with a header for an empty log', () => {
    expect(auditCsv([])).toMatch(/^"id","at",.*"after"\r\n$/);
  });
});

describe('exportFileName', () => {
  it('names the instant without characters file systems refuse', () => {
    expect(exportFileName('csv', new Date('2026-11-27T15:20:00.123Z'))).toBe('kpc-audit-2026-11-27T15-20-00Z.csv');
  });
});
