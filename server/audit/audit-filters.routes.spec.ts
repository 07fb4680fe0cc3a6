import { randomUUID } from 'node:crypto';
import { asActor } from '../shared/actor';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import type { AuditPage, AuditRecord } from './audit.model';
import type { ChangeIntent } from './audit.service';

describe('Audit filters and export', () => {
  const { api } = useTestApi();

  const local = testClusters()[0]!;
  let action: string;
  /** The records made for this spec, oldest first. */
  let made: AuditRecord[];

  const intent = (name: string): ChangeIntent =>
    ({ action, subject: { kind: 'consumer-group', name }, parameters: {}, before: null }) as unknown as ChangeIntent;
  const track = (actor: string, name: string) => asActor(actor, () => api.audit.track(local, intent(name), async () => undefined));
  const names = async (query: string) =>
    (await api.get<AuditPage>(`/api/audit?cluster=local&action=${action}&${query}`)).body.items.map((r) => r.subject.name);

  beforeAll(async () => {
    action = `spec.filters.${randomUUID()}`;
    await track('alice@example.com', 'billing-eu');
    await track('Bob', 'orders');
    await track('alice@example.com', '=HYPERLINK("http://evil.example","x"), "quoted"\nnext');
    made = (await api.get<AuditPage>(`/api/audit?cluster=local&action=${action}`)).body.items.reverse();
  });

  describe('GET /api/audit', () => {
    describe('with actor', () => {
      it('answers the records of actors containing it, in any case', async () => {
        expect(await names('actor=ALICE')).toEqual([made[2]!.subject.name, 'billing-eu']);
      });
    });

    describe('with subject', () => {
      it('answers the records whose subject name contains it, in any case', async () => {
        expect(await names('subject=Bill')).toEqual(['billing-eu']);
      });
    });

    describe('with from and to', () => {
      it('answers the records asked for within the range, ends included', async () => {
        const from = encodeURIComponent(made[1]!.at);
        const to = encodeURIComponent(made[1]!.at);

        expect(await names(`from=${from}&to=${to}`)).toEqual(['orders']);
        expect(await names(`from=${from}`)).toEqual([made[2]!.subject.name, 'orders']);
      });
    });

    describe('with a from that is not an instant', () => {
      it('answers 400 VALIDATION_FAILED naming the field', async () => {
        const res = await api.get('/api/audit?from=yesterday');

        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: jasmine.stringContaining('from') });
      });
    });
  });

  describe('GET /api/audit/export', () => {
    const download = (query: string) => fetch(`${api.url}/api/audit/export?cluster=local&action=${action}&${query}`);

    describe('as JSON', () => {
      it('answers the filtered records as an attachment', async () => {
        const res = await download('format=json&actor=bob');

        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?kpc-audit-[\dT-]+Z\.json"?$/);
        expect(((await res.json()) as AuditRecord[]).map((r) => [r.actor, r.subject.name])).toEqual([['Bob', 'orders']]);
      });
    });

    describe('as CSV', () => {
      it('answers a header and one row per record, quoted, with formulas neutralised', async () => {
        const res = await download('format=csv&actor=alice');

        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/csv');
        expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?kpc-audit-[\dT-]+Z\.csv"?$/);
        const text = await res.text();
        expect(text.startsWith('"id","at","actor","cluster","action","subjectKind","subjectName","outcome"')).toBeTrue();
        expect(text).toContain(
          `"alice@example.com","local","${action}","consumer-group","'=HYPERLINK(""http://evil.example"",""x""), ""quoted""\nnext"`,
        );
        expect(text).toContain('"billing-eu"');
        expect(text).not.toContain('"orders"');
      });
    });

    describe('without a format', () => {
      it('answers 400 VALIDATION_FAILED', async () => {
        const res = await download('');

        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
      });
    });
  });
});
