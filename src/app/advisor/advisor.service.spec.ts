import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aFinding, aReport, aRocksDbFinding } from './advisor.builders';
import { AdvisorService } from './advisor.service';

describe('AdvisorService', () => {
  let service: AdvisorService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(AdvisorService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('report', () => {
    it("reads the cluster's findings", async () => {
      const report = firstValueFrom(service.report('local'));

      http.expectOne({ method: 'GET', url: '/api/clusters/local/advisor' }).flush(aReport());
      expect((await report).findings[0]!.rule).toBe('durability');
    });

    it('escapes the cluster name', () => {
      service.report('eu west').subscribe();

      http.expectOne('/api/clusters/eu%20west/advisor').flush(aReport());
    });

    describe('when the cluster is unreachable', () => {
      it('fails with the server message', async () => {
        const report = firstValueFrom(service.report('local'));

        http
          .expectOne('/api/clusters/local/advisor')
          .flush(
            { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
            { status: 503, statusText: 'Service Unavailable' },
          );
        await expectAsync(report).toBeRejectedWith(
          jasmine.objectContaining({ status: 503, code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' }),
        );
      });
    });
  });

  describe('group', () => {
    const onOrders = aFinding({ id: 'a', severity: 'warning', subject: { kind: 'topic', name: 'shop.orders' } });
    const onPayments = aFinding({ id: 'b', severity: 'warning', subject: { kind: 'topic', name: 'shop.payments' } });
    const onCluster = aFinding({ id: 'c', severity: 'warning', subject: { kind: 'cluster', name: 'local' } });
    const critical = aFinding({ id: 'd', severity: 'critical' });
    const info = aFinding({ id: 'e', severity: 'info' });

    it('puts critical findings first, then warnings, then info', () =>
      expect(service.group([info, onOrders, critical]).map((group) => [group.heading, group.count])).toEqual([
        ['Critical', 1],
        ['Warnings', 1],
        ['Info', 1],
      ]));

    it('leaves out a severity without findings', () =>
      expect(service.group([onOrders]).map((group) => group.severity)).toEqual(['warning']));

    it('groups by subject, the cluster first, then each kind by name', () =>
      expect(service.group([onPayments, onOrders, onCluster])[0]!.subjects.map((subject) => subject.key)).toEqual([
        'cluster:local',
        'topic:shop.orders',
        'topic:shop.payments',
      ]));

    it("keeps a subject's findings together, in the server's order", () => {
      const second = aFinding({ id: 'a2', severity: 'warning', rule: 'keys', subject: onOrders.subject });

      const [subject] = service.group([onOrders, second])[0]!.subjects;
      expect(subject!.findings.map((view) => view.finding.id)).toEqual(['a', 'a2']);
    });

    it('names the subject kind, its icon and its page', () => {
      const [subject] = service.group([aRocksDbFinding('order-enricher')])[0]!.subjects;

      expect(subject).toEqual(
        jasmine.objectContaining({ kindLabel: 'Streams app', icon: 'account_tree', link: '/clusters/local/streams/order-enricher' }),
      );
    });

    it('words the rule and where the fix goes', () => {
      const [view] = service.group([aRocksDbFinding()])[0]!.subjects[0]!.findings;

      expect([view!.ruleLabel, view!.fixTargetLabel]).toEqual(['RocksDB memory', "In the Streams app's config"]);
    });
  });

  describe('counts', () => {
    it('counts the findings of each severity', () =>
      expect(service.counts([aFinding({ severity: 'critical' }), aFinding({ severity: 'info' }), aFinding({ severity: 'info' })])).toEqual({
        critical: 1,
        warning: 0,
        info: 2,
      }));
  });

  describe('countsLine', () => {
    it('says them in one line', () =>
      expect(service.countsLine({ critical: 1, warning: 2, info: 0 })).toBe('1 critical · 2 warnings · 0 info'));

    it('says one warning in the singular', () =>
      expect(service.countsLine({ critical: 0, warning: 1, info: 3 })).toBe('0 critical · 1 warning · 3 info'));
  });

  describe('ruleChoices', () => {
    it("offers the rules that have findings, in the rules' order, with their counts", () =>
      expect(service.ruleChoices([aRocksDbFinding(), aFinding({ rule: 'durability' }), aRocksDbFinding('billing')])).toEqual([
        { rule: 'durability', label: 'Durability', count: 1 },
        { rule: 'rocksdb', label: 'RocksDB memory', count: 2 },
      ]));
  });

  describe('ofRules', () => {
    const findings = [aFinding({ rule: 'durability' }), aRocksDbFinding()];

    it('keeps the findings of the chosen rules', () =>
      expect(service.ofRules(findings, ['rocksdb']).map((finding) => finding.rule)).toEqual(['rocksdb']));

    describe('when no rule is chosen', () => {
      it('keeps them all', () => expect(service.ofRules(findings, []).length).toBe(2));
    });
  });

  describe('ruleLabel', () => {
    it('says a rule in plain words', () => expect(service.ruleLabel('copartition')).toBe('Co-partitioning'));
  });
});
