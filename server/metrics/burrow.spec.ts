import { evaluateWindow, groupVerdict, observeCommit, type CommitWindow } from './burrow';

describe('Burrow evaluation rules', () => {
  const interval = 1_000;

  const size = 5;
  /** A window filled with one commit per second: [offset, lag] pairs. */
  function windowOf(commits: [number, number][], active = true): CommitWindow {
    const window: CommitWindow = [];
    commits.forEach(([offset, lag], index) => observeCommit(window, offset, lag, index * interval, active, size));
    return window;
  }
  const evaluate = (window: CommitWindow, lag: number, now: number) => evaluateWindow(window, lag, now, interval, size);

  describe('evaluateWindow', () => {
    it('is OK with no lag now, whatever the window held', () =>
      expect(
        evaluate(
          windowOf([
            [1, 5],
            [1, 6],
          ]),
          0,
          10 * interval,
        ),
      ).toEqual({ status: 'OK', rule: 'no-lag' }));

    it('is STOP when nothing was committed for longer than the window spans', () => {
      const window = windowOf([
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
      ]);
      // The window spans 4 s; 5 s have passed since its last commit.
      expect(evaluate(window, 3, 4 * interval + 5 * interval)).toEqual({ status: 'STOP', rule: 'stopped' });
    });

    it('is OK when the lag was zero somewhere in the window', () =>
      expect(
        evaluate(
          windowOf([
            [1, 0],
            [2, 3],
            [3, 4],
            [4, 5],
            [5, 6],
          ]),
          6,
          4 * interval,
        ).rule,
      ).toBe('caught-up-in-window'));

    it('is REWIND when a committed offset went backwards', () =>
      expect(
        evaluate(
          windowOf([
            [10, 2],
            [12, 2],
            [5, 9],
            [6, 9],
            [7, 9],
          ]),
          9,
          4 * interval,
        ).status,
      ).toBe('REWIND'));

    it('is STALL when members commit the same offset while lag stays', () =>
      expect(
        evaluate(
          windowOf([
            [3, 4],
            [3, 5],
            [3, 6],
            [3, 7],
            [3, 8],
          ]),
          8,
          4 * interval,
        ),
      ).toEqual({ status: 'STALL', rule: 'stalled' }));

    it('is WARN when offsets move but the lag never falls', () =>
      expect(
        evaluate(
          windowOf([
            [1, 4],
            [2, 4],
            [3, 5],
            [4, 6],
            [5, 6],
          ]),
          6,
          4 * interval,
        ),
      ).toEqual({ status: 'WARN', rule: 'lag-not-decreasing' }));

    it('is OK when offsets move and the lag falls', () =>
      expect(
        evaluate(
          windowOf([
            [1, 9],
            [5, 7],
            [9, 5],
            [12, 4],
            [14, 3],
          ]),
          3,
          4 * interval,
        ).rule,
      ).toBe('lag-decreasing'));

    describe('when the group has no members', () => {
      it('adds no commit while the offset stays, so the window ages into STOP', () => {
        const window: CommitWindow = [];
        for (let second = 0; second < 20; second++) observeCommit(window, 7, 3 + second, second * interval, false, size);
        expect(window.length).toBe(3);
        expect(evaluate(window, 22, 20 * interval).status).toBe('STOP');
      });
    });
  });

  describe('groupVerdict', () => {
    it('is the worst partition', () =>
      expect(
        groupVerdict([
          { status: 'OK', rule: 'no-lag' },
          { status: 'WARN', rule: 'lag-not-decreasing' },
        ]).status,
      ).toBe('WARN'));

    it('is ERR when a partition is STOP, STALL or REWIND, naming its rule', () =>
      expect(
        groupVerdict([
          { status: 'WARN', rule: 'lag-not-decreasing' },
          { status: 'STALL', rule: 'stalled' },
        ]),
      ).toEqual({ status: 'ERR', rule: 'stalled' }));
  });
});
