import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aConfig, aPartition, aTopicDetail } from './topic.builders';
import { TopicPage } from './topic-page';

/** Resolves once the condition holds; polled, since a dialog answers after its closing animation. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Not whenStable(): a snack bar's timer would hold it for seconds.
    TestBed.tick();
  }
  throw new Error('never happened');
}

describe('TopicPage', () => {
  let fixture: ComponentFixture<TopicPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const url = '/api/clusters/local/topics/shop.orders.events';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TopicPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('topic', 'shop.orders.events');
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const open = async (detail = aTopicDetail(), tab = 'partitions') => {
    fixture.componentRef.setInput('tab', tab);
    fixture.detectChanges();
    http.expectOne(url).flush(detail);
    await fixture.whenStable();
  };
  const button = (label: string) => loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="${label}"]` }));

  describe('the Partitions tab', () => {
    it('lists each partition with its offsets and message count', async () => {
      await open(aTopicDetail({ partitions: [aPartition({ partition: 0, earliestOffset: '5', latestOffset: '12' })] }));

      const cells = await (await loader.getHarness(MatTableHarness.with({ selector: '[aria-label="Partitions"]' }))).getCellTextByColumnName();
      expect(cells['messages']?.text).toEqual(['7']);
      expect(cells['earliest']?.text).toEqual(['5']);
    });

    it('names the replicas that fell out of sync', async () => {
      await open(aTopicDetail({ partitions: [aPartition({ replicas: [1, 2, 3], isr: [1] })] }));

      expect(text()).toContain('behind: 2, 3');
    });
  });

  describe('the Configs tab', () => {
    const configsTable = () => loader.getHarness(MatTableHarness.with({ selector: '[aria-label="Configs"]' }));

    describe('editing a value in place', () => {
      beforeEach(async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'retention.ms', value: '604800000' })] }), 'configs');
        await (await button('Edit retention.ms')).click();
        await (await loader.getHarness(MatInputHarness.with({ selector: '[aria-label="New value of retention.ms"]' }))).setValue('86400000');
        await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
      });

      it('sends only that config and shows what the server answers', async () => {
        const request = http.expectOne({ method: 'PATCH', url: `${url}/configs` });
        expect(request.request.body).toEqual({ set: { 'retention.ms': '86400000' } });
        request.flush([aConfig({ name: 'retention.ms', value: '86400000', source: 'dynamic-topic', isOverride: true })]);
        await fixture.whenStable();

        const cells = await (await configsTable()).getCellTextByColumnName();
        expect(cells['value']?.text).toEqual(['86400000']);
        expect(cells['source']?.text).toEqual(['topic']);
      });

      describe('when Kafka refuses the value', () => {
        it('shows why under the editor, which stays open', async () => {
          http.expectOne(`${url}/configs`).flush(
            { error: { code: 'INVALID_CONFIG', message: 'Invalid value 86400000x for configuration retention.ms' } },
            { status: 400, statusText: 'Bad Request' },
          );
          await fixture.whenStable();

          expect(text()).toContain('Invalid value 86400000x for configuration retention.ms');
          expect(await loader.getAllHarnesses(MatInputHarness.with({ selector: '[aria-label="New value of retention.ms"]' }))).toHaveSize(1);
        });
      });
    });

    describe('an override', () => {
      it('resets to the default by deleting it', async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'cleanup.policy', value: 'compact', isOverride: true, source: 'dynamic-topic' })] }), 'configs');

        await (await button('Reset cleanup.policy to default')).click();

        const request = http.expectOne({ method: 'PATCH', url: `${url}/configs` });
        expect(request.request.body).toEqual({ delete: ['cleanup.policy'] });
        request.flush([aConfig({ name: 'cleanup.policy', value: 'delete' })]);
      });
    });

    describe('a read-only config', () => {
      it('cannot be edited', async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'message.format.version', isReadOnly: true })] }), 'configs');

        expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label="Edit message.format.version"]' }))).toHaveSize(0);
      });
    });

    describe('a sensitive config', () => {
      it('shows no value', async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'some.password', value: null, isSensitive: true })] }), 'configs');

        expect(text()).toContain('hidden (sensitive)');
      });
    });
  });

  describe('purging the topic', () => {
    it('sends the typed name as the confirmation', async () => {
      await open();
      await (await loader.getHarness(MatButtonHarness.with({ text: /Purge/ }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatInputHarness)).setValue('shop.orders.events');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Purge all records' }))).click();
      let purges: TestRequest[] = [];
      await waitFor(() => (purges = http.match({ method: 'POST', url: `${url}/purge` })).length > 0);

      expect(purges[0]!.request.body).toEqual({ confirm: 'shop.orders.events' });
      purges[0]!.flush({ partitions: [{ partition: 0, lowWatermark: '10' }] });
      // A purge changes the offsets: the page reads the topic again.
      await waitFor(() => http.match(url).length > 0);
    });
  });

  describe('deleting the topic', () => {
    it('asks for the typed name, sends it, and goes back to the list', async () => {
      const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
      await open();
      await (await loader.getHarness(MatButtonHarness.with({ text: /Delete/ }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      const confirm = await dialog.getHarness(MatButtonHarness.with({ text: 'Delete topic' }));

      expect(await confirm.isDisabled()).toBeTrue();
      await (await dialog.getHarness(MatInputHarness)).setValue('shop.orders.events');
      await confirm.click();
      let deletions: TestRequest[] = [];
      await waitFor(() => (deletions = http.match((r) => r.method === 'DELETE' && r.url === url)).length > 0);

      expect(deletions[0]!.request.params.get('confirm')).toBe('shop.orders.events');
      deletions[0]!.flush(null, { status: 204, statusText: 'No Content' });
      await waitFor(() => navigate.calls.any());
      expect(navigate.calls.mostRecent().args[0]).toEqual(['/clusters', 'local', 'topics']);
    });
  });

  describe('for a topic that does not exist', () => {
    it('shows the server message', async () => {
      fixture.detectChanges();
      http.expectOne(url).flush({ error: { code: 'TOPIC_NOT_FOUND', message: 'Topic shop.orders.events does not exist on cluster local' } },
        { status: 404, statusText: 'Not Found' });
      await fixture.whenStable();

      expect(text()).toContain('does not exist on cluster local');
    });
  });
});
