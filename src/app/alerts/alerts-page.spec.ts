import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { AlertsPage } from './alerts-page';
import { aDelivery, anEvent, aRule } from './alerts.builders';
import type { AlertEvent, AlertRuleView } from './alerts.model';

/** A host to find the overlay container from; dialogs render outside the page. */
@Component({ template: '' })
class Host {}

describe('AlertsPage', () => {
  const base = '/api/clusters/local/alerts';
  let fixture: ComponentFixture<AlertsPage>;
  let http: HttpTestingController;
  let page: HarnessLoader;
  let overlay: HarnessLoader;

  function setUp(session = aSignedInSession({ role: 'operator' })): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(session),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AlertsPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    page = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  }
  afterEach(() => http.verify());

  async function answer(rules: AlertRuleView[], events: AlertEvent[] = []): Promise<void> {
    http.expectOne({ method: 'GET', url: `${base}/rules` }).flush({ rules });
    http.expectOne((request) => request.url === `${base}/events`).flush({ events });
    await fixture.whenStable();
  }

  const table = (label: string) => page.getHarness(MatTableHarness.with({ selector: `[aria-label="${label}"]` }));
  const ruleCells = async () => (await table('Alert rules')).getCellTextByIndex();
  const button = (text: string) => page.getHarness(MatButtonHarness.with({ text: new RegExp(`${text}$`) }));
  const dialogInput = (label: string) => overlay.getHarness(MatInputHarness.with({ selector: `[aria-label="${label}"]` }));
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  describe('with a firing rule and its history', () => {
    beforeEach(async () => {
      setUp();
      await answer(
        [
          aRule({ status: 'firing', firing: ['billing'] }),
          aRule({ id: 'rule-2', name: 'connectors', kind: 'connector-failed', target: '*', forMinutes: 0 }),
        ],
        [
          anEvent(),
          anEvent({
            id: 'event-0',
            clearedAt: '2026-06-01T08:30:00.000Z',
            firedAt: '2026-06-01T08:00:00.000Z',
            clearedBecause: 'recovered',
          }),
        ],
      );
    });

    it('shows each rule with its status and what it watches', async () => {
      const [firing, ok] = await ruleCells();

      // A cell's lines run together in its text: status then what fires; name then condition.
      expect(firing!.slice(0, 2)).toEqual(['Firingbilling', 'billing lagLag above 120 s for 5 min on billing']);
      expect(ok!.slice(0, 2)).toEqual(['OK', 'connectorsConnector or task FAILED on any connector']);
      expect(firing![2]).toContain('Slack (incoming webhook): https://hooks.slack.com/********');
    });

    it('shows what fired, when it cleared, and how the webhook was told', async () => {
      const rows = await (await table('Alert history')).getCellTextByIndex();

      expect(rows[0]!.slice(1)).toEqual([
        'Still firing',
        'billing lag',
        'Consumer group billing is 300 s behind (500 records), above 120 s',
        'Fired: Delivered',
      ]);
      expect(rows[1]![1]).toContain('2026-06-01');
    });
  });

  describe('adding a rule', () => {
    beforeEach(async () => {
      setUp();
      await answer([]);
    });

    it('asks what the kind needs, explains it, and sends only that', async () => {
      await (await button('Add rule')).click();
      await (await dialogInput('Rule name')).setValue('stuck groups');
      await (
        await overlay.getHarness(MatSelectHarness.with({ selector: '[aria-label="Kind"]' }))
      ).clickOptions({ text: 'Consumer group status' });
      await (await dialogInput('Target')).setValue('billing');
      await (await dialogInput('Webhook URL')).setValue('https://hooks.slack.com/services/T/B/x');
      const dialog = await overlay.getHarness(MatDialogHarness);
      expect(await dialog.getText()).toContain('STALL means members are there but commit nothing');
      expect(await overlay.getAllHarnesses(MatInputHarness.with({ selector: '[aria-label="Threshold"]' }))).toEqual([]);

      await (await overlay.getHarness(MatButtonHarness.with({ text: 'Add rule' }))).click();

      const posted = await requestSoon(http, `${base}/rules`);
      expect(posted.request.body).toEqual({
        name: 'stuck groups',
        kind: 'group-status',
        target: 'billing',
        forMinutes: 5,
        statuses: ['STALL', 'STOP'],
        webhookUrl: 'https://hooks.slack.com/services/T/B/x',
        format: 'slack',
        enabled: true,
      });
      posted.flush(aRule({ name: 'stuck groups', kind: 'group-status' }));
      (await requestSoon(http, `${base}/rules`)).flush({
        rules: [aRule({ name: 'stuck groups', kind: 'group-status', statuses: ['STALL', 'STOP'] })],
      });
      await waitFor(() => text().includes('Status STALL or STOP'));
      expect(await overlay.getAllHarnesses(MatDialogHarness)).toEqual([]);
    });

    it('shows the reason the server refuses it in the dialog', async () => {
      await (await button('Add rule')).click();
      await (await dialogInput('Rule name')).setValue('lag');
      await (await dialogInput('Webhook URL')).setValue('ftp://example.com/x');

      await (await overlay.getHarness(MatButtonHarness.with({ text: 'Add rule' }))).click();
      (await requestSoon(http, `${base}/rules`)).flush(
        { error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid: webhookUrl: must be an http:// or https:// URL' } },
        { status: 400, statusText: 'Bad Request' },
      );

      const dialog = await overlay.getHarness(MatDialogHarness);
      await waitFor(() => document.body.textContent!.includes('must be an http:// or https:// URL'));
      expect(await dialog.getText()).toContain('webhookUrl: must be an http:// or https:// URL');
    });
  });

  describe('testing a rule', () => {
    beforeEach(async () => {
      setUp();
      await answer([aRule()]);
    });

    it('shows how the webhook took the test message', async () => {
      await (await button('Test')).click();

      (await requestSoon(http, `${base}/rules/rule-1/test`)).flush(
        aDelivery({ message: 'test', outcome: 'failed', httpStatus: 404, error: 'The webhook answered HTTP 404: no_service' }),
      );

      await waitFor(() => text().includes('Test: Failed after 1 attempt: The webhook answered HTTP 404: no_service'));
    });
  });

  describe('deleting a rule', () => {
    beforeEach(async () => {
      setUp();
      await answer([aRule()]);
    });

    it('asks for the rule name typed, and sends it for the server to check', async () => {
      await (await page.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete billing lag"]' }))).click();
      const confirmation = await overlay.getHarness(MatInputHarness.with({ selector: 'input' }));
      await confirmation.setValue('billing lag');
      await (await overlay.getHarness(MatButtonHarness.with({ text: 'Delete rule' }))).click();

      const deleted = await requestSoon(http, (request) => request.method === 'DELETE');
      expect(deleted.request.url).toBe(`${base}/rules/rule-1`);
      expect(deleted.request.params.get('confirm')).toBe('billing lag');
      deleted.flush(null, { status: 204, statusText: 'No Content' });
      (await requestSoon(http, `${base}/rules`)).flush({ rules: [] });
      await waitFor(() => text().includes('No alert rule yet'));
    });
  });

  describe('for a viewer', () => {
    beforeEach(async () => {
      setUp(aSignedInSession({ role: 'viewer' }));
      await answer([aRule()]);
    });

    it('offers no change', async () => {
      expect(await (await button('Add rule')).isDisabled()).toBeTrue();
      expect(await (await button('Test')).isDisabled()).toBeTrue();
    });
  });
});
