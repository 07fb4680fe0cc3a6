import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aDownstreamSubtopology, aSubtopology, aTopicUse, REPARTITION } from './streams.builders';
import type { StreamsSubtopology } from './streams.model';
import { TopologyGraph } from './topology-graph';
import { layoutSubtopology } from './topology-layout';

@Component({
  imports: [TopologyGraph],
  template: `<kpc-topology-graph [layout]="layout()" cluster="local" (follow)="followed.push($event)" />`,
})
class Host {
  readonly layout = signal(layoutSubtopology(aSubtopology(), []));
  readonly followed: string[] = [];
}

describe('TopologyGraph', () => {
  let fixture: ComponentFixture<Host>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(Host);
  });

  const draw = async (subtopology: StreamsSubtopology, all: StreamsSubtopology[] = [subtopology]) => {
    fixture.componentInstance.layout.set(layoutSubtopology(subtopology, all));
    await fixture.whenStable();
  };
  const element = () => fixture.nativeElement as HTMLElement;
  const node = (topic: string) => element().querySelector(`g.node[data-topic="${topic}"]`)!;

  describe('a sub-topology', () => {
    beforeEach(() =>
      draw(
        aSubtopology({
          inputs: [aTopicUse({ topic: 'shop.orders.events', rate: 12.5, lag: 30 })],
          outputs: [aTopicUse({ topic: 'shop.orders.enriched', role: 'sink', lag: null })],
          changelogs: [aTopicUse({ topic: 'order-enricher-totals-changelog', role: 'changelog', lag: null })],
        }),
      ),
    );

    it('draws a node per topic and the sub-topology between them', () => {
      const sides = [...element().querySelectorAll('g.node')].map((g) => `${g.getAttribute('data-side')} ${g.getAttribute('data-topic')}`);

      expect(sides).toEqual(['input shop.orders.events', 'output shop.orders.enriched', 'changelog order-enricher-totals-changelog']);
      expect(element().querySelector('.box-title')?.textContent?.trim()).toBe('Sub-topology 0');
    });

    it('writes the live rate and lag on the input edge', () =>
      expect(element().querySelector('.edge-label')?.textContent?.trim()).toBe('12.5/s · lag 30'));

    it('marks a lagging input edge', () => expect(element().querySelector('path.edge[data-side="input"]')?.classList).toContain('lagging'));

    it('marks a plain sink apart from the other topics', () => {
      expect(node('shop.orders.enriched').classList).toContain('sink');
      expect(node('shop.orders.events').classList).not.toContain('sink');
    });

    it('links each topic to its page', () =>
      expect(node('shop.orders.enriched').querySelector('a')?.getAttribute('href')).toBe('/clusters/local/topics/shop.orders.enriched'));
  });

  describe('with an internal topic not created yet', () => {
    beforeEach(() => draw(aSubtopology({ outputs: [aTopicUse({ topic: REPARTITION, role: 'repartition', exists: false })] })));

    it('draws it dashed, without a link', () => {
      expect(node(REPARTITION).classList).toContain('missing');
      expect(node(REPARTITION).querySelector('a.topic')).toBeNull();
    });

    it('says so on hover', () => expect(node(REPARTITION).querySelector('title')?.textContent).toContain('not created yet'));
  });

  describe('with a repartition topic another sub-topology reads', () => {
    beforeEach(() => draw(aSubtopology(), [aSubtopology(), aDownstreamSubtopology()]));

    it('marks it linked and names the other sub-topology', () => {
      expect(node(REPARTITION).classList).toContain('linked');
      expect(node(REPARTITION).querySelector('a.link')?.textContent?.trim()).toBe('↪ to sub-topology 1');
    });

    it('tells the page to show the other sub-topology when followed', () => {
      node(REPARTITION)
        .querySelector<SVGAElement>('a.link')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));

      expect(fixture.componentInstance.followed).toEqual(['1']);
    });
  });
});
