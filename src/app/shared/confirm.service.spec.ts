import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { firstValueFrom } from 'rxjs';
import { ConfirmService } from './confirm.service';

/** A host to find the overlay container from; the dialog itself renders outside it. */
@Component({ template: '' })
class Host {}

describe('ConfirmService', () => {
  let service: ConfirmService;

  beforeEach(() => {
    service = TestBed.inject(ConfirmService);
  });

  const dialog = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host)).getHarness(MatDialogHarness);

  describe('confirm', () => {
    describe('for an action that asks for the name to be typed', () => {
      const deleteTopic = {
        title: 'Delete topic',
        message: 'Gone for good.',
        confirmLabel: 'Delete',
        typeToConfirm: 'orders',
        isDestructive: true,
      };

      it('keeps the button disabled until the exact name is typed', async () => {
        const answer = firstValueFrom(service.confirm(deleteTopic));
        const opened = await dialog();
        const button = await opened.getHarness(MatButtonHarness.with({ text: 'Delete' }));
        const input = await opened.getHarness(MatInputHarness);

        await input.setValue('order');
        expect(await button.isDisabled()).toBeTrue();
        await input.setValue('orders');
        expect(await button.isDisabled()).toBeFalse();
        await button.click();

        expect(await answer).toBeTrue();
      });
    });

    describe('when cancelled', () => {
      it('answers false', async () => {
        const answer = firstValueFrom(service.confirm({ title: 'Pause', message: 'Pause it?', confirmLabel: 'Pause' }));
        const opened = await dialog();

        await (await opened.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();

        expect(await answer).toBeFalse();
      });
    });
  });
});
