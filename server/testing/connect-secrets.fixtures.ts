import { MASKED_VALUE } from '../connect/connect.model';

/**
 * Secret-bearing connector config keys as operators write them, with how the console shows
 * each. The first 16 were masked before issue 15; the last 10 came back in clear.
 */
export const SECRET_BEARING_CONFIG: { key: string; value: string; shown: string }[] = [
  { key: 'connection.password', value: 'pw-conn-01', shown: MASKED_VALUE },
  { key: 'ssl.key.password', value: 'pw-sslkey-02', shown: MASKED_VALUE },
  { key: 'ssl.keystore.password', value: 'pw-keystore-03', shown: MASKED_VALUE },
  { key: 'ssl.truststore.password', value: 'pw-truststore-04', shown: MASKED_VALUE },
  {
    key: 'sasl.jaas.config',
    value: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="pw-jaas-05";',
    shown: MASKED_VALUE,
  },
  { key: 'producer.override.sasl.jaas.config', value: 'PlainLoginModule required password="pw-jaas-06";', shown: MASKED_VALUE },
  { key: 'aws.secret.access.key', value: 'pw-aws-07', shown: MASKED_VALUE },
  { key: 'api.key', value: 'pw-api-08', shown: MASKED_VALUE },
  { key: 'apiKey', value: 'pw-api-09', shown: MASKED_VALUE },
  { key: 'secretAccessKey', value: 'pw-aws-10', shown: MASKED_VALUE },
  { key: 'bearer.token', value: 'pw-token-11', shown: MASKED_VALUE },
  { key: 'database_password', value: 'pw-db-12', shown: MASKED_VALUE },
  { key: 'CLIENT-SECRET', value: 'pw-client-13', shown: MASKED_VALUE },
  { key: 'oauth2.client.secret', value: 'pw-oauth-14', shown: MASKED_VALUE },
  { key: 'gcs.credentials.json', value: '{"private_key":"pw-gcs-15"}', shown: MASKED_VALUE },
  { key: 'azure.storage.account.key', value: 'pw-azure-16', shown: MASKED_VALUE },
  // Came back in clear before issue 15:
  { key: 'value.converter.basic.auth.user.info', value: 'registry:pw-sr-17', shown: MASKED_VALUE },
  { key: 'key.converter.schema.registry.basic.auth.user.info', value: 'registry:pw-sr-18', shown: MASKED_VALUE },
  {
    key: 'connection.url',
    value: 'jdbc:postgresql://db:5432/app?user=app&password=pw-url-19&ssl=true',
    shown: 'jdbc:postgresql://db:5432/app?user=app&password=********&ssl=true',
  },
  { key: 'connection.uri', value: 'mongodb://app:pw-uri-20@mongo:27017/shop', shown: 'mongodb://app:********@mongo:27017/shop' },
  { key: 'passphrase', value: 'pw-phrase-21', shown: MASKED_VALUE },
  { key: 'private.key.passphrase', value: 'pw-phrase-22', shown: MASKED_VALUE },
  { key: 'auth', value: 'Bearer pw-token-23', shown: MASKED_VALUE },
  { key: 'http.headers.authorization', value: 'Bearer pw-token-24', shown: MASKED_VALUE },
  { key: 'azure.sas', value: 'sv=2022-11-02&ss=b&sig=pw-sig-25', shown: MASKED_VALUE },
  { key: 'webhook.url', value: 'https://hooks.example.com/notify?token=pw-hook-26', shown: 'https://hooks.example.com/********' },
];
