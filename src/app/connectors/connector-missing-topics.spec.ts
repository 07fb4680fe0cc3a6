import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ConnectorMissingTopics } from './connector-missing-topics';
import { ConnectorMissingTopicsHarness } from './connector-missing-topics.harness';
import { aTopicCheck } from './connector.builders';
import { missingTopicsNotice } from './connector-topic-rules';

describe('ConnectorMissingTopics', () => {
  let fixture: ComponentFixture<ConnectorMissingTopics>;
  let warning: ConnectorMissingTopicsHarness;

  beforeEach(async () => {
    fixture = TestBed.createComponent(ConnectorMissingTopics);
    fixture.componentRef.setInput('notice', missingTopicsNotice(aTopicCheck({ missing: ['orders'] }), 'source'));
    warning = await TestbedHarnessEnvironment.harnessForFixture(fixture, ConnectorMissingTopicsHarness);
  });

  it('names the missing topic and what follows', async () =>
    expect(await warning.getMessage()).toContain('Topic orders does not exist on this cluster'));

  describe('choosing to create the topic first', () => {
    it('gives the partitions and replication factor typed', async () => {
      await warning.chooseCreating('3', '1');

      expect(fixture.componentInstance.choice()).toEqual({ partitions: '3', replicationFactor: '1' });
      expect(await warning.getProblem()).toBeNull();
    });

    it('says what is wrong with 0 partitions', async () => {
      await warning.chooseCreating('0');

      expect(await warning.getProblem()).toContain('Partitions is a whole number from 1');
    });
  });

  describe('letting Connect create it', () => {
    it('asks for topic.creation.default.*', async () => {
      let asked = false;
      fixture.componentInstance.letConnectCreate.subscribe(() => (asked = true));

      await warning.letConnectCreate();

      expect(asked).toBeTrue();
    });
  });

  describe('for a sink', () => {
    it('does not offer to let Connect create the topic', async () => {
      fixture.componentRef.setInput('notice', missingTopicsNotice(aTopicCheck({ missing: ['orders'] }), 'sink'));

      expect(await warning.canLetConnectCreate()).toBeFalse();
    });
  });
});
