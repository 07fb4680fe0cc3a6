import { aDownstreamSubtopology, aSubtopology, aTopicUse, REPARTITION } from './streams.builders';
import { BOX_WIDTH, edgeLabel, layoutSubtopology, NODE_HEIGHT, NODE_WIDTH } from './topology-layout';

describe('layoutSubtopology', () => {
  const upstream = aSubtopology();
  const downstream = aDownstreamSubtopology();
  const all = [upstream, downstream];

  describe('left to right', () => {
    const layout = layoutSubtopology(upstream, all);
    const input = layout.nodes.find((node) => node.side === 'input')!;
    const output = layout.nodes.find((node) => node.side === 'output')!;

    it('puts the inputs left of the box and the outputs right of it', () => {
      expect(input.x + input.width).toBeLessThan(layout.box.x);
      expect(output.x).toBeGreaterThan(layout.box.x + BOX_WIDTH);
    });

    it('names the box after the sub-topology and counts its tasks', () => {
      expect(layout.box.title).toBe('Sub-topology 0');
      expect(layout.box.subtitle).toBe('1 task');
    });

    it('holds every node inside its size', () => {
      for (const node of layout.nodes) {
        expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
        expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
      }
    });

    it('draws one edge per topic, each from or to the box', () => {
      expect(layout.edges.map((edge) => edge.side)).toEqual(['input', 'output']);
      expect(layout.edges[0]!.path).toMatch(new RegExp(`^M ${NODE_WIDTH} \\d+(\\.\\d+)? C .* ${layout.box.x} \\d+(\\.\\d+)?$`));
    });
  });

  describe('with several inputs', () => {
    const layout = layoutSubtopology(
      aSubtopology({ inputs: [aTopicUse({ topic: 'orders' }), aTopicUse({ topic: 'payments' }), aTopicUse({ topic: 'refunds' })] }),
      [],
    );
    const inputs = layout.nodes.filter((node) => node.side === 'input');

    it('stacks them in one column without overlap', () => {
      expect(inputs.map((node) => node.x)).toEqual([0, 0, 0]);
      for (let index = 1; index < inputs.length; index++) {
        expect(inputs[index]!.y).toBeGreaterThanOrEqual(inputs[index - 1]!.y + NODE_HEIGHT);
      }
    });

    it('makes the box as tall as the column', () => expect(layout.box.height).toBe(inputs[2]!.y + NODE_HEIGHT - inputs[0]!.y));
  });

  describe('on an input edge', () => {
    it('writes the live rate and the lag', () => {
      const layout = layoutSubtopology(aSubtopology({ inputs: [aTopicUse({ rate: 12.5, lag: 1_234 })] }), []);

      expect(layout.edges[0]).toEqual(jasmine.objectContaining({ label: '12.5/s · lag 1,234', isLagging: true }));
    });

    it('leaves out what is not known yet', () => {
      expect(edgeLabel({ rate: null, lag: 0 })).toBe('lag 0');
      expect(edgeLabel({ rate: 3, lag: null })).toBe('3/s');
      expect(edgeLabel({ rate: null, lag: null })).toBe('');
    });
  });

  describe('with changelogs', () => {
    const layout = layoutSubtopology(
      aDownstreamSubtopology({
        changelogs: [aTopicUse({ topic: 'a-changelog', role: 'changelog' }), aTopicUse({ topic: 'b-changelog', role: 'changelog' })],
      }),
      all,
    );
    const changelogs = layout.nodes.filter((node) => node.side === 'changelog');

    it('hangs them below the box, one under the other', () => {
      expect(changelogs[0]!.y).toBeGreaterThan(layout.box.y + layout.box.height);
      expect(changelogs[1]!.y).toBeGreaterThan(changelogs[0]!.y + NODE_HEIGHT);
      expect(changelogs.every((node) => node.x > layout.box.x && node.x < layout.box.x + layout.box.width)).toBeTrue();
    });

    it('grows the graph to hold them', () => expect(layout.height).toBeGreaterThanOrEqual(changelogs[1]!.y + NODE_HEIGHT));
  });

  describe('with a repartition topic between two sub-topologies', () => {
    it('links the writer’s output to the reader', () => {
      const output = layoutSubtopology(upstream, all).nodes.find((node) => node.topic === REPARTITION)!;

      expect(output.linkedTo).toEqual(['1']);
      expect(output.linkLabel).toBe('to sub-topology 1');
    });

    it('links the reader’s input to the writer', () => {
      const input = layoutSubtopology(downstream, all).nodes.find((node) => node.topic === REPARTITION)!;

      expect(input.linkedTo).toEqual(['0']);
      expect(input.linkLabel).toBe('from sub-topology 0');
    });

    it('links no topic only one sub-topology uses', () => {
      const source = layoutSubtopology(upstream, all).nodes.find((node) => node.topic === 'shop.orders.events')!;

      expect(source.linkedTo).toEqual([]);
    });
  });

  describe('with a long topic name', () => {
    it('shortens what it draws in the middle, keeping the name', () => {
      const node = layoutSubtopology(upstream, all).nodes.find((n) => n.topic === REPARTITION)!;

      expect(node.label.length).toBe(30);
      expect(node.label).toMatch(/^order-enricher.*….*repartition$/);
    });
  });

  describe('with a pattern subscription', () => {
    it('draws the pattern as an input without rate or lag', () => {
      const layout = layoutSubtopology(aSubtopology({ inputs: [], sourcePatterns: ['shop\\..*'] }), []);

      expect(layout.nodes[0]).toEqual(jasmine.objectContaining({ topic: '/shop\\..*/', isPattern: true, side: 'input' }));
      expect(layout.edges[0]!.label).toBe('');
    });
  });

  describe('with a topic not created yet', () => {
    it('marks the node', () => {
      const layout = layoutSubtopology(
        aSubtopology({ outputs: [aTopicUse({ topic: REPARTITION, role: 'repartition', exists: false })] }),
        [],
      );

      expect(layout.nodes.find((node) => node.side === 'output')!.exists).toBeFalse();
    });
  });

  describe('with the sinks the app described', () => {
    const layout = layoutSubtopology(
      aSubtopology({
        outputs: [
          aTopicUse({ topic: REPARTITION, role: 'repartition', lag: null }),
          aTopicUse({ topic: 'shop.orders.enriched', role: 'sink', lag: null }),
        ],
      }),
      [],
    );
    const outputs = layout.nodes.filter((node) => node.side === 'output');

    it('puts them right of the box with the repartition outputs, one under the other', () => {
      expect(outputs.map((node) => `${node.role} ${node.topic}`)).toEqual([`repartition ${REPARTITION}`, 'sink shop.orders.enriched']);
      expect(outputs[1]!.x).toBe(outputs[0]!.x);
      expect(outputs[1]!.y).toBeGreaterThanOrEqual(outputs[0]!.y + NODE_HEIGHT);
    });

    it('draws an edge from the box to each', () => expect(layout.edges.filter((edge) => edge.side === 'output').length).toBe(2));
  });
});
