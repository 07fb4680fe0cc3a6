import { startTestApi, type TestApi } from '../testing/test-api';

describe('GET /api/health', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startTestApi()));
  afterAll(() => api.stop());

  it('answers ok with the console version', async () => {
    const res = await api.get('/api/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: jasmine.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
