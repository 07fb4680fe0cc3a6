import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { AddPartitionsDialog } from './add-partitions-dialog';
import { ProduceMessageDialog } from './produce-message-dialog';

/** A host to find the overlay container from; dialogs render outside it. */
@Component({ template: '' })
class Host {}

describe('topic dialogs', () => {
  let http: HttpTestingController;
  const url = '/api/clusters/local/topics/orders';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(async () => {
    for (const opened of await root().getAllHarnesses(MatDialogHarness)) await opened.close();
    http.verify();
  });

  const root = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  const data = { cluster: 'local', topic: 'orders', partitions: 6 };

  describe('ProduceMessageDialog', () => {
    let dialog: MatDialogHarness;

    beforeEach(async () => {
      TestBed.inject(MatDialog).open(ProduceMessageDialog, { data });
      dialog = await root().getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatInputHarness.with({ placeholder: 'order-1000' }))).setValue('order-1');
      await (await dialog.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('{"a":1}');
    });

    describe('with a key and no partition', () => {
      it('lets the key choose the partition and says where the record landed', async () => {
        await (await dialog.getHarness(MatButtonHarness.with({ text: 'Produce' }))).click();

        const request = http.expectOne({ method: 'POST', url: `${url}/messages` });
        expect(request.request.body).toEqual({ key: 'order-1', value: '{"a":1}' });
        request.flush({ partition: 2, offset: 17 }, { status: 201, statusText: 'Created' });

        expect(await dialog.getText()).toContain('Written to partition 2 at offset 17');
      });
    });

    describe('when the server refuses', () => {
      it('shows its message and stays open', async () => {
        await (await dialog.getHarness(MatButtonHarness.with({ text: 'Produce' }))).click();

        http
          .expectOne(`${url}/messages`)
          .flush({ error: { code: 'TOPIC_NOT_FOUND', message: 'Topic orders does not exist' } }, { status: 404, statusText: 'Not Found' });

        expect(await dialog.getText()).toContain('Topic orders does not exist');
      });
    });

    it('tells JSON from plain text', async () => expect(await dialog.getText()).toContain('Valid JSON'));
  });

  describe('AddPartitionsDialog', () => {
    let dialog: MatDialogHarness;

    beforeEach(async () => {
      TestBed.inject(MatDialog).open(AddPartitionsDialog, { data });
      dialog = await root().getHarness(MatDialogHarness);
    });

    it('warns about keys and joins before anything is sent', async () => {
      expect(await dialog.getText()).toContain('no longer co-partitioned');
      http.expectNone(`${url}/partitions`);
    });

    describe('with a count that is not larger', () => {
      it('cannot be sent', async () => {
        await (await dialog.getHarness(MatInputHarness)).setValue('6');

        expect(await (await dialog.getHarness(MatButtonHarness.with({ text: /Add 0 partitions/ }))).isDisabled()).toBeTrue();
      });
    });

    describe('when added', () => {
      it('shows the warning the server answers with', async () => {
        await (await dialog.getHarness(MatInputHarness)).setValue('12');
        await (await dialog.getHarness(MatButtonHarness.with({ text: /Add 6 partitions/ }))).click();

        const request = http.expectOne({ method: 'POST', url: `${url}/partitions` });
        expect(request.request.body).toEqual({ count: 12 });
        request.flush({ partitions: 12, warning: 'Keys now hash to 12 partitions instead of 6' });

        expect(await dialog.getText()).toContain('orders now has 12 partitions');
        expect(await dialog.getText()).toContain('Keys now hash to 12 partitions instead of 6');
      });
    });
  });
});
