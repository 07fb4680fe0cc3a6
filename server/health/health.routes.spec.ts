import { useTestApi } from '../testing/spec-setup';

describe('GET /api/health', () => {
  const { api } = useTestApi();

  it('answers ok with the console version', async () => {
    const res = await api.get('/api/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: jasmine.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
