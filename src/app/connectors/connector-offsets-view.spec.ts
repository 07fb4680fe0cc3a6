import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { ConnectorOffsetsView } from './connector-offsets-view';
import { someOffsets } from './connector.builders';
import type { SourceOffset } from './connector.model';

describe('ConnectorOffsetsView', () => {
  let fixture: ComponentFixture<ConnectorOffsetsView>;

  beforeEach(async () => {
    fixture = TestBed.createComponent(ConnectorOffsetsView);
    fixture.componentRef.setInput('offsets', someOffsets());
    await fixture.whenStable();
  });

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const button = (text: RegExp) => loader().getHarness(MatButtonHarness.with({ text }));
  const editor = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLTextAreaElement>('textarea')!;
  async function type(text: string): Promise<void> {
    editor().value = text;
    editor().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows each source partition with its offset', async () => {
    const cells = await (await loader().getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(cells['partition']?.text).toEqual(['{"filename":"/data/domain_events.jsonl"}']);
    expect(cells['offset']?.text).toEqual(['{"position":4120}']);
  });

  describe('starting over', () => {
    it('asks for a reset', async () => {
      let asked = false;
      fixture.componentInstance.reset.subscribe(() => (asked = true));

      await (await button(/Start over/)).click();

      expect(asked).toBeTrue();
    });
  });

  describe('with edited offsets', () => {
    it('asks to continue from them', async () => {
      let altered: SourceOffset[] | undefined;
      fixture.componentInstance.alter.subscribe((offsets) => (altered = offsets));

      await type('[{"partition":{"filename":"/data/domain_events.jsonl"},"offset":{"position":0}}]');
      await (await button(/Continue from these offsets/)).click();

      expect(altered).toEqual([{ partition: { filename: '/data/domain_events.jsonl' }, offset: { position: 0 } }]);
    });
  });

  describe('with text that is not a list of offsets', () => {
    it('says what is expected and offers no change', async () => {
      await type('{"position":0}');

      expect(await (await button(/Continue from these offsets/)).isDisabled()).toBeTrue();
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('A list of { "partition"');
    });
  });

  describe('while a change is applied', () => {
    it('disables both actions', async () => {
      fixture.componentRef.setInput('isBusy', true);

      expect(await (await button(/Start over/)).isDisabled()).toBeTrue();
      expect(await (await button(/Continue from these offsets/)).isDisabled()).toBeTrue();
    });
  });
});
