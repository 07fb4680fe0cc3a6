import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { AuditPage } from './audit-page';
import { aConnectorOffsetsRecord, anAuditRecord } from './audit.builders';
import type { AuditRecord } from './audit.model';
import { waitFor } from '../shared/spec-waits';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** Resolves once the condition holds; polled, since a dialog answers after its closing animation. */

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const listUrl = '/api/audit?cluster=local&limit=200';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting(), provideSession()],
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

  describe('filtering', () => {
    beforeEach(() => listing(anAuditRecord({ id: 'a' })));

    // Natively, not through harnesses: these wait for the page to be stable, which it is not
    // while the reload they cause is pending.
    /** Types into a filter field and leaves it, as the browser's change event says. */
    const enter = async (name: string, value: string) => {
      const field = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      field.value = value;
      field.dispatchEvent(new Event('change'));
      fixture.detectChanges();
    };

    it('reads the log again with the user, action and subject asked for', async () => {
      await enter('actor', 'alice');
      http.expectOne('/api/audit?cluster=local&limit=200&actor=alice').flush({ items: [], unavailableClusters: [], integrityWarnings: [] });

      await (await loader.getHarness(MatSelectHarness)).open();
      const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
        (o) => o.textContent?.trim() === 'Any connector change',
      );
      option!.click();
      fixture.detectChanges();
      http
        .expectOne('/api/audit?cluster=local&limit=200&action=connector&actor=alice')
        .flush({ items: [], unavailableClusters: [], integrityWarnings: [] });

      await enter('subject', 'orders');
      http
        .expectOne('/api/audit?cluster=local&limit=200&action=connector&actor=alice&subject=orders')
        .flush({ items: [], unavailableClusters: [], integrityWarnings: [] });
    });

    it('sends the time range as ISO instants', async () => {
      await enter('from', '2026-11-27T10:00');

      const request = http.expectOne((req) => req.url === '/api/audit' && req.params.has('from'));
      expect(request.request.params.get('from')).toBe(new Date('2026-11-27T10:00').toISOString());
      request.flush({ items: [], unavailableClusters: [], integrityWarnings: [] });
    });

    it('offers the filtered records as CSV and JSON downloads', async () => {
      await enter('actor', 'bob');
      http.expectOne('/api/audit?cluster=local&limit=200&actor=bob').flush({ items: [], unavailableClusters: [], integrityWarnings: [] });
      await fixture.whenStable();

      const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('a[download]')].map((a) => a.getAttribute('href'));
      expect(links).toEqual([
        '/api/audit/export?cluster=local&format=csv&actor=bob',
        '/api/audit/export?cluster=local&format=json&actor=bob',
      ]);
    });
  });

  describe('for a viewer', () => {
    it('disables Undo and names the role it needs on hover', async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' }));
      await listing(anAuditRecord({ id: 'a' }));

      expect(await (await loader.getHarness(MatButtonHarness.with({ text: /Undo/ }))).isDisabled()).toBeTrue();
      const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: 'td span' }));
      await tooltip.show();
      expect(await tooltip.getTooltipText()).toBe(
        'This needs the operator role on consumer group "order-enricher" of cluster "local"; you are viewer',
      );
    });
  });
});
