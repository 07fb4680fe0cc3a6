import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogState, type MatDialogRef } from '@angular/material/dialog';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aGroup } from './copartition.builders';
import type { CopartitionGroup } from './copartition.model';
import { DeclareGroupDialog, type DeclareGroupData } from './declare-group-dialog';
import { DeclareGroupDialogHarness } from './declare-group-dialog.harness';
import { requestSoon } from '../shared/spec-waits';

/** A host to find the overlay container from; the dialog renders outside any component. */
@Component({ template: '' })
class Host {}

describe('DeclareGroupDialog', () => {
  const groupsUrl = '/api/clusters/local/copartition/groups';
  const declared = aGroup({ id: 'declared:orders', name: 'orders', origin: 'declared', topics: ['shop.orders', 'shop.payments'] });
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let dialogRef: MatDialogRef<DeclareGroupDialog, CopartitionGroup>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        // The dialog opens at once: animated, it would move the focus to its first field only once open,
        // away from a topic being typed, and the suggestions would close.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    loader = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  });
  afterEach(() => http.verify());

  async function open(group?: CopartitionGroup): Promise<DeclareGroupDialogHarness> {
    dialogRef = TestBed.inject(MatDialog).open<DeclareGroupDialog, DeclareGroupData, CopartitionGroup>(DeclareGroupDialog, {
      data: { cluster: 'local', group },
    });
    const topicNames = await requestSoon(http, (request) => request.url === '/api/clusters/local/topics');
    topicNames.flush({ items: ['shop.orders', 'shop.payments', 'shop.refunds'].map((name) => ({ name })), total: 3 });
    return loader.getHarness(DeclareGroupDialogHarness);
  }

  describe('declaring a new group', () => {
    it('waits for a name and two topics', async () => {
      const dialog = await open();
      expect(await dialog.getTitle()).toBe('Declare a co-partition group');

      await dialog.setName('orders');
      await dialog.addTopic('shop.orders');
      expect(await dialog.isSaveDisabled()).toBeTrue();

      await dialog.addTopic('shop.payments');
      expect(await dialog.getTopics()).toEqual(['shop.orders', 'shop.payments']);
      expect(await dialog.isSaveDisabled()).toBeFalse();
    });

    it('declares it, says so, and closes with the saved group', async () => {
      const dialog = await open();
      await dialog.setName(' orders ');
      await dialog.addTopic('shop.orders');
      await dialog.addTopic('shop.payments');
      const closed = jasmine.createSpy('closed');
      dialogRef.afterClosed().subscribe(closed);

      const saving = dialog.save();
      const request = await requestSoon(http, groupsUrl);
      expect(request.request.body).toEqual({ name: 'orders', topics: ['shop.orders', 'shop.payments'] });
      request.flush(declared);
      await saving;

      expect(closed).toHaveBeenCalledOnceWith(declared);
      expect(await (await loader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Declared orders');
    });
  });

  describe('editing a declared group', () => {
    it('keeps its name and starts from its topics', async () => {
      const dialog = await open(declared);

      expect(await dialog.getTitle()).toBe('Edit co-partition group');
      expect(await dialog.getName()).toBe('orders');
      expect(await dialog.isNameReadonly()).toBeTrue();
      expect(await dialog.getTopics()).toEqual(['shop.orders', 'shop.payments']);
      expect(await dialog.getSaveLabel()).toBe('Save');
    });

    it('saves the topics as changed', async () => {
      const dialog = await open(declared);
      await dialog.removeTopic('shop.payments');
      await dialog.addTopic('shop.refunds');

      const saving = dialog.save();
      const request = await requestSoon(http, groupsUrl);
      expect(request.request.body).toEqual({ name: 'orders', topics: ['shop.orders', 'shop.refunds'] });
      request.flush({ ...declared, topics: ['shop.orders', 'shop.refunds'] });
      await saving;

      expect(await (await loader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Saved orders');
    });
  });

  describe('when the server refuses the group', () => {
    it('says why and stays open', async () => {
      const dialog = await open(declared);

      const saving = dialog.save();
      (await requestSoon(http, groupsUrl)).flush(
        { error: { code: 'TOPIC_NOT_FOUND', message: 'Topic shop.payments does not exist' } },
        { status: 404, statusText: 'Not Found' },
      );
      await saving;

      expect(await dialog.getError()).toBe('Topic shop.payments does not exist');
      expect(dialogRef.getState()).toBe(MatDialogState.OPEN);
      expect(await dialog.isSaveDisabled()).toBeFalse();
    });
  });
});
