import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatTableHarness } from '@angular/material/table/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { AuditPage } from './audit-page';
import { anAuditRecord } from './audit.builders';

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    http.expectOne('/api/audit?cluster=local&limit=200').flush({
      items: [
        anAuditRecord({ id: 'b', action: 'consumer-group.offsets.undo', parameters: { auditId: 'a' } }),
        anAuditRecord({ id: 'a', undoneBy: 'b' }),
        anAuditRecord({ id: 'c', action: 'connector.offsets.alter', subject: { kind: 'connector', name: 'cdc' }, parameters: { connectCluster: 'cdc' }, before: { offset: 1 }, after: null }),
      ],
      unavailableClusters: [],
    });
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  it('says what each record changed, before and after', async () => {
    const rows = await (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['action']?.text).toEqual(['Offset reset undone', 'Offsets resetmode: duration, value: PT2H', 'connector.offsets.alterconnectCluster: cdc']);
    expect(rows['changes']?.text).toEqual([
      'shop.orders.events p0: 8 → 3, p1: — → 0',
      'shop.orders.events p0: 8 → 3, p1: — → 0',
      '{"offset":1} → —',
    ]);
    expect(rows['undo']?.text).toEqual(['', 'Undone', '']);
  });
});
