import { startApp, TestApp } from './support/test-app';
import { engine } from './support/databases';

describe(`health (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the database state, without credentials', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up', engine } });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
