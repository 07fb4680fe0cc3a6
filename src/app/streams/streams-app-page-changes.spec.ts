import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { aConsumerGroupDetail, aPartitionLag } from '../consumer-groups/consumer-group.builders';
import { provideRouter } from '@angular/router';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { requestSoon, waitFor } from '../shared/spec-waits';
import {
  aDownstreamSubtopology,
  aStreamsAppDetail,
  aSubtopology,
  aTopicUse,
  aTopologyDescription,
  DESCRIBED_TOPOLOGY,
} from './streams.builders';
import { REPLAY_EXPLAINED, STOP_INSTANCES_FIRST, StreamsAppPage } from './streams-app-page';
import { TopologyDescriptionDialogHarness, TopologyDescriptionSectionHarness } from './topology-description.harness';

/** No background read happens within a spec. */
const AN_HOUR = 3_600_000;

describe('StreamsAppPage changes: topology description and replay', () => {
  let fixture: ComponentFixture<StreamsAppPage>;
  let http: HttpTestingController;
  let overlay: HarnessLoader;
  const url = '/api/clusters/local/streams-apps/order-enricher';
  const descriptionUrl = `${url}/topology-description`;
  const described = aStreamsAppDetail({ topologyDescription: aTopologyDescription() });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(),
        provideRouter([]),
        { provide: PageVisibility, useValue: new FakePageVisibility() },
        { provide: LIVE_PERIOD, useValue: AN_HOUR },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StreamsAppPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('applicationId', 'order-enricher');
    fixture.detectChanges();
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });
  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const section = () => TestbedHarnessEnvironment.loader(fixture).getHarness(TopologyDescriptionSectionHarness);
  const open = async (detail = aStreamsAppDetail()) => {
    http.expectOne(url).flush(detail);
    await fixture.whenStable();
  };
  const signIn = (role: 'operator' | 'viewer') => TestBed.inject(AccessService).remember(aSignedInSession({ role }));
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const tooltip = async (selector: string) => {
    const harness = await loader().getHarness(MatTooltipHarness.with({ selector }));
    await harness.show();
    return harness.getTooltipText();
  };

  describe('for an operator', () => {
    beforeEach(() => signIn('operator'));

    describe('adding one', () => {
      beforeEach(() => open());

      it('puts the pasted text and reads the app again', async () => {
        await (await section()).press("Add the app's description");
        const dialog = await overlay.getHarness(TopologyDescriptionDialogHarness);
        await dialog.setText(DESCRIBED_TOPOLOGY);

        const saving = dialog.save();
        const put = await requestSoon(http, descriptionUrl);
        expect(put.request.method).toBe('PUT');
        expect(put.request.body).toEqual({ text: DESCRIBED_TOPOLOGY });
        put.flush(described);
        (await requestSoon(http, url)).flush(described);
        await saving;

        expect(await (await section()).isMatching()).toBeTrue();
        expect(await overlay.getAllHarnesses(TopologyDescriptionDialogHarness)).toEqual([]);
      });
    });

    describe('with one given', () => {
      beforeEach(() => open(described));

      it('replaces it, starting from the text given', async () => {
        await (await section()).press('Replace');

        const dialog = await overlay.getHarness(TopologyDescriptionDialogHarness);
        expect(await dialog.getText()).toBe(DESCRIBED_TOPOLOGY);
        await (await overlay.getHarness(MatDialogHarness)).close();
      });

      describe('removing it', () => {
        const confirmButton = async (label: string) =>
          (await overlay.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: label }));

        it('asks first, then forgets it and reads the app again', async () => {
          await (await section()).press('Remove');

          const confirming = (await confirmButton('Remove')).click();
          const removing = await requestSoon(http, descriptionUrl);
          expect(removing.request.method).toBe('DELETE');
          removing.flush(null, { status: 204, statusText: 'No Content' });
          (await requestSoon(http, url)).flush(aStreamsAppDetail());
          await confirming;

          await waitFor(() => element().querySelector('kpc-topology-description-section .explanation') !== null);
        });

        it('forgets nothing when cancelled', async () => {
          await (await section()).press('Remove');

          await (await confirmButton('Cancel')).click();

          http.expectNone(descriptionUrl);
          expect(await (await section()).getGivenAt()).not.toBeNull();
        });

        describe('when the server refuses', () => {
          it('says why on the page', async () => {
            await (await section()).press('Remove');

            const confirming = (await confirmButton('Remove')).click();
            (await requestSoon(http, descriptionUrl)).flush(
              { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
              { status: 503, statusText: 'Service Unavailable' },
            );
            await confirming;

            const panel = await TestbedHarnessEnvironment.loader(fixture).getHarness(
              ErrorPanelHarness.with({ title: 'The description was not removed' }),
            );
            expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
          });
        });
      });
    });
  });

  describe('for a viewer', () => {
    beforeEach(() => signIn('viewer'));

    it('disables adding one, saying it needs the operator role on the app’s group', async () => {
      await open();
      const shown = await section();

      expect(await shown.isEnabled("Add the app's description")).toBeFalse();
      expect(await shown.getReason()).toContain('operator');
    });

    it('disables replacing and removing one', async () => {
      await open(described);
      const shown = await section();

      expect(await shown.isEnabled('Replace')).toBeFalse();
      expect(await shown.isEnabled('Remove')).toBeFalse();
    });
  });

  describe('with the sinks the description names', () => {
    it('draws them on the right of their sub-topology, apart from the repartition outputs', async () => {
      await open(
        aStreamsAppDetail({
          topologyDescription: aTopologyDescription(),
          subtopologies: [
            aSubtopology(),
            aDownstreamSubtopology({ outputs: [aTopicUse({ topic: 'shop.orders.enriched', role: 'sink', lag: null })] }),
          ],
        }),
      );

      const sink = element().querySelector('#subtopology-1 g.node[data-topic="shop.orders.enriched"]');
      expect(sink?.getAttribute('data-side')).toBe('output');
      expect(sink?.classList).toContain('sink');
    });
  });

  describe('Replay', () => {
    describe('for an operator', () => {
      beforeEach(() => TestBed.inject(AccessService).remember(aSignedInSession({ role: 'operator' })));

      describe('while the app runs', () => {
        beforeEach(() => open(aStreamsAppDetail({ memberCount: 1 })));

        it('is disabled, saying to stop the instances first', async () => {
          expect(await (await loader().getHarness(MatButtonHarness.with({ text: /Replay/ }))).isDisabled()).toBeTrue();
          expect(await tooltip('[data-testid="replay"]')).toBe(STOP_INSTANCES_FIRST);
        });
      });

      describe('once no instance runs', () => {
        beforeEach(() =>
          open(
            aStreamsAppDetail({
              memberCount: 0,
              members: [],
              subtopologies: [aSubtopology({ inputs: [aTopicUse({ topic: 'shop.orders.events', role: 'source' })] })],
            }),
          ),
        );

        it('says what it does on hover', async () => expect(await tooltip('[data-testid="replay"]')).toBe(REPLAY_EXPLAINED));

        it("opens the groups' replay steps on the app's input topics only", async () => {
          await (await loader().getHarness(MatButtonHarness.with({ text: /Replay/ }))).click();
          http
            .expectOne((request) => request.url === '/api/clusters/local/consumer-groups/order-enricher')
            .flush(
              aConsumerGroupDetail({
                groupId: 'order-enricher',
                partitions: [
                  aPartitionLag({ topic: 'shop.orders.events', partition: 0 }),
                  aPartitionLag({ topic: 'order-enricher-KSTREAM-REPARTITION-0000000002-repartition', partition: 0 }),
                ],
              }),
            );
          const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
          const shown = (await dialog.getText()) ?? '';
          expect(shown).toContain('shop.orders.events');
          expect(shown).not.toContain('-repartition');
          await dialog.close();
          http.match(url).forEach((request) => request.flush(aStreamsAppDetail()));
        });
      });
    });

    describe('for a viewer', () => {
      beforeEach(async () => {
        TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' }));
        await open();
      });

      it('is not offered at all', async () =>
        expect(await loader().getAllHarnesses(MatButtonHarness.with({ text: /Replay/ }))).toEqual([]));
    });
  });
});
