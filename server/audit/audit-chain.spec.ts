import { lastHash, seal, verify } from './audit-chain';

describe('audit chain', () => {
  const chain = (key: string | undefined, ...ids: string[]) =>
    ids.reduce<ReturnType<typeof seal<{ id: string }>>[]>((log, id) => [...log, seal({ id }, lastHash(log), key)], []);
  // What comes back from the topic: JSON, not the objects written.
  const stored = <T>(entries: T[]): T[] => JSON.parse(JSON.stringify(entries));

  describe('verify', () => {
    describe('with the key the log was sealed with', () => {
      it('finds every entry verified', () =>
        expect([...verify(stored(chain('k1', 'a', 'b', 'c')), 'k1').values()]).toEqual(['verified', 'verified', 'verified']));
    });

    describe('with another key, or none', () => {
      it('cannot check them, and says so rather than "altered"', () => {
        expect([...verify(stored(chain('k1', 'a', 'b')), 'k2').values()]).toEqual(['unsigned', 'unsigned']);
        expect([...verify(stored(chain('k1', 'a', 'b')), undefined).values()]).toEqual(['unsigned', 'unsigned']);
      });
    });

    describe('for an entry whose content was changed', () => {
      it('finds it altered', () => {
        const log = stored(chain('k1', 'a', 'b')) as ({ id: string } & Record<string, unknown>)[];
        log[1] = { ...log[1]!, actor: 'someone else' };

        expect(verify(log, 'k1').get('b')).toBe('altered');
      });
    });

    describe('for an entry whose predecessor was removed', () => {
      it('finds it unlinked', () => {
        const [a, , c] = stored(chain('k1', 'a', 'b', 'c'));

        expect(verify([a!, c!], 'k1').get('c')).toBe('unlinked');
      });
    });

    describe('for an entry forged without the key', () => {
      it('finds it unsigned, even with a well-formed chain', () => {
        const log = stored(chain('k1', 'a'));
        const forged = seal({ id: 'forged' }, lastHash(log), 'guessed');

        expect(verify([...log, forged], 'k1').get('forged')).toBe('unsigned');
      });
    });
  });
});
