import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, Subject } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aConnectCluster, aConnectorDetail, aConnectorSummary, aValidation, someOffsets } from './connector.builders';
import type { ConfigValidation } from './connector.model';
import { ConnectorsService, VALIDATION_DEBOUNCE_MS, type ConfigDraft } from './connectors.service';

describe('ConnectorsService', () => {
  let service: ConnectorsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(ConnectorsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const base = '/api/clusters/local/connect/local-connect';

  describe('connectClusters', () => {
    it('reads the Connect clusters of the cluster', async () => {
      const clusters = firstValueFrom(service.connectClusters('local'));

      http.expectOne({ method: 'GET', url: '/api/clusters/local/connect' }).flush([aConnectCluster({ name: 'cdc' })]);
      expect((await clusters).map((c) => c.name)).toEqual(['cdc']);
    });
  });

  describe('connectors', () => {
    it('lists the connectors of one Connect cluster', () => {
      service.connectors('local', 'local-connect').subscribe();

      http.expectOne({ method: 'GET', url: `${base}/connectors` }).flush([aConnectorSummary()]);
    });

    describe('when the worker is down', () => {
      it('fails with the code CONNECT_UNREACHABLE and the server message', async () => {
        const connectors = firstValueFrom(service.connectors('local', 'local-connect'));

        http
          .expectOne(`${base}/connectors`)
          .flush(
            { error: { code: 'CONNECT_UNREACHABLE', message: 'Kafka Connect cluster local-connect is unreachable' } },
            { status: 503, statusText: 'Service Unavailable' },
          );
        await expectAsync(connectors).toBeRejectedWith(
          jasmine.objectContaining({
            status: 503,
            code: 'CONNECT_UNREACHABLE',
            message: 'Kafka Connect cluster local-connect is unreachable',
          }),
        );
      });
    });
  });

  describe('connector', () => {
    it('escapes a connector name that is not URL-safe', () => {
      service.connector('local', 'local-connect', 'a/b c').subscribe();

      http.expectOne(`${base}/connectors/a%2Fb%20c`).flush(aConnectorDetail());
    });
  });

  describe('validate', () => {
    it('puts the config to the plugin validation', () => {
      service.validate('local', 'local-connect', 'FileStreamSource', { topic: 'orders' }).subscribe();

      const request = http.expectOne({ method: 'PUT', url: `${base}/plugins/FileStreamSource/validate` });
      expect(request.request.body).toEqual({ config: { topic: 'orders' } });
      request.flush(aValidation());
    });
  });

  describe('validateAsTyped', () => {
    const url = `${base}/plugins/FileStreamSource/validate`;
    let drafts: Subject<ConfigDraft | undefined>;
    let answers: (ConfigValidation | { code: string } | undefined)[];
    const draft = (config: Record<string, string>): ConfigDraft => ({
      cluster: 'local',
      connect: 'local-connect',
      plugin: 'FileStreamSource',
      config,
    });

    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(2026, 0, 1));
      drafts = new Subject();
      answers = [];
      service.validateAsTyped(drafts).subscribe((answer) => answers.push(answer));
    });
    afterEach(() => jasmine.clock().uninstall());

    describe('while the operator keeps typing', () => {
      it('validates only the last draft, once typing pauses', () => {
        drafts.next(draft({ topic: 'o' }));
        jasmine.clock().tick(VALIDATION_DEBOUNCE_MS / 2);
        drafts.next(draft({ topic: 'orders' }));
        jasmine.clock().tick(VALIDATION_DEBOUNCE_MS);

        const request = http.expectOne(url);
        expect(request.request.body).toEqual({ config: { topic: 'orders' } });
        request.flush(aValidation());
        expect(answers.length).toBe(1);
      });
    });

    describe('when a newer draft arrives before the answer', () => {
      it('drops the stale answer', () => {
        drafts.next(draft({ topic: 'a' }));
        jasmine.clock().tick(VALIDATION_DEBOUNCE_MS);
        const stale = http.expectOne(url);
        drafts.next(draft({ topic: 'b' }));
        jasmine.clock().tick(VALIDATION_DEBOUNCE_MS);

        expect(stale.cancelled).toBeTrue();
        http.expectOne(url).flush(aValidation({ errorCount: 0 }));
        expect(answers).toEqual([aValidation({ errorCount: 0 })]);
      });
    });

    describe('when the validation call fails', () => {
      it('answers the error and keeps validating later drafts', () => {
        drafts.next(draft({}));
        jasmine.clock().tick(VALIDATION_DEBOUNCE_MS);
        http.expectOne(url).flush({ error: { code: 'PLUGIN_NOT_FOUND', message: 'no plugin' } }, { status: 404, statusText: 'Not Found' });
        drafts.next(draft({ topic: 'b' }));
        jasmine.clock().tick(VALIDATION_DEBOUNCE_MS);
        http.expectOne(url).flush(aValidation());

        expect(answers.map((answer) => (answer && 'code' in answer ? answer.code : 'validation'))).toEqual([
          'PLUGIN_NOT_FOUND',
          'validation',
        ]);
      });
    });
  });

  describe('create', () => {
    it('posts the name and config', () => {
      service.create('local', 'local-connect', { name: 'orders-source', config: { topic: 'orders' } }).subscribe();

      const request = http.expectOne({ method: 'POST', url: `${base}/connectors` });
      expect(request.request.body).toEqual({ name: 'orders-source', config: { topic: 'orders' } });
      request.flush(aConnectorDetail());
    });

    describe('with its missing topics to be created first', () => {
      it('sends the partitions and replication factor chosen', () => {
        service
          .create('local', 'local-connect', { name: 'orders-source', config: { topic: 'orders' }, createTopics: { partitions: 3 } })
          .subscribe();

        const request = http.expectOne({ method: 'POST', url: `${base}/connectors` });
        expect(request.request.body.createTopics).toEqual({ partitions: 3 });
        request.flush(aConnectorDetail());
      });
    });

    describe('with an invalid config', () => {
      it('fails with INVALID_CONNECTOR_CONFIG', async () => {
        const created = firstValueFrom(service.create('local', 'local-connect', { name: 'x', config: {} }));

        http
          .expectOne(`${base}/connectors`)
          .flush({ error: { code: 'INVALID_CONNECTOR_CONFIG', message: 'topic: required' } }, { status: 400, statusText: 'Bad Request' });
        await expectAsync(created).toBeRejectedWith(jasmine.objectContaining({ code: 'INVALID_CONNECTOR_CONFIG' }));
      });
    });
  });

  describe('updateConfig', () => {
    it('puts the config, masked secrets included as they are', () => {
      service.updateConfig('local', 'local-connect', 'src', { 'db.password': '********' }).subscribe();

      const request = http.expectOne({ method: 'PUT', url: `${base}/connectors/src/config` });
      expect(request.request.body).toEqual({ config: { 'db.password': '********' } });
      request.flush(aConnectorDetail());
    });

    describe('with its missing topics to be created first', () => {
      it('sends createTopics beside the config, empty for the broker defaults', () => {
        service.updateConfig('local', 'local-connect', 'src', { topic: 'orders' }, {}).subscribe();

        const request = http.expectOne({ method: 'PUT', url: `${base}/connectors/src/config` });
        expect(request.request.body).toEqual({ config: { topic: 'orders' }, createTopics: {} });
        request.flush(aConnectorDetail());
      });
    });
  });

  describe('delete', () => {
    it('sends the typed name as confirmation', () => {
      service.delete('local', 'local-connect', 'src').subscribe();

      http.expectOne({ method: 'DELETE', url: `${base}/connectors/src?confirm=src` }).flush(null);
    });
  });

  describe('changeState', () => {
    for (const to of ['pause', 'resume', 'stop'] as const) {
      it(`posts to ${to}`, () => {
        service.changeState('local', 'local-connect', 'src', to).subscribe();

        http.expectOne({ method: 'POST', url: `${base}/connectors/src/${to}` }).flush(aConnectorDetail());
      });
    }
  });

  describe('restart', () => {
    it('sends which tasks to restart', () => {
      service.restart('local', 'local-connect', 'src', { includeTasks: true, onlyFailed: true }).subscribe();

      const request = http.expectOne({ method: 'POST', url: `${base}/connectors/src/restart` });
      expect(request.request.body).toEqual({ includeTasks: true, onlyFailed: true });
      request.flush(aConnectorDetail());
    });
  });

  describe('restartTask', () => {
    it('posts to the task', () => {
      service.restartTask('local', 'local-connect', 'src', 2).subscribe();

      http.expectOne({ method: 'POST', url: `${base}/connectors/src/tasks/2/restart` }).flush(aConnectorDetail());
    });
  });

  describe('offsets', () => {
    it('reads the offsets', () => {
      service.offsets('local', 'local-connect', 'src').subscribe();

      http.expectOne({ method: 'GET', url: `${base}/connectors/src/offsets` }).flush(someOffsets());
    });
  });

  describe('rewind', () => {
    describe('without offsets', () => {
      it('asks for a reset, confirmed', () => {
        service.rewind('local', 'local-connect', 'src', { resume: true, confirm: true }).subscribe();

        const request = http.expectOne({ method: 'POST', url: `${base}/connectors/src/offsets/rewind` });
        expect(request.request.body).toEqual({ resume: true, confirm: true });
        request.flush({});
      });
    });
  });
});
