import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatTableHarness } from '@angular/material/table/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aBroker, aClusterOverview } from './cluster.builders';
import { ClusterOverviewPage } from './cluster-overview-page';

describe('ClusterOverviewPage', () => {
  let fixture: ComponentFixture<ClusterOverviewPage>;
  let http: HttpTestingController;
  const url = '/api/clusters/local/overview';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClusterOverviewPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  describe('with a healthy cluster', () => {
    beforeEach(async () => {
      http.expectOne(url).flush(
        aClusterOverview({
          brokers: [aBroker({ id: 1, port: 9092, isController: true }), aBroker({ id: 2, port: 9094, isController: false, rack: 'eu-1a' })],
        }),
      );
      await fixture.whenStable();
    });

    it('lists every broker with its address and rack', async () => {
      const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
      const rows = await table.getCellTextByColumnName();

      expect(rows['address']?.text).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
      expect(rows['rack']?.text).toEqual(['—', 'eu-1a']);
      expect(rows['role']?.text).toEqual(['Active controller', '']);
    });

    it('says the cluster is healthy', () => expect(text()).toContain('Healthy'));
  });

  describe('with offline partitions', () => {
    it('asks for attention', async () => {
      http.expectOne(url).flush(aClusterOverview({ offlinePartitions: 4 }));
      await fixture.whenStable();

      expect(text()).toContain('Needs attention');
    });
  });

  describe('when the cluster is unreachable', () => {
    beforeEach(async () => {
      http.expectOne(url).flush(
        { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local (127.0.0.1:9092) is unreachable' } },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await fixture.whenStable();
    });

    it('shows the server message', () => {
      expect(text()).toContain('Kafka cluster local (127.0.0.1:9092) is unreachable');
    });

    it('asks again on retry', async () => {
      (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('kpc-error-panel button')!.click();
      fixture.detectChanges();

      http.expectOne(url).flush(aClusterOverview());
      await fixture.whenStable();
      expect(text()).not.toContain('unreachable');
    });
  });
});
