import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom, of, Subject, throwError } from 'rxjs';
import { ApiError } from './api-error';
import { changeRunner } from './change-runner';

/** A page that owns a runner, as pages do. */
@Component({ template: '' })
class Host {
  readonly change = changeRunner();
}

/** The dialog answers once its closing animation ends, after the harness's click returns. */
async function dialogClosed(): Promise<void> {
  await firstValueFrom(TestBed.inject(MatDialog).afterAllClosed);
}

describe('changeRunner', () => {
  let host: Host;
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));

  beforeEach(() => {
    host = TestBed.createComponent(Host).componentInstance;
  });

  describe('run', () => {
    describe('when the call succeeds', () => {
      it('says the success once and runs what follows', async () => {
        const then = jasmine.createSpy('then');

        host.change.run({ call: () => of({ purged: 3 }), success: (result) => `Purged ${result.purged} partitions`, then });

        const snackBar = await loader().getHarness(MatSnackBarHarness);
        expect(await snackBar.getMessage()).toBe('Purged 3 partitions');
        expect(then).toHaveBeenCalledOnceWith({ purged: 3 });
        expect(host.change.error()).toBeUndefined();
      });
    });

    describe('while the call runs', () => {
      it('is busy, and ignores a second run', () => {
        const answer = new Subject<void>();
        const second = jasmine.createSpy('second call').and.returnValue(of(undefined));

        host.change.run({ call: () => answer });
        host.change.run({ call: second });

        expect(host.change.isBusy()).toBeTrue();
        expect(second).not.toHaveBeenCalled();
        answer.next();
        answer.complete();
        expect(host.change.isBusy()).toBeFalse();
      });
    });

    describe('when the call fails', () => {
      it('keeps the error where the operator acted, and runs what follows failure', () => {
        const refused = new ApiError(409, 'GROUP_ACTIVE', 'billing has 2 members');
        const failed = jasmine.createSpy('failed');
        const then = jasmine.createSpy('then');

        host.change.run({ call: () => throwError(() => refused), then, failed });

        expect(host.change.error()).toBe(refused);
        expect(failed).toHaveBeenCalledOnceWith(refused);
        expect(then).not.toHaveBeenCalled();
        expect(host.change.isBusy()).toBeFalse();
      });

      it('clears the error when the next change starts', () => {
        host.change.run({ call: () => throwError(() => new ApiError(400, 'VALIDATION_FAILED', 'no')) });

        host.change.run({ call: () => of(undefined) });

        expect(host.change.error()).toBeUndefined();
      });
    });

    describe('with a confirmation', () => {
      const deletion = { title: 'Delete topic', message: 'Gone for good.', confirmLabel: 'Delete' };

      it('calls only once the operator confirms', async () => {
        const call = jasmine.createSpy('call').and.returnValue(of(undefined));
        host.change.run({ confirm: deletion, call });
        const dialog = await loader().getHarness(MatDialogHarness);

        expect(call).not.toHaveBeenCalled();
        await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete' }))).click();
        await dialogClosed();

        expect(call).toHaveBeenCalledTimes(1);
      });

      it('calls nothing when cancelled', async () => {
        const call = jasmine.createSpy('call').and.returnValue(of(undefined));
        host.change.run({ confirm: deletion, call });
        const dialog = await loader().getHarness(MatDialogHarness);

        await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
        await dialogClosed();

        expect(call).not.toHaveBeenCalled();
        expect(host.change.isBusy()).toBeFalse();
      });
    });
  });
});
