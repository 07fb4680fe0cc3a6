import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { AuditPage } from './audit-page';
import { aConnectorOffsetsRecord, anAuditRecord } from './audit.builders';
import type { AuditRecord } from './audit.model';

/** Resolves once the condition holds; polled, since a dialog answers after its closing animation. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
    TestBed.tick();
  }
  throw new Error('never happened');
}

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const listUrl = '/api/audit?cluster=local&limit=200';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const listingWithWarnings = async (integrityWarnings: string[], ...items: AuditRecord[]) => {
    http.expectOne(listUrl).flush({ items, unavailableClusters: [], integrityWarnings });
    await fixture.whenStable();
  };
  const listing = (...items: AuditRecord[]) => listingWithWarnings([], ...items);

  describe('with records of each kind', () => {
    beforeEach(() =>
      listing(
        anAuditRecord({ id: 'b', action: 'consumer-group.offsets.undo', parameters: { auditId: 'a' } }),
        anAuditRecord({ id: 'a', undoneBy: 'b' }),
        aConnectorOffsetsRecord({
          id: 'c',
          subject: { kind: 'connector', name: 'cdc' },
          parameters: { connectCluster: 'cdc' },
          before: [{ partition: { file: 'a' }, offset: { offset: 1 } }],
          after: [],
        }),
      ),
    );

    it('says what each record changed, before and after', async () => {
      const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();

      expect(rows['action']?.text).toEqual([
        'Offset reset undone',
        'Offsets resetmode: duration, value: PT2H',
        'Connector offsets changedconnectCluster: cdc',
      ]);
      expect(rows['changes']?.text).toEqual([
        'shop.orders.events p0: 8 → 3, p1: — → 0',
        'shop.orders.events p0: 8 → 3, p1: — → 0',
        '[{"partition":{"file":"a"},"offset":{"offset":1}}] → []',
      ]);
      expect(rows['undo']?.text).toEqual(['', 'Undone', '']);
    });
  });

  describe('with a change whose outcome is unknown', () => {
    it('says so, with what happened', async () => {
      await listing(
        anAuditRecord({ outcome: 'unknown', error: { code: 'OUTCOME_UNKNOWN', message: 'no answer after the change was sent' } }),
      );

      const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(rows['outcome']?.text).toEqual(['Outcome unknownno answer after the change was sent']);
      expect(rows['undo']?.text).toEqual(['']);
    });
  });

  describe('when another Kafka client tampered with the log', () => {
    it('flags the record and says what was found', async () => {
      await listingWithWarnings(
        ['Audit entry x was erased from _kpc-audit of local by another Kafka client (a tombstone)'],
        anAuditRecord({ integrity: 'altered' }),
      );

      const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
      expect(rows['outcome']?.text[0]).toContain('Altered');
      const flag = (fixture.nativeElement as HTMLElement).querySelector('[role="note"]');
      expect(flag?.getAttribute('aria-label')).toContain('no longer matches its hash');
      expect(fixture.nativeElement.textContent).toContain('Another Kafka client changed this audit log');
      expect(fixture.nativeElement.textContent).toContain('Audit entry x was erased');
    });
  });

  describe('undoing a reset', () => {
    let undos: TestRequest[];

    beforeEach(async () => {
      await listing(anAuditRecord({ id: 'a' }));
      await (await loader.getHarness(MatButtonHarness.with({ text: /Undo/ }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Undo reset' }))).click();
      await waitFor(
        () => (undos = http.match((request) => request.url.endsWith('/consumer-groups/order-enricher/offsets/undo'))).length > 0,
      );
    });

    it('names the reset, then reads the log again', async () => {
      expect(undos[0]!.request.body).toEqual({ auditId: 'a' });
      undos[0]!.flush({});

      await waitFor(() => http.match(listUrl).length > 0);
    });

    describe('while the group has members', () => {
      it('says why nothing was undone', async () => {
        undos[0]!.flush(
          { error: { code: 'GROUP_ACTIVE', message: 'order-enricher has 2 members' } },
          { status: 409, statusText: 'Conflict' },
        );
        await fixture.whenStable();

        const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Nothing was undone' }));
        expect(await panel.getMessage()).toBe('order-enricher has 2 members');
      });
    });
  });
});
