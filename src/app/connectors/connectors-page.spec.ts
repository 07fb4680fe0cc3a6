import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatChipListboxHarness } from '@angular/material/chips/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { aConnectCluster, aConnectorSummary } from './connector.builders';
import { ConnectorsPage } from './connectors-page';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

describe('ConnectorsPage', () => {
  let fixture: ComponentFixture<ConnectorsPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConnectorsPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const connectorNames = async () => (await (await loader().getHarness(MatTableHarness)).getCellTextByColumnName())['name']?.text;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  async function answer(connectClusters: object[], connectors?: object[], connect = 'local-connect'): Promise<void> {
    http.expectOne('/api/clusters/local/connect').flush(connectClusters);
    // Not whenStable(): it would wait for the connectors request this very answer starts.
    await settle();
    if (!connectors) return;
    http.expectOne(`/api/clusters/local/connect/${connect}/connectors`).flush(connectors);
    await fixture.whenStable();
  }

  describe('with a failed and a running connector', () => {
    beforeEach(() =>
      answer(
        [aConnectCluster()],
        [aConnectorSummary({ name: 'orders-source' }), aConnectorSummary({ name: 'payments-sink', type: 'sink', failedTaskCount: 1 })],
      ),
    );

    it('lists both with their failed task counts', async () => {
      const table = await loader().getHarness(MatTableHarness);
      const cells = await table.getCellTextByColumnName();

      expect(cells['name']?.text).toEqual(['orders-source', 'payments-sink']);
      expect(cells['failed']?.text).toEqual(['0', '1']);
    });

    describe('filtered by Failed', () => {
      it('shows only the connector with a failed task', async () => {
        const filters = await loader().getHarness(MatChipListboxHarness.with({ selector: '[aria-label="Filter by state"]' }));
        await filters.selectChips({ text: /Failed/ });

        expect(await connectorNames()).toEqual(['payments-sink']);
      });
    });
  });

  describe('with several Connect clusters', () => {
    const cdcDown = aConnectCluster({ name: 'cdc', reachable: false, version: null });

    it('shows the first reachable one', async () => {
      await answer([cdcDown, aConnectCluster({ name: 'sinks' })], [aConnectorSummary({ name: 'archive' })], 'sinks');

      expect(await (await loader().getHarness(MatButtonToggleHarness.with({ text: /sinks/ }))).isChecked()).toBeTrue();
      expect(await connectorNames()).toEqual(['archive']);
    });

    describe('when the one asked for is down', () => {
      it('says so in the words of the server', async () => {
        fixture.componentRef.setInput('connect', 'cdc');
        await answer([cdcDown, aConnectCluster({ name: 'sinks' })]);

        http
          .expectOne('/api/clusters/local/connect/cdc/connectors')
          .flush(
            { error: { code: 'CONNECT_UNREACHABLE', message: 'Kafka Connect cluster cdc is unreachable' } },
            { status: 503, statusText: 'Service Unavailable' },
          );
        await fixture.whenStable();

        const panel = await loader().getHarness(ErrorPanelHarness.with({ title: 'Cannot read Kafka Connect cdc' }));
        expect(await panel.getMessage()).toBe('Kafka Connect cluster cdc is unreachable');
      });
    });
  });

  describe('without a Connect cluster', () => {
    it('says how to configure one', async () => {
      await answer([]);
      await fixture.whenStable();

      expect(text()).toContain('no Kafka Connect cluster configured');
    });
  });

  describe('for a viewer', () => {
    it('disables New connector and names the role it needs on hover', async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' }));
      await answer([aConnectCluster()], [aConnectorSummary()]);

      expect(await (await loader().getHarness(MatButtonHarness.with({ text: /New connector/ }))).isDisabled()).toBeTrue();
      const tooltip = await loader().getHarness(MatTooltipHarness.with({ selector: '[data-testid="new-connector"]' }));
      await tooltip.show();
      expect(await tooltip.getTooltipText()).toBe('This needs the admin role on connectors of cluster "local"; you are viewer');
    });
  });
});
