import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { aMessage, aMessagePage, aSearchDone, aSearchProgress, someBytes } from './topic.builders';
import { fakeEventSources, type FakeEventSource } from './topic-search.fake';
import { EVENT_SOURCE } from './topic-search.service';
import { MessageBrowser } from './message-browser';
import { MessageListHarness } from './message-list.harness';

describe('MessageBrowser', () => {
  let fixture: ComponentFixture<MessageBrowser>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let searches: FakeEventSource[];
  const url = '/api/clusters/local/topics/shop.orders.events/messages';

  beforeEach(() => {
    const sources = fakeEventSources();
    searches = sources.opened;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: sources.factory },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MessageBrowser);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('topic', 'shop.orders.events');
    fixture.componentRef.setInput('partitions', 3);
    loader = TestbedHarnessEnvironment.loader(fixture);
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const messageList = () => loader.getHarness(MessageListHarness);
  const pageRequest = (): TestRequest => http.expectOne((request) => request.url === url);

  describe('when opened', () => {
    it('shows the newest messages of every partition', async () => {
      const request = pageRequest();
      expect(request.request.params.toString()).toBe('limit=50&direction=backward');
      request.flush(aMessagePage({ messages: [aMessage({ key: someBytes({ text: 'order-4711' }) })] }));
      await fixture.whenStable();

      expect(await (await messageList()).getKeys()).toEqual(['order-4711']);
      expect(text()).toContain('Reached the end of the topic');
    });
  });

  describe('load more', () => {
    it('continues with the cursor and keeps what is shown', async () => {
      pageRequest().flush(aMessagePage({ messages: [aMessage({ offset: 9 })], stoppedBy: 'scan-budget', nextCursor: 'next-1' }));
      await fixture.whenStable();

      await (await loader.getHarness(MatButtonHarness.with({ text: /Load more/ }))).click();
      const more = pageRequest();
      expect(more.request.params.get('cursor')).toBe('next-1');
      expect(more.request.params.get('direction')).toBe('backward');
      more.flush(aMessagePage({ messages: [aMessage({ offset: 3 })] }));
      await fixture.whenStable();

      expect((await (await messageList()).getLines()).map((line) => line.offset)).toEqual(['9', '3']);
      expect(text()).toContain('2 shown');
      expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Load more/ }))).toHaveSize(0);
    });
  });

  describe('from an offset in one partition', () => {
    it('reads that partition forward from the offset', async () => {
      pageRequest().flush(aMessagePage());
      await fixture.whenStable();
      const [partition, start] = await loader.getAllHarnesses(MatSelectHarness);

      await partition!.clickOptions({ text: '2' });
      await start!.clickOptions({ text: 'From offset' });
      await (await loader.getHarness(MatInputHarness.with({ selector: '[type="number"]' }))).setValue('40');
      await (await loader.getHarness(MatButtonHarness.with({ text: /Show messages/ }))).click();

      expect(pageRequest().request.params.toString()).toBe('limit=50&direction=forward&partition=2&offset=40');
    });
  });

  describe('when the server refuses', () => {
    it('shows its message', async () => {
      pageRequest().flush(
        { error: { code: 'INTERNAL_TOPIC', message: 'Kafka keeps __consumer_offsets to itself' } },
        { status: 400, statusText: 'Bad Request' },
      );
      await fixture.whenStable();

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot read the messages' }));
      expect(await panel.getMessage()).toBe('Kafka keeps __consumer_offsets to itself');
    });
  });

  describe('with nothing to show', () => {
    it('says what to do', async () => {
      pageRequest().flush(aMessagePage({ messages: [] }));
      await fixture.whenStable();

      expect(text()).toContain('No messages here. Produce one');
    });
  });

  describe('search whole topic', () => {
    const startSearch = async (text: string) => {
      pageRequest().flush(aMessagePage());
      await fixture.whenStable();
      await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="text"]' }))).setValue(text);
      await (await loader.getHarness(MatButtonHarness.with({ text: /Search whole topic/ }))).click();
    };

    it('lists the matches as they come, with the progress', async () => {
      await startSearch('order-4711');
      const search = searches[0]!;
      expect(search.url).toContain('contains=order-4711&direction=newest');

      search.send({ type: 'progress', data: aSearchProgress() });
      search.send({ type: 'match', data: aMessage({ key: someBytes({ text: 'order-4711' }) }) });
      await fixture.whenStable();

      expect(await (await messageList()).getKeys()).toEqual(['order-4711']);
      expect(text()).toContain('250 records scanned · 25 % · 500 records/s · 1 match');
    });

    it('says when it searched everything', async () => {
      await startSearch('order-4711');

      searches[0]!.send({ type: 'done', data: aSearchDone({ matches: 0 }) });
      await fixture.whenStable();

      expect(text()).toContain('Searched the whole topic');
    });

    it('stops on Cancel, closing the stream and keeping the matches', async () => {
      await startSearch('order-4711');
      searches[0]!.send({ type: 'match', data: aMessage() });
      await fixture.whenStable();

      await (await loader.getHarness(MatButtonHarness.with({ text: /Cancel/ }))).click();

      expect(searches[0]!.isClosed).toBeTrue();
      expect(text()).toContain('Cancelled');
      expect(await (await messageList()).getLines()).toHaveSize(1);
    });
  });
});
