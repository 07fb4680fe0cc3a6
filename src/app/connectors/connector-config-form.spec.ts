import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ConnectorConfigForm, type FieldChange } from './connector-config-form';
import { aDefinition, aField } from './connector.builders';
import type { FieldGroup } from './connector.model';

describe('ConnectorConfigForm', () => {
  let fixture: ComponentFixture<ConnectorConfigForm>;
  const groups: FieldGroup[] = [
    { name: 'Connector', errorCount: 1, fields: [aField({ errors: ['Missing required configuration "topic"'] })] },
    {
      name: 'Common',
      errorCount: 0,
      fields: [
        aField({
          definition: aDefinition({
            name: 'tasks.max',
            displayName: 'Tasks max',
            type: 'INT',
            required: false,
            defaultValue: '1',
            group: 'Common',
          }),
        }),
        aField({
          definition: aDefinition({ name: 'db.password', displayName: 'Password', type: 'PASSWORD', required: false, group: 'Common' }),
        }),
      ],
    },
  ];

  beforeEach(async () => {
    fixture = TestBed.createComponent(ConnectorConfigForm);
    fixture.componentRef.setInput('groups', groups);
    fixture.componentRef.setInput('config', { 'db.password': '********' });
    await fixture.whenStable();
  });

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const input = (name: string) => loader().getHarness(MatInputHarness.with({ selector: `[aria-label="${name}"]` }));

  it('shows a panel per group, naming the errors in it', async () => {
    const panels = await loader().getAllHarnesses(MatExpansionPanelHarness);

    expect(await Promise.all(panels.map((panel) => panel.getTitle()))).toEqual(['Connector', 'Common']);
    expect(await panels[0]!.getDescription()).toContain('1 with errors');
  });

  it('shows the worker error under its field', async () => {
    const topic = await loader().getHarness(MatFormFieldHarness.with({ floatingLabelText: /^topic/ }));

    expect(await topic.getTextHints()).toEqual(['Missing required configuration "topic"']);
  });

  it('types fields after their definitions, with defaults as placeholders', async () => {
    expect(await (await input('tasks.max')).getType()).toBe('number');
    expect(await (await input('tasks.max')).getPlaceholder()).toBe('1');
    expect(await (await input('db.password')).getType()).toBe('password');
  });

  describe('when the operator types', () => {
    it('emits the changed field', async () => {
      const changes: FieldChange[] = [];
      fixture.componentInstance.fieldChange.subscribe((change) => changes.push(change));

      await (await input('topic')).setValue('orders');

      expect(changes.at(-1)).toEqual({ name: 'topic', value: 'orders' });
    });
  });
});
