import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { AuditService } from './audit.service';

describe('AuditService', () => {
  let service: AuditService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(AuditService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('list', () => {
    it('asks for one cluster, newest first, up to the limit', () => {
      service.list('local', { action: 'consumer-group.offsets', limit: 50 }).subscribe();

      http
        .expectOne({ method: 'GET', url: '/api/audit?cluster=local&limit=50&action=consumer-group.offsets' })
        .flush({ items: [], unavailableClusters: [], integrityWarnings: [] });
    });
  });

  describe('list with filters', () => {
    it('sends only the criteria given', () => {
      service.list('local', { actor: 'alice', subject: '', from: '2026-11-27T10:00:00.000Z' }).subscribe();

      http
        .expectOne({ method: 'GET', url: '/api/audit?cluster=local&limit=200&actor=alice&from=2026-11-27T10:00:00.000Z' })
        .flush({ items: [], unavailableClusters: [], integrityWarnings: [] });
    });
  });

  describe('exportUrl', () => {
    it('names the format and the same filters', () => {
      expect(service.exportUrl('local', { action: 'topic', subject: 'a b' }, 'csv')).toBe(
        '/api/audit/export?cluster=local&format=csv&action=topic&subject=a%20b',
      );
    });
  });
});
