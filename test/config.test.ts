import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('defaults locally to the emulator, GraphiQL on, no auth, port 4000 on 127.0.0.1', () => {
    const c = readConfig('local', {});
    expect(c).toMatchObject({
      backend: 'emulator',
      graphiql: true,
      server: { port: 4000, host: '127.0.0.1' },
      auth: { mode: 'none' },
      aws: { region: 'us-east-1', maxAttemptsFromEnv: false },
      cors: { origins: [] },
    });
  });

  it('defaults on Lambda to real AWS, GraphiQL off and jwt auth', () => {
    const c = readConfig('lambda', { AWS_REGION: 'eu-west-1' });
    expect(c).toMatchObject({ backend: 'aws', graphiql: false, introspection: false, auth: { mode: 'jwt' } });
  });

  it('calls and signs for UPSTREAM_REGION (us-east-1), not the function’s own AWS_REGION', () => {
    expect(
      readConfig('lambda', { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }).aws.region,
    ).toBe('us-east-1');
    expect(readConfig('lambda', { UPSTREAM_REGION: 'us-west-2' }).aws.region).toBe('us-west-2');
    expect(() => readConfig('lambda', { UPSTREAM_REGION: 'us east' })).toThrow(/UPSTREAM_REGION/);
  });

  it('honours Powertools’ variables, LOG_LEVEL over POWERTOOLS_LOG_LEVEL', () => {
    const c = readConfig('lambda', {
      POWERTOOLS_SERVICE_NAME: 'facade-prod',
      POWERTOOLS_METRICS_NAMESPACE: 'Partners',
      POWERTOOLS_LOG_LEVEL: 'debug',
      STAGE: 'prod',
    });
    expect(c.logLevel).toBe('DEBUG');
    expect(c.observability).toMatchObject({
      serviceName: 'facade-prod',
      metricsNamespace: 'Partners',
      stage: 'prod',
    });
    expect(readConfig('lambda', { POWERTOOLS_LOG_LEVEL: 'DEBUG', LOG_LEVEL: 'WARN' }).logLevel).toBe('WARN');
    expect(readConfig('lambda', {}).observability).toEqual({
      serviceName: 'aws-partner-facade',
      metricsNamespace: 'AwsPartnerFacade',
      stage: undefined,
      tracing: false,
    });
  });

  it('loads the tracer only on Lambda with X-Ray on, unless POWERTOOLS_TRACE_ENABLED=false', () => {
    const xray = { AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000' };
    expect(readConfig('lambda', xray).observability.tracing).toBe(true);
    expect(readConfig('lambda', { ...xray, POWERTOOLS_TRACE_ENABLED: 'false' }).observability.tracing).toBe(
      false,
    );
    expect(readConfig('local', xray).observability.tracing).toBe(false);
  });

  it('refuses AUTH_MODE=none on Lambda unless explicitly allowed', () => {
    expect(() => readConfig('lambda', { AUTH_MODE: 'none' })).toThrow(/AUTH_MODE/);
    expect(readConfig('lambda', { AUTH_MODE: 'none', AUTH_ALLOW_NONE_ON_LAMBDA: 'true' }).auth.mode).toBe(
      'none',
    );
  });

  it('notes AWS_MAX_ATTEMPTS so code does not override it', () => {
    expect(readConfig('local', { AWS_MAX_ATTEMPTS: '5' }).aws.maxAttemptsFromEnv).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['BACKEND', 'localstack'],
    ['GRAPHIQL', 'maybe'],
    ['AUTH_MODE', 'basic'],
    ['LOG_LEVEL', 'LOUD'],
    ['UPSTREAM_REQUEST_TIMEOUT_MS', '99999999'],
    ['JWKS_URL', 'not a url'],
  ])('a bad %s stops the start with a message naming it', (key, value) => {
    expect(() => readConfig('local', { [key]: value })).toThrow(new RegExp(key));
  });

  it('splits CORS_ORIGINS and ignores empty values', () => {
    expect(
      readConfig('local', { CORS_ORIGINS: 'https://a.example, https://b.example,', PORT: '' }).cors.origins,
    ).toEqual(['https://a.example', 'https://b.example']);
  });
});
