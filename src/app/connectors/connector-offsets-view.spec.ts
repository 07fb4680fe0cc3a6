import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ConnectorOffsetsView } from './connector-offsets-view';
import { ConnectorOffsetsViewHarness } from './connector-offsets-view.harness';
import { someOffsets } from './connector.builders';
import type { SourceOffset } from './connector.model';

describe('ConnectorOffsetsView', () => {
  let fixture: ComponentFixture<ConnectorOffsetsView>;
  let view: ConnectorOffsetsViewHarness;

  beforeEach(async () => {
    fixture = TestBed.createComponent(ConnectorOffsetsView);
    fixture.componentRef.setInput('offsets', someOffsets());
    view = await TestbedHarnessEnvironment.harnessForFixture(fixture, ConnectorOffsetsViewHarness);
  });

  it('shows each source partition with its offset', async () =>
    expect(await view.getOffsets()).toEqual([{ partition: '{"filename":"/data/domain_events.jsonl"}', offset: '{"position":4120}' }]));

  describe('starting over', () => {
    it('asks for a reset', async () => {
      let asked = false;
      fixture.componentInstance.startOver.subscribe(() => (asked = true));

      await view.startOver();

      expect(asked).toBeTrue();
    });
  });

  describe('with edited offsets', () => {
    it('asks to continue from them', async () => {
      let altered: SourceOffset[] | undefined;
      fixture.componentInstance.alter.subscribe((offsets) => (altered = offsets));

      await view.typeOffsets('[{"partition":{"filename":"/data/domain_events.jsonl"},"offset":{"position":0}}]');
      await view.continueFromOffsets();

      expect(altered).toEqual([{ partition: { filename: '/data/domain_events.jsonl' }, offset: { position: 0 } }]);
    });
  });

  describe('with text that is not a list of offsets', () => {
    it('says what is expected and offers no change', async () => {
      await view.typeOffsets('{"position":0}');

      expect(await view.isContinueDisabled()).toBeTrue();
      expect(await view.getProblem()).toContain('A list of { "partition"');
    });
  });

  describe('while a change is applied', () => {
    it('disables both actions', async () => {
      fixture.componentRef.setInput('isBusy', true);

      expect(await view.isStartOverDisabled()).toBeTrue();
      expect(await view.isContinueDisabled()).toBeTrue();
    });
  });

  describe('for whom may not change offsets', () => {
    it('disables both changes, even with valid offsets typed', async () => {
      fixture.componentRef.setInput('whyNotChange', 'This needs the admin role');

      await view.typeOffsets('[{"partition":{"filename":"/data/domain_events.jsonl"},"offset":{"position":0}}]');

      expect(await view.isStartOverDisabled()).toBeTrue();
      expect(await view.isContinueDisabled()).toBeTrue();
    });
  });
});
