import { AppError } from '../shared/app-error';
import { isSecretKey, maskConfig, scrubSecrets, unmaskConfig } from './connect-secrets';
import { MASKED_VALUE } from './connect.model';

describe('connect secrets', () => {
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
      ]) {
        it(`masks ${key}`, () => expect(isSecretKey(key)).toBeTrue());
      }
    });

    describe('for keys about record keys or about where a secret lives', () => {
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
      ]) {
        it(`shows ${key}`, () => expect(isSecretKey(key)).toBeFalse());
      }
    });
  });

  describe('maskConfig', () => {
    it('replaces only the secret values', () => {
      expect(maskConfig({ 'connection.password': 'hunter2', 'key.converter': 'StringConverter' })).toEqual({
        'connection.password': MASKED_VALUE,
        'key.converter': 'StringConverter',
      });
    });
  });

  describe('unmaskConfig', () => {
    const stored = { 'connection.password': 'hunter2', topic: 'orders' };

    describe('when a value is still the mask', () => {
      it('keeps the stored secret', () => {
        expect(unmaskConfig({ 'connection.password': MASKED_VALUE, topic: 'payments' }, stored)).toEqual({
          'connection.password': 'hunter2',
          topic: 'payments',
        });
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

    it('leaves values of other keys alone', () =>
      expect(scrubSecrets('Invalid value orders', { topic: 'orders' })).toBe('Invalid value orders'));
  });
});
