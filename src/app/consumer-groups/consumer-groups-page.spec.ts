import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { aConsumerGroup } from './consumer-group.builders';
import { ConsumerGroupsPage } from './consumer-groups-page';

describe('ConsumerGroupsPage', () => {
  let fixture: ComponentFixture<ConsumerGroupsPage>;
  let http: HttpTestingController;
  const url = '/api/clusters/local/consumer-groups';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConsumerGroupsPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const cells = async () => (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness)).getCellTextByColumnName();

  describe('with groups', () => {
    beforeEach(async () => {
      http
        .expectOne(url)
        .flush([
          aConsumerGroup({ groupId: 'order-enricher', state: 'Empty', totalLag: 1234 }),
          aConsumerGroup({ groupId: 'payment-auditor', state: 'Stable', memberCount: 2, topics: ['shop.payments.events'], totalLag: 0 }),
          aConsumerGroup({ groupId: 'fresh', totalLag: null }),
        ]);
      await fixture.whenStable();
    });

    it('lists each group with its state, members and lag', async () => {
      const rows = await cells();

      expect(rows['group']?.text).toEqual(['order-enricher', 'payment-auditor', 'fresh']);
      expect(rows['state']?.text).toEqual(['Empty', 'Stable', 'Empty']);
      expect(rows['members']?.text).toEqual(['0', '2', '0']);
      expect(rows['lag']?.text).toEqual(['1,234', '0', '—']);
    });

    it('counts the lagging groups', () => expect(text()).toContain('3 groups, 1 lagging'));

    describe('filtered by a topic', () => {
      it('keeps the groups that read it', async () => {
        const filter = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatInputHarness);
        await filter.setValue('payments');

        expect((await cells())['group']?.text).toEqual(['payment-auditor']);
      });
    });
  });

  describe('when the cluster is unreachable', () => {
    it('shows the server message', async () => {
      http
        .expectOne(url)
        .flush(
          { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
          { status: 503, statusText: 'Service Unavailable' },
        );
      await fixture.whenStable();

      const panel = await TestbedHarnessEnvironment.loader(fixture).getHarness(
        ErrorPanelHarness.with({ title: 'Cannot list the consumer groups' }),
      );
      expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
    });
  });
});
