import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ConnectorCreatePage } from './connector-create-page';
import { ConnectorMissingTopicsHarness } from './connector-missing-topics.harness';
import { aConnectorDetail, aTopicCheck, aValidation } from './connector.builders';
import type { ConfigValidation } from './connector.model';
import { requestSoon } from '../shared/spec-waits';
import { provideSession } from '../access/access.builders';

/** A host to find the overlay container from; dialogs render outside the page. */
@Component({ selector: 'kpc-create-page-spec-host', template: '' })
class Host {}

describe('ConnectorCreatePage', () => {
  const base = '/api/clusters/local/connect/local-connect';
  let fixture: ComponentFixture<ConnectorCreatePage>;
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
    fixture = TestBed.createComponent(ConnectorCreatePage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('connect', 'local-connect');
    fixture.detectChanges();
    http.expectOne(`${base}/plugins`).flush([
      { className: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '4.3.1', allowed: true },
      { className: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '4.3.1', allowed: false },
    ]);
    await fixture.whenStable();
  });
  afterEach(() => {
    http.match((request) => request.url.endsWith('/validate'));
    http.verify();
  });

  const page = () => TestbedHarnessEnvironment.loader(fixture);
  const overlay = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  const button = (text: string) => page().getHarness(MatButtonHarness.with({ text: new RegExp(text) }));

  /** Picks the plugin, names the connector, and answers the worker's validation with `validation`. */
  async function fillIn(validation: ConfigValidation): Promise<void> {
    await (await page().getHarness(MatSelectHarness)).clickOptions({ text: /FileStreamSourceConnector/ });
    await (await page().getHarness(MatInputHarness.with({ selector: '[aria-label="Connector name"]' }))).setValue('orders-source');
    (await requestSoon(http, `${base}/plugins/org.apache.kafka.connect.file.FileStreamSourceConnector/validate`)).flush(validation);
    await fixture.whenStable();
  }

  describe('a plugin the Connect cluster does not allow', () => {
    it('is listed disabled, saying why and how to allow it', async () => {
      const select = await page().getHarness(MatSelectHarness);
      await select.open();
      const [sink] = await select.getOptions({ text: /FileStreamSinkConnector/ });

      expect(await sink!.isDisabled()).toBeTrue();
      expect(await sink!.getText()).toContain('add it to allowedConnectorClasses');
      const [source] = await select.getOptions({ text: /FileStreamSourceConnector/ });
      expect(await source!.isDisabled()).toBeFalse();
    });
  });

  describe('when the connector’s topic does not exist', () => {
    const validation = aValidation({ topicCheck: aTopicCheck({ topics: ['orders'], missing: ['orders'] }) });

    it('warns before anything is created', async () => {
      await fillIn(validation);

      const warning = await page().getHarness(ConnectorMissingTopicsHarness);
      expect(await warning.getMessage()).toContain('Topic orders does not exist on this cluster');
      expect(await warning.canLetConnectCreate()).toBeTrue();
    });

    describe('and the operator chooses to create it first', () => {
      it('creates topic and connector in one call, with the partitions chosen', async () => {
        await fillIn(validation);
        await (await page().getHarness(ConnectorMissingTopicsHarness)).chooseCreating('3');

        const creating = (await button('Create topics and connector')).click();
        const create = await requestSoon(http, `${base}/connectors`);
        expect(create.request.body).toEqual(jasmine.objectContaining({ name: 'orders-source', createTopics: { partitions: 3 } }));
        create.flush(aConnectorDetail({ name: 'orders-source' }));
        await creating;
      });
    });

    describe('and the operator creates the connector as it is', () => {
      it('asks first, then creates no topic', async () => {
        await fillIn(validation);

        await (await button('Create connector')).click();
        const dialog = await overlay().getHarness(MatDialogHarness);
        expect(await dialog.getTitleText()).toBe('Create without its topic?');
        const confirming = (await dialog.getHarness(MatButtonHarness.with({ text: 'Create anyway' }))).click();
        const create = await requestSoon(http, `${base}/connectors`);
        expect(create.request.body.createTopics).toBeUndefined();
        create.flush(aConnectorDetail({ name: 'orders-source' }));
        await confirming;
      });
    });

    describe('and the operator lets Connect create it', () => {
      it('adds topic.creation.default.* to the config, which is validated again', async () => {
        await fillIn(validation);

        await (await page().getHarness(ConnectorMissingTopicsHarness)).letConnectCreate();
        const revalidation = await requestSoon(http, `${base}/plugins/org.apache.kafka.connect.file.FileStreamSourceConnector/validate`);

        expect(revalidation.request.body.config).toEqual(
          jasmine.objectContaining({ 'topic.creation.default.partitions': '-1', 'topic.creation.default.replication.factor': '-1' }),
        );
        revalidation.flush(aValidation({ topicCheck: aTopicCheck({ topics: ['orders'], missing: ['orders'], createdByConnect: true }) }));
        await fixture.whenStable();
        expect(await page().getHarnessOrNull(ConnectorMissingTopicsHarness)).toBeNull();
      });
    });
  });

  describe('when its topics exist', () => {
    it('shows no warning and creates at once', async () => {
      await fillIn(aValidation());

      expect(await page().getHarnessOrNull(ConnectorMissingTopicsHarness)).toBeNull();
      const creating = (await button('Create connector')).click();
      (await requestSoon(http, `${base}/connectors`)).flush(aConnectorDetail({ name: 'orders-source' }));
      await creating;
    });
  });
});
