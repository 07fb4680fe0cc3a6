import { applicationOf, ownerOf, withoutIds } from './client-ids';

describe('client ids', () => {
  describe('ownerOf', () => {
    it("names a Kafka Streams thread's main consumer's application", () =>
      expect(ownerOf('order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-2-consumer')).toEqual({
        kind: 'streams-app',
        groupId: 'order-enricher',
        name: 'order-enricher',
      }));

    it("names a sink task's connector and its group connect-<connector>", () =>
      expect(ownerOf('connector-consumer-domain-events-archive-3')).toEqual({
        kind: 'connector',
        groupId: 'connect-domain-events-archive',
        name: 'domain-events-archive',
      }));

    it("names the group in the Java consumer's own client id", () =>
      expect(ownerOf('consumer-billing-7')).toEqual({ kind: 'consumer-group', groupId: 'billing', name: 'billing' }));

    it("tells nothing of restore consumers, Connect's internal ones and ids set by hand", () => {
      expect(ownerOf('order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StateUpdater-1-restore-consumer')).toBeNull();
      expect(ownerOf('connect-cluster-offsets')).toBeNull();
      expect(ownerOf('my-service')).toBeNull();
    });
  });

  it('names a thread by its application, and a client without its process id', () => {
    const thread = (app: string, n = 1) => `${app}-05e20bbe-4542-4ee8-b038-6c4067a68331-StreamThread-${n}`;

    expect(applicationOf(thread('order-enricher', 3))).toBe('order-enricher');
    expect(applicationOf('my-client-StreamThread-1')).toBe('my-client');
    expect(applicationOf('my-client-GlobalStreamThread')).toBe('my-client');
    expect(withoutIds('connector-producer-orders-cdc-0')).toBe('connector-producer-orders-cdc-0');
  });
});
