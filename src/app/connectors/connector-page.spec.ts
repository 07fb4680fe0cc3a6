import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ComponentHarness } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { ConnectorPage } from './connector-page';
import { aConnectorDetail, aTopicCheck, someOffsets } from './connector.builders';
import { requestSoon } from '../shared/spec-waits';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** A host to find the overlay container from; dialogs and snack bars render outside the page. */
@Component({ template: '' })
class Host {}

describe('ConnectorPage', () => {
  const url = '/api/clusters/local/connect/local-connect/connectors/domain-events-source';
  let fixture: ComponentFixture<ConnectorPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConnectorPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('connect', 'local-connect');
    fixture.componentRef.setInput('name', 'domain-events-source');
    fixture.detectChanges();
  });
  afterEach(() => {
    // The config is validated as it stands once typing pauses; these specs are about the actions.
    http.match((request) => request.url.endsWith('/validate'));
    http.verify();
  });

  const page = () => TestbedHarnessEnvironment.loader(fixture);
  const overlay = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  const button = (text: string) => page().getHarness(MatButtonHarness.with({ text: new RegExp(text) }));

  /** Answers the page's first reads with the connector given. */
  async function open(detail = aConnectorDetail()): Promise<void> {
    http.expectOne({ method: 'GET', url }).flush(detail);
    http.expectOne({ method: 'GET', url: `${url}/offsets` }).flush(someOffsets());
    await fixture.whenStable();
  }

  /** Answers the reads a change starts again, once the page has sent them. */
  async function answerReloads(): Promise<void> {
    (await requestSoon(http, url)).flush(aConnectorDetail());
    (await requestSoon(http, `${url}/offsets`)).flush(someOffsets());
  }

  describe('pausing', () => {
    beforeEach(() => open());

    it('asks first, then pauses, says so and reads the connector again', async () => {
      await (await button('Pause')).click();
      const dialog = await overlay().getHarness(MatDialogHarness);

      const confirming = (await dialog.getHarness(MatButtonHarness.with({ text: 'Pause' }))).click();
      const pause = await requestSoon(http, `${url}/pause`);
      expect(pause.request.method).toBe('POST');
      pause.flush(aConnectorDetail({ state: 'PAUSED' }));
      await answerReloads();
      await confirming;

      expect(await (await overlay().getHarness(MatSnackBarHarness)).getMessage()).toBe('Paused');
    });
  });

  describe('when an action fails', () => {
    beforeEach(() => open());

    it('says why, and reads the connector again', async () => {
      const restarting = (await button('Restart task')).click();
      (await requestSoon(http, `${url}/tasks/0/restart`)).flush(
        { error: { code: 'CONNECT_UNREACHABLE', message: 'Kafka Connect cluster local-connect is unreachable' } },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await answerReloads();
      await restarting;

      const panel = await page().getHarness(ErrorPanelHarness.with({ title: 'The action failed' }));
      expect(await panel.getMessage()).toBe('Kafka Connect cluster local-connect is unreachable');
    });
  });

  describe('for a running source whose topic does not exist', () => {
    const warning = 'RUNNING but cannot publish: topic shop.domain-events does not exist';
    const detail = aConnectorDetail({ warning, topicCheck: aTopicCheck({ missing: ['shop.domain-events'] }) });

    beforeEach(() => open(detail));

    it('says so at the top of the page', async () => {
      const alert = await page().getHarness(CannotPublishHarness);

      expect(await alert.getText()).toContain(warning);
    });

    it('asks, then creates the topic by saving the config again with createTopics', async () => {
      await (await button('Create topic')).click();
      const dialog = await overlay().getHarness(MatDialogHarness);
      expect(await dialog.getText()).toContain("shop.domain-events will be created with the broker's default partitions");

      const confirming = (await dialog.getHarness(MatButtonHarness.with({ text: 'Create topic' }))).click();
      const save = await requestSoon(http, `${url}/config`);
      expect(save.request.method).toBe('PUT');
      expect(save.request.body).toEqual({ config: detail.config, createTopics: {} });
      save.flush(aConnectorDetail());
      await answerReloads();
      await confirming;

      expect(await (await overlay().getHarness(MatSnackBarHarness)).getMessage()).toBe('Created shop.domain-events');
    });
  });

  describe('for a connector whose topics exist', () => {
    beforeEach(() => open());

    it('shows no warning', async () => expect(await page().getHarnessOrNull(CannotPublishHarness)).toBeNull());
  });

  describe('for a viewer', () => {
    beforeEach(async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' }));
      await open();
    });

    it('disables every action, naming the role each needs on hover', async () => {
      for (const text of ['Pause', 'Stop', 'Restart all', 'Delete', 'Restart task'])
        expect(await (await button(text)).isDisabled())
          .withContext(text)
          .toBeTrue();
      const operate = await page().getHarness(MatTooltipHarness.with({ selector: '[data-testid="operate"]' }));
      await operate.show();
      expect(await operate.getTooltipText()).toBe(
        'This needs the operator role on connector "domain-events-source" of cluster "local"; you are viewer',
      );
    });
  });

  describe('for an operator', () => {
    beforeEach(async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'operator' }));
      await open();
    });

    it('offers pause, stop and restarts, but not what only an admin may do', async () => {
      for (const text of ['Pause', 'Stop', 'Restart all', 'Restart task'])
        expect(await (await button(text)).isDisabled())
          .withContext(text)
          .toBeFalse();
      expect(await (await button('Delete')).isDisabled()).toBeTrue();
    });
  });
});

/** The banner of a source that runs but cannot publish. */
class CannotPublishHarness extends ComponentHarness {
  static hostSelector = '[aria-label="Cannot publish"]';

  async getText(): Promise<string> {
    return (await this.host()).text();
  }
}
