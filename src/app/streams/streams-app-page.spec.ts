import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { provideRouter } from '@angular/router';
import { provideSession } from '../access/access.builders';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { requestSoon, waitFor } from '../shared/spec-waits';
import {
  aDownstreamSubtopology,
  aStore,
  aStreamsAppDetail,
  aStreamsMember,
  aSubtopology,
  aTask,
  aTopicUse,
  REPARTITION,
} from './streams.builders';
import { StreamsAppPage } from './streams-app-page';

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

describe('StreamsAppPage', () => {
  let fixture: ComponentFixture<StreamsAppPage>;
  let http: HttpTestingController;
  let visibility: FakePageVisibility;
  let livePeriod = AN_HOUR;
  const url = '/api/clusters/local/streams-apps/order-enricher';

  beforeEach(() => {
    visibility = new FakePageVisibility();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(),
        provideRouter([]),
        { provide: PageVisibility, useValue: visibility },
        { provide: LIVE_PERIOD, useFactory: () => livePeriod },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StreamsAppPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('applicationId', 'order-enricher');
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const element = () => fixture.nativeElement as HTMLElement;
  const text = () => element().textContent ?? '';
  const table = (label: string) => loader().getHarness(MatTableHarness.with({ selector: `[aria-label="${label}"]` }));
  const tooltip = async (selector: string) => {
    const harness = await loader().getHarness(MatTooltipHarness.with({ selector }));
    await harness.show();
    return harness.getTooltipText();
  };
  const open = async (detail = aStreamsAppDetail()) => {
    http.expectOne(url).flush(detail);
    await fixture.whenStable();
  };

  describe('header', () => {
    beforeEach(() => open(aStreamsAppDetail({ state: 'Stable', memberCount: 2, asOf: '2026-11-27T12:03:05.000Z' })));

    it('names the app with its state, members and protocol', () => {
      expect(element().querySelector('h1')?.textContent).toBe('order-enricher');
      expect(element().querySelector('.facts')?.textContent).toContain('Stable');
      expect(text()).toContain('2 members');
      expect(text()).toContain('streams group');
    });

    it('says when the server read the app', () =>
      expect(element().querySelector('kpc-data-age time')?.getAttribute('datetime')).toBe('2026-11-27T12:03:05.000Z'));

    it('explains the protocol on hover', async () => expect(await tooltip('[data-testid="protocol"]')).toContain('KIP-1071'));
  });

  describe('the topology', () => {
    beforeEach(() =>
      open(
        aStreamsAppDetail({
          subtopologies: [aSubtopology({ inputs: [aTopicUse({ rate: 12.5, lag: 30 })], lag: 30 }), aDownstreamSubtopology({ lag: 0 })],
        }),
      ),
    );
    const graphs = () => [...element().querySelectorAll('kpc-topology-graph')];

    it('draws a graph per sub-topology', () => {
      expect(graphs().length).toBe(2);
      expect([...element().querySelectorAll('.subtopology h3')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
        'Sub-topology 0 lag 30',
        'Sub-topology 1 lag 0',
      ]);
    });

    it('shows the live rate and lag on each input edge', () =>
      expect(graphs()[0]!.querySelector('.edge-label')?.textContent?.trim()).toBe('12.5/s · lag 30'));

    it('links the repartition topic between the two graphs', () => {
      const linked = element().querySelectorAll(`g.node.linked[data-topic="${REPARTITION}"]`);

      expect([...linked].map((node) => node.getAttribute('data-side'))).toEqual(['output', 'input']);
    });

    it('scrolls to the other sub-topology when a link is followed', () => {
      const target = element().querySelector('#subtopology-1')!;
      const scroll = spyOn(target, 'scrollIntoView');

      graphs()[0]!
        .querySelector<SVGAElement>('a.link')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));

      expect(scroll).toHaveBeenCalled();
    });
  });

  describe('lag per task', () => {
    it('lists each task with where it is active, its standbys and its lag', async () => {
      await open(
        aStreamsAppDetail({
          subtopologies: [
            aSubtopology({
              tasks: [
                aTask({ taskId: '0_0', activeOn: 'enricher-1', standbyOn: ['enricher-2'], lag: 1_200 }),
                aTask({ taskId: '0_1', partition: 1, activeOn: null, lag: null }),
              ],
            }),
          ],
        }),
      );

      expect(await (await table('Tasks of sub-topology 0')).getCellTextByIndex()).toEqual([
        ['0_0', 'enricher-1', 'enricher-2', '1,200'],
        ['0_1', 'unassigned', '—', '—'],
      ]);
    });
  });

  describe('members', () => {
    it('lists each member with its active, standby and warm-up tasks', async () => {
      await open(
        aStreamsAppDetail({
          members: [
            aStreamsMember({
              clientId: 'enricher-1',
              host: '10.0.0.7',
              processId: 'p-1',
              activeTasks: ['0_0', '1_0'],
              standbyTasks: ['0_1'],
              warmupTasks: [],
            }),
          ],
        }),
      );

      expect(await (await table('Members')).getCellTextByIndex()).toEqual([['enricher-1', '10.0.0.7', 'p-1', '0_0, 1_0', '0_1', '—']]);
    });

    describe('when none runs the app', () => {
      it('says so', async () => {
        await open(aStreamsAppDetail({ state: 'Empty', memberCount: 0, members: [] }));

        expect(text()).toContain('No member runs this app now.');
      });
    });
  });

  describe('state stores', () => {
    beforeEach(() =>
      open(aStreamsAppDetail({ stores: [aStore({ name: 'totals', windowed: true, cleanupPolicy: 'compact,delete', retentionMs: null })] })),
    );

    it('lists each store with its changelog, linked to its topic page', async () => {
      const rows = await (await table('State stores')).getCellTextByColumnName();

      expect(rows['name']?.text).toEqual(['totals']);
      expect(element().querySelector('kpc-state-store-table a')?.getAttribute('href')).toBe(
        '/clusters/local/topics/order-enricher-totals-changelog',
      );
    });

    it('flags a changelog kept forever', () => expect(element().querySelector('[data-flag]')?.getAttribute('data-flag')).toBe('infinite'));
  });

  describe('internal topics', () => {
    beforeEach(() => open());

    it('names the repartition and changelog topics the app made, which the reset tool deletes', () => {
      const listed = [...element().querySelectorAll('.internal-topics a')].map((link) => link.textContent?.trim());

      expect(listed).toEqual([REPARTITION, 'order-enricher-totals-changelog'].sort());
      expect(element().querySelector('[data-testid="internal-topics"]')?.textContent).toContain('kafka-streams-application-reset');
    });
  });

  describe('for a classic app', () => {
    beforeEach(() => open(aStreamsAppDetail({ protocol: 'classic', subtopologyCount: null, subtopologies: [], groupEpoch: null })));

    it('says the broker does not know its topology', () => expect(text()).toContain('The broker does not know the topology'));

    it('explains how it was recognised on hover', async () =>
      expect(await tooltip('[data-testid="protocol"]')).toContain('recognised as a Streams app by its internal topic names'));
  });

  describe('kept up to date', () => {
    describe('by the Refresh button', () => {
      it('reads fresh from Kafka', async () => {
        await open();

        // The harness waits for the page to be stable, which a pending request keeps it from.
        const clicking = (await loader().getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
        (await requestSoon(http, `${url}?fresh=true`)).flush(aStreamsAppDetail());
        await clicking;
      });
    });

    describe('while the page is in sight', () => {
      // Harnesses wait for stability, which a background read on its way keeps the page from.
      beforeAll(() => (livePeriod = 300));
      afterAll(() => (livePeriod = AN_HOUR));
      afterEach(() => {
        visibility.hide();
        http.match(url);
      });

      it('reads the app again from the live model and moves the rate on the graph', async () => {
        await open(aStreamsAppDetail({ subtopologies: [aSubtopology({ inputs: [aTopicUse({ rate: 1, lag: 5 })] })] }));

        const read = await requestSoon(http, url);
        expect(element().querySelector('mat-progress-bar')).toBeNull();
        read.flush(aStreamsAppDetail({ subtopologies: [aSubtopology({ inputs: [aTopicUse({ rate: 42, lag: 4_000 })] })] }));

        await waitFor(() => element().querySelector('.edge-label')?.textContent?.trim() === '42/s · lag 4,000');
      });
    });
  });

  describe('for an app that does not exist', () => {
    it('shows the server message', async () => {
      http
        .expectOne(url)
        .flush(
          { error: { code: 'STREAMS_APP_NOT_FOUND', message: 'There is no Streams app order-enricher on local' } },
          { status: 404, statusText: 'Not Found' },
        );
      await fixture.whenStable();

      const panel = await loader().getHarness(ErrorPanelHarness.with({ title: 'Cannot read this Streams app' }));
      expect(await panel.getMessage()).toBe('There is no Streams app order-enricher on local');
    });
  });
});
