import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { aTopologyDescription, DESCRIBED_TOPOLOGY } from './streams.builders';
import type { StreamsTopologyDescription } from './streams.model';
import { TopologyDescriptionSection } from './topology-description-section';
import { TopologyDescriptionSectionHarness } from './topology-description.harness';

@Component({
  imports: [TopologyDescriptionSection],
  template: `<kpc-topology-description-section
    [description]="description()"
    [whyNotChange]="whyNot()"
    (describe)="asked.push('describe')"
    (remove)="asked.push('remove')" />`,
})
class Host {
  readonly description = signal<StreamsTopologyDescription | null>(null);
  readonly whyNot = signal<string | undefined>(undefined);
  readonly asked: string[] = [];
}

describe('TopologyDescriptionSection', () => {
  let fixture: ComponentFixture<Host>;
  const VIEWER_REASON = 'This needs the operator role on consumer group "order-enricher" of cluster "local"; you are viewer';

  beforeEach(() => {
    fixture = TestBed.createComponent(Host);
  });

  const show = async (description: StreamsTopologyDescription | null, whyNot?: string) => {
    fixture.componentInstance.description.set(description);
    fixture.componentInstance.whyNot.set(whyNot);
    return TestbedHarnessEnvironment.loader(fixture).getHarness(TopologyDescriptionSectionHarness);
  };

  describe('when none is given', () => {
    it('says what the broker does not know and what a description adds', async () => {
      const section = await show(null);

      expect(await section.getExplanation()).toContain('not the plain topics it writes');
      expect(await section.getExplanation()).toContain('Topology#describe()');
      expect(await section.getGivenAt()).toBeNull();
    });

    describe('for an operator', () => {
      it('offers to add one', async () => {
        const section = await show(null);

        expect(await section.isEnabled("Add the app's description")).toBeTrue();
        await section.press("Add the app's description");
        expect(fixture.componentInstance.asked).toEqual(['describe']);
      });
    });

    describe('for a viewer', () => {
      it('disables adding one, saying why on hover', async () => {
        const section = await show(null, VIEWER_REASON);

        expect(await section.isEnabled("Add the app's description")).toBeFalse();
        expect(await section.getReason()).toBe(VIEWER_REASON);
      });
    });
  });

  describe('when one is given', () => {
    describe('that matches the broker', () => {
      let section: TopologyDescriptionSectionHarness;
      beforeEach(async () => (section = await show(aTopologyDescription({ givenAt: '2026-11-27T11:40:00.000Z' }))));

      it('says when it was given', async () => expect(await section.getGivenAt()).toBe('2026-11-27T11:40:00.000Z'));

      it('says it matches', async () => {
        expect(await section.isMatching()).toBeTrue();
        expect(await section.getDifferences()).toEqual([]);
      });

      it('shows the text when opened', async () => expect(await section.getText()).toBe(DESCRIBED_TOPOLOGY));

      it('no longer explains', async () => expect(await section.getExplanation()).toBeNull());

      it('offers to replace or remove it', async () => {
        await section.press('Replace');
        await section.press('Remove');

        expect(fixture.componentInstance.asked).toEqual(['describe', 'remove']);
      });
    });

    describe('that differs from the broker', () => {
      it('lists the differences instead', async () => {
        const differences = [
          'Sub-topology 1: the broker reports no sub-topology 1',
          'Sub-topology 0: reads shop.orders, not shop.orders.events',
        ];
        const section = await show(aTopologyDescription({ differences }));

        expect(await section.isMatching()).toBeFalse();
        expect(await section.getDifferences()).toEqual(differences);
      });
    });

    describe('for a viewer', () => {
      it('disables replacing and removing it, saying why on hover', async () => {
        const section = await show(aTopologyDescription(), VIEWER_REASON);

        expect(await section.isEnabled('Replace')).toBeFalse();
        expect(await section.isEnabled('Remove')).toBeFalse();
        expect(await section.getReason()).toBe(VIEWER_REASON);
      });
    });
  });
});
