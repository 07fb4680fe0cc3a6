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
});
