import { aConnectorSummary, aDefinition, aField, aValidation } from './connector.builders';
import {
  actions,
  fieldGroups,
  fieldKind,
  inputType,
  matchesFilter,
  parseConfigJson,
  parseOffsets,
  pluginLabel,
  pluginRefusal,
  stateTone,
  withoutEmptyValues,
} from './connector-rules';

describe('connector rules', () => {
  describe('stateTone', () => {
    it('reads RUNNING as ok', () => expect(stateTone('RUNNING')).toBe('ok'));
    it('reads FAILED as an error', () => expect(stateTone('FAILED')).toBe('error'));
    it('reads PAUSED as a warning', () => expect(stateTone('PAUSED')).toBe('warn'));
    it('reads UNASSIGNED as neutral', () => expect(stateTone('UNASSIGNED')).toBe('neutral'));
  });

  describe('matchesFilter', () => {
    describe('failed', () => {
      it('takes a running connector with a failed task', () =>
        expect(matchesFilter(aConnectorSummary({ failedTaskCount: 1 }), 'failed')).toBeTrue());

      it('leaves out a healthy one', () => expect(matchesFilter(aConnectorSummary(), 'failed')).toBeFalse());
    });

    describe('running', () => {
      it('leaves out a running connector with a failed task', () =>
        expect(matchesFilter(aConnectorSummary({ failedTaskCount: 1 }), 'running')).toBeFalse());
    });

    describe('stopped', () => {
      it('takes a stopped connector', () =>
        expect(matchesFilter(aConnectorSummary({ state: 'STOPPED', tasks: [] }), 'stopped')).toBeTrue());
    });
  });

  describe('actions', () => {
    describe('for a running connector', () => {
      it('offers pause and stop, not resume', () =>
        expect(actions(aConnectorSummary())).toEqual({ canPause: true, canResume: false, canStop: true, canRestartFailed: false }));
    });

    describe('for a stopped connector', () => {
      it('offers resume only', () =>
        expect(actions(aConnectorSummary({ state: 'STOPPED' }))).toEqual({
          canPause: false,
          canResume: true,
          canStop: false,
          canRestartFailed: false,
        }));
    });

    describe('with a failed task', () => {
      it('offers to restart what failed', () => expect(actions(aConnectorSummary({ failedTaskCount: 1 })).canRestartFailed).toBeTrue());
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

      expect(fieldGroups(validation).map((g) => [g.name, g.fields.map((f) => f.definition.name), g.errorCount])).toEqual([
        ['Connector', ['topic'], 1],
        ['Common', ['tasks.max', 'tasks.max.enforce'], 0],
        ['Transforms', ['transforms'], 0],
      ]);
    });

    it('leaves out the name and class, chosen above the form', () => {
      const validation = aValidation({ fields: [aField({ definition: aDefinition({ name: 'connector.class', group: 'Common' }) })] });

      expect(fieldGroups(validation)).toEqual([]);
    });

    it('leaves out fields the worker hides', () => {
      const validation = aValidation({ fields: [aField({ visible: false })] });

      expect(fieldGroups(validation)).toEqual([]);
    });
  });

  describe('fieldKind', () => {
    it('gives a boolean a yes/no', () => expect(fieldKind(aField({ definition: aDefinition({ type: 'BOOLEAN' }) }))).toBe('boolean'));

    describe('with several recommended values', () => {
      it('offers them as a choice', () => expect(fieldKind(aField({ recommendedValues: ['none', 'all'] }))).toBe('choice'));
    });

    describe('with one recommended value at most', () => {
      it('lets the operator type', () => expect(fieldKind(aField({ recommendedValues: ['all'] }))).toBe('input'));
    });
  });

  describe('inputType', () => {
    it('hides a password', () => expect(inputType('PASSWORD')).toBe('password'));
    it('takes a number for the numeric types', () =>
      expect(['INT', 'LONG', 'SHORT', 'DOUBLE'].map(inputType)).toEqual(['number', 'number', 'number', 'number']));
    it('takes text for the rest', () => expect(inputType('LIST')).toBe('text'));
  });

  describe('withoutEmptyValues', () => {
    it('drops cleared fields so their defaults apply', () =>
      expect(withoutEmptyValues({ topic: 'orders', 'batch.size': '' })).toEqual({ topic: 'orders' }));
  });

  describe('pluginLabel', () => {
    it('names the class without its package, with type and version', () =>
      expect(
        pluginLabel({
          className: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
          type: 'source',
          version: '4.3.1',
          allowed: true,
        }),
      ).toBe('FileStreamSourceConnector · source · 4.3.1'));
  });

  describe('pluginRefusal', () => {
    const plugin = { className: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source' as const, version: '4.3.1' };
    it('is nothing for an allowed plugin', () => expect(pluginRefusal({ ...plugin, allowed: true })).toBeUndefined());
    it('says how to allow one that is not', () =>
      expect(pluginRefusal({ ...plugin, allowed: false })).toContain('add it to allowedConnectorClasses'));
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

  describe('parseOffsets', () => {
    it('reads a list of partitions and offsets', () =>
      expect(parseOffsets('[{"partition":{"filename":"a"},"offset":{"position":0}}]')).toEqual({
        offsets: [{ partition: { filename: 'a' }, offset: { position: 0 } }],
      }));

    describe('with an empty list', () => {
      it('asks for at least one', () => expect(parseOffsets('[]')).toEqual({ problem: jasmine.stringContaining('at least one') } as never));
    });

    describe('with an object instead of a list', () => {
      it('says what is expected', () =>
        expect(parseOffsets('{"position":0}')).toEqual({ problem: jasmine.stringContaining('A list of { "partition"') } as never));
    });

    describe('with broken JSON', () => {
      it('says it is not valid JSON', () =>
        expect(parseOffsets('[{')).toEqual({ problem: jasmine.stringMatching(/^Not valid JSON/) } as never));
    });
  });
});
