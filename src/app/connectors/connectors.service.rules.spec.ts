import { TestBed } from '@angular/core/testing';
import { aConnectorSummary, aDefinition, aField, aValidation } from './connector.builders';
import { ConnectorsService, parseConfigJson } from './connectors.service';

/** The pure rules of {@link ConnectorsService}: no HTTP involved. */
describe('ConnectorsService rules', () => {
  let service: ConnectorsService;

  beforeEach(() => {
    service = TestBed.inject(ConnectorsService);
  });

  describe('stateTone', () => {
    it('reads RUNNING as ok', () => expect(service.stateTone('RUNNING')).toBe('ok'));
    it('reads FAILED as an error', () => expect(service.stateTone('FAILED')).toBe('error'));
    it('reads PAUSED as a warning', () => expect(service.stateTone('PAUSED')).toBe('warn'));
    it('reads UNASSIGNED as neutral', () => expect(service.stateTone('UNASSIGNED')).toBe('neutral'));
  });

  describe('matchesFilter', () => {
    describe('failed', () => {
      it('takes a running connector with a failed task', () =>
        expect(service.matchesFilter(aConnectorSummary({ failedTaskCount: 1 }), 'failed')).toBeTrue());

      it('leaves out a healthy one', () => expect(service.matchesFilter(aConnectorSummary(), 'failed')).toBeFalse());
    });

    describe('running', () => {
      it('leaves out a running connector with a failed task', () =>
        expect(service.matchesFilter(aConnectorSummary({ failedTaskCount: 1 }), 'running')).toBeFalse());
    });

    describe('stopped', () => {
      it('takes a stopped connector', () =>
        expect(service.matchesFilter(aConnectorSummary({ state: 'STOPPED', tasks: [] }), 'stopped')).toBeTrue());
    });
  });

  describe('actions', () => {
    describe('for a running connector', () => {
      it('offers pause and stop, not resume', () =>
        expect(service.actions(aConnectorSummary())).toEqual({ canPause: true, canResume: false, canStop: true, canRestartFailed: false }));
    });

    describe('for a stopped connector', () => {
      it('offers resume only', () =>
        expect(service.actions(aConnectorSummary({ state: 'STOPPED' }))).toEqual({ canPause: false, canResume: true, canStop: false, canRestartFailed: false }));
    });

    describe('with a failed task', () => {
      it('offers to restart what failed', () =>
        expect(service.actions(aConnectorSummary({ failedTaskCount: 1 })).canRestartFailed).toBeTrue());
    });
  });

  describe('fieldGroups', () => {
    it('puts the plugin fields first, then the groups in the worker order', () => {
      const validation = aValidation({
        groups: ['Common', 'Transforms'],
        fields: [
          aField({ definition: aDefinition({ name: 'transforms', group: 'Transforms' }) }),
          aField({ definition: aDefinition({ name: 'tasks.max', group: 'Common', orderInGroup: 2 }) }),
          aField({ definition: aDefinition({ name: 'tasks.max.enforce', group: 'Common', orderInGroup: 3 }) }),
          aField({ definition: aDefinition({ name: 'topic', group: null }), errors: ['Missing required configuration'] }),
        ],
      });

      expect(service.fieldGroups(validation).map((g) => [g.name, g.fields.map((f) => f.definition.name), g.errorCount])).toEqual([
        ['Connector', ['topic'], 1],
        ['Common', ['tasks.max', 'tasks.max.enforce'], 0],
        ['Transforms', ['transforms'], 0],
      ]);
    });

    it('leaves out the name and class, chosen above the form', () => {
      const validation = aValidation({ fields: [aField({ definition: aDefinition({ name: 'connector.class', group: 'Common' }) })] });

      expect(service.fieldGroups(validation)).toEqual([]);
    });

    it('leaves out fields the worker hides', () => {
      const validation = aValidation({ fields: [aField({ visible: false })] });

      expect(service.fieldGroups(validation)).toEqual([]);
    });
  });

  describe('withoutEmptyValues', () => {
    it('drops cleared fields so their defaults apply', () =>
      expect(service.withoutEmptyValues({ topic: 'orders', 'batch.size': '' })).toEqual({ topic: 'orders' }));
  });

  describe('parseConfigJson', () => {
    it('reads an object of strings', () => expect(parseConfigJson('{"topic":"orders"}')).toEqual({ config: { topic: 'orders' } }));

    describe('with a number value', () => {
      it('names the key to quote', () =>
        expect(parseConfigJson('{"tasks.max":1}')).toEqual({ problem: jasmine.stringContaining('tasks.max') } as never));
    });

    describe('with broken JSON', () => {
      it('says it is not valid JSON', () =>
        expect(parseConfigJson('{topic')).toEqual({ problem: jasmine.stringMatching(/^Not valid JSON/) } as never));
    });
  });
});
