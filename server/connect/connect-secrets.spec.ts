import { AppError } from '../shared/app-error';
import { isSecretKey, maskConfig, maskValue, scrubSecrets, unmaskConfig } from './connect-secrets';
import { MASKED_VALUE } from './connect.model';
import { SECRET_BEARING_CONFIG } from '../testing/connect-secrets.fixtures';

describe('connect secrets', () => {
  describe('maskValue', () => {
    describe('for the secret-bearing keys operators use', () => {
      for (const { key, value, shown } of SECRET_BEARING_CONFIG) {
        it(`shows ${key} as ${shown}`, () => expect(maskValue(key, value)).toBe(shown));
      }
    });

    describe('for credentials inside a value that is not a secret itself', () => {
      for (const [value, shown] of [
        [
          'jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password=pw1;encrypt=true',
          'jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password=********;encrypt=true',
        ],
        ['jdbc:mysql://app:pw2@db:3306/shop', 'jdbc:mysql://app:********@db:3306/shop'],
        [
          'mongodb+srv://app:pw3@a.example.net,b.example.net/shop?retryWrites=true',
          'mongodb+srv://app:********@a.example.net,b.example.net/shop?retryWrites=true',
        ],
        ['jdbc:oracle:thin:scott/tiger@db:1521:orcl', 'jdbc:oracle:thin:scott/********@db:1521:orcl'],
        [
          'https://acct.blob.core.windows.net/c?sv=2022&sig=abc%2Fdef&se=2030',
          'https://acct.blob.core.windows.net/c?sv=2022&sig=********&se=2030',
        ],
        ['https://api.example.com/in?access_token=t0k&format=json', 'https://api.example.com/in?access_token=********&format=json'],
        ['https://api.example.com/in?api_key=k3y', 'https://api.example.com/in?api_key=********'],
        ['host=db user=app password=pw4 dbname=shop', 'host=db user=app password=******** dbname=shop'],
        ['Authorization: Bearer abc.def, X-Request-Id: 7', 'Authorization: ********, X-Request-Id: 7'],
        ['Content-Type:application/json|Cookie:session=s3cr3t', 'Content-Type:application/json|Cookie:********'],
      ]) {
        it(`shows ${shown}`, () => expect(maskValue('connection.url', value!)).toBe(shown!));
      }
    });

    describe('for values with nothing secret in them', () => {
      for (const value of ['https://db.example.com:5432/shop?ssl=true', 'jdbc:postgresql://app@db/shop', 'orders', '/tmp/in.txt']) {
        it(`shows ${value} as it is`, () => expect(maskValue('connection.url', value)).toBe(value));
      }
    });

    it('masks the path of a webhook URL, which is itself the credential (Slack, Teams)', () =>
      expect(maskValue('slack.webhook.url', 'https://hooks.slack.com/services/T0/B0/XyZ')).toBe('https://hooks.slack.com/********'));
  });

  describe('isSecretKey', () => {
    describe('for keys that hold a secret', () => {
      for (const key of [
        'connection.password',
        'ssl.key.password',
        'aws.secret.access.key',
        'sasl.jaas.config',
        'api.key',
        'apiKey',
        'secretAccessKey',
        'ssl.keystore.key',
        'bearer.token',
        'database_password',
        'CLIENT-SECRET',
        'key',
        'basic.auth.user.info',
        'schema.registry.basicAuthUserInfo',
        'passphrase',
        'auth',
        'proxy.auth',
        'http.headers.authorization',
        'http.headers.cookie',
        'azure.sas',
      ]) {
        it(`masks ${key}`, () => expect(isSecretKey(key)).toBeTrue());
      }
    });

    describe('for keys about record keys or about where or how a secret is used', () => {
      for (const key of [
        'key.converter',
        'key.converter.schemas.enable',
        'key.ignore',
        'transforms.route.key.field',
        'sasl.oauthbearer.token.endpoint.url',
        'ssl.keystore.location',
        'ssl.keystore.type',
        'password.file',
        'aws.access.key.id',
        'topic',
        'file',
        'connector.class',
        'tasks.max',
        'value.converter',
        'basic.auth.credentials.source',
        'value.converter.basic.auth.credentials.source',
        'auth.type',
        'auth.method',
        'http.auth.enabled',
        'sas.enabled',
        'user',
        'connection.user',
        'webhook.url',
      ]) {
        it(`shows ${key}`, () => expect(isSecretKey(key)).toBeFalse());
      }
    });
  });

  describe('maskConfig', () => {
    it('replaces only the secret values, and the secret parts of URLs', () => {
      expect(
        maskConfig({
          'connection.password': 'hunter2',
          'key.converter': 'StringConverter',
          'connection.url': 'mongodb://app:hunter2@db/shop',
        }),
      ).toEqual({
        'connection.password': MASKED_VALUE,
        'key.converter': 'StringConverter',
        'connection.url': 'mongodb://app:********@db/shop',
      });
    });
  });

  describe('unmaskConfig', () => {
    const stored = {
      'connection.password': 'hunter2',
      topic: 'orders',
      'connection.url': 'jdbc:postgresql://db:5432/shop?user=app&password=s3cret',
      'connection.uri': 'mongodb://app:pw1@mongo:27017/shop?authSource=admin&tlsCertificateKeyFilePassword=pw2',
    };

    describe('when a value is still the mask', () => {
      it('keeps the stored secret', () => {
        expect(unmaskConfig({ 'connection.password': MASKED_VALUE, topic: 'payments' }, stored)).toEqual({
          'connection.password': 'hunter2',
          topic: 'payments',
        });
      });
    });

    describe('when a URL comes back as it was shown', () => {
      it('puts the stored password back into it', () => {
        const shown = maskConfig(stored);
        expect(unmaskConfig(shown, stored)).toEqual(stored);
      });
    });

    describe('when the operator changed a URL around its masked password', () => {
      it('puts the stored passwords back, in order, keeping the change', () => {
        expect(
          unmaskConfig(
            { 'connection.uri': 'mongodb://app:********@mongo-2:27017/shop?authSource=admin&tlsCertificateKeyFilePassword=********' },
            stored,
          ),
        ).toEqual({ 'connection.uri': 'mongodb://app:pw1@mongo-2:27017/shop?authSource=admin&tlsCertificateKeyFilePassword=pw2' });
      });
    });

    describe('when the operator typed a new password into the URL', () => {
      it('takes the new one', () => {
        const url = 'jdbc:postgresql://db:5432/shop?user=app&password=new-one';
        expect(unmaskConfig({ 'connection.url': url }, stored)).toEqual({ 'connection.url': url });
      });
    });

    describe('when a URL holds more masks than the stored one has secrets', () => {
      it('refuses with 400 VALIDATION_FAILED naming the key', () => {
        expect(() => unmaskConfig({ 'connection.url': 'jdbc:postgresql://u:********@db/shop?password=********' }, stored)).toThrow(
          jasmine.objectContaining<AppError>({
            status: 400,
            code: 'VALIDATION_FAILED',
            message: jasmine.stringContaining('connection.url'),
          }),
        );
      });
    });

    describe('when the operator typed a new secret', () => {
      it('takes the new one', () => {
        expect(unmaskConfig({ 'connection.password': 'correct horse' }, stored)).toEqual({ 'connection.password': 'correct horse' });
      });
    });

    describe('when the mask has no stored value behind it', () => {
      it('refuses with 400 VALIDATION_FAILED naming the key', () => {
        expect(() => unmaskConfig({ 'api.key': MASKED_VALUE }, stored)).toThrow(
          jasmine.objectContaining<AppError>({ status: 400, code: 'VALIDATION_FAILED', message: jasmine.stringContaining('api.key') }),
        );
      });
    });
  });

  describe('scrubSecrets', () => {
    it('masks a secret value the worker quotes in a message', () => {
      expect(scrubSecrets('Invalid value hunter2 for configuration db.password', { 'db.password': 'hunter2', topic: 'orders' })).toBe(
        'Invalid value ******** for configuration db.password',
      );
    });

    it('masks the password of a URL the worker quotes', () => {
      expect(scrubSecrets('Cannot connect to mongodb://app:s3cret@db/shop', { 'connection.uri': 'mongodb://app:s3cret@db/shop' })).toBe(
        'Cannot connect to mongodb://app:********@db/shop',
      );
    });

    it('leaves values of other keys alone', () =>
      expect(scrubSecrets('Invalid value orders', { topic: 'orders' })).toBe('Invalid value orders'));
  });
});
