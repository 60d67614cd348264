import * as z from 'zod';

/**
 * The only reader of `process.env`. Everything the facade can be configured with is parsed and
 * validated here, once, at start; a bad value stops the start with a message naming the variable.
 *
 * The AWS SDK's own settings (credentials chain, AWS_ENDPOINT_URL_*, AWS_MAX_ATTEMPTS,
 * AWS_RETRY_MODE) are deliberately NOT read here: the SDK honours them itself in `aws` mode, and
 * reading them here would invite code to override them. (Only whether static credentials are present
 * in the environment is noted, for the Lambda warm-up; their values never leave this function.)
 */

export type Runtime = 'local' | 'lambda';
export type Backend = 'emulator' | 'aws';
export type AuthMode = 'none' | 'jwt' | 'iam';
export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'CRITICAL' | 'SILENT';

export interface Config {
  runtime: Runtime;
  backend: Backend;
  /** Local server; the timeouts bound how long a slow client may hold a connection. */
  server: { port: number; host: string; headersTimeoutMs: number; requestTimeoutMs: number };
  graphiql: boolean;
  introspection: boolean;
  logLevel: LogLevel;
  cors: { origins: string[] };
  /** Powertools' names for logs and metrics, and the deploy stage (a metrics dimension). */
  observability: { serviceName: string; metricsNamespace: string; stage?: string; tracing: boolean };
  aws: {
    /**
     * UPSTREAM_REGION: the region both SDK clients call and sign for. Partner Central Selling and
     * Marketplace Catalog are served from us-east-1 only, so AWS_REGION (on Lambda, the function's
     * own region) deliberately does not move it; AWS_ENDPOINT_URL_* still override the endpoint.
     */
    region: string;
    /** true when AWS_MAX_ATTEMPTS is set: then code must not pass maxAttempts. */
    maxAttemptsFromEnv: boolean;
    connectionTimeoutMs: number;
    requestTimeoutMs: number;
    /** Whole-call deadline (all SDK attempts and backoff) so an answer beats API Gateway's 29 s. */
    deadlineMs: number;
    /** Sockets per SDK client: Lambda serves one request at a time, the local server many. */
    maxSockets: number;
    /**
     * true when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set (as on Lambda): only then can
     * the SDK find credentials without any network call. Only their presence is kept here.
     */
    credentialsInEnv: boolean;
  };
  /** Lambda only: run one GraphQL request and one SDK call per service in-process during init. */
  lambda: { warmUp: boolean };
  emulator: { env: Record<string, string | undefined> };
  auth: {
    mode: AuthMode;
    allowNoneOnLambda: boolean;
    jwt: { issuer?: string; audience?: string; jwksUrl?: string };
    scopes: {
      createResourceSnapshot: string;
      resourceSnapshot: string;
      startChangeSet: string;
      changeSet: string;
      cancelChangeSet: string;
      changeSets: string;
      entity: string;
    };
  };
  limits: { maxBodyBytes: number };
}

const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'on' || v === 'yes');
const logLevel = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT']));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  BACKEND: z.enum(['emulator', 'aws']).optional(),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SERVER_HEADERS_TIMEOUT_MS: int(100, 600_000).default(10_000),
  SERVER_REQUEST_TIMEOUT_MS: int(100, 600_000).default(30_000),
  GRAPHIQL: bool.optional(),
  INTROSPECTION: bool.optional(),
  LOG_LEVEL: logLevel.optional(),
  // Powertools' own variables, as Powertools documents them; LOG_LEVEL wins over POWERTOOLS_LOG_LEVEL.
  POWERTOOLS_LOG_LEVEL: logLevel.optional(),
  POWERTOOLS_SERVICE_NAME: z.string().min(1).default('aws-partner-facade'),
  POWERTOOLS_METRICS_NAMESPACE: z.string().min(1).default('AwsPartnerFacade'),
  POWERTOOLS_TRACE_ENABLED: bool.default(true),
  // Set by Lambda where X-Ray tracing is on: only then is the tracer loaded.
  AWS_XRAY_DAEMON_ADDRESS: z.string().min(1).optional(),
  STAGE: z.string().min(1).optional(),
  CORS_ORIGINS: z.string().default(''),
  UPSTREAM_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { message: 'must be an AWS region name, e.g. us-east-1' })
    .default('us-east-1'),
  AWS_MAX_ATTEMPTS: z.string().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  UPSTREAM_CONNECT_TIMEOUT_MS: int(100, 29_000).default(2_000),
  UPSTREAM_REQUEST_TIMEOUT_MS: int(100, 29_000).default(6_000),
  UPSTREAM_DEADLINE_MS: int(100, 29_000).default(25_000),
  UPSTREAM_MAX_SOCKETS: int(1, 1024).optional(),
  AUTH_MODE: z.enum(['none', 'jwt', 'iam']).optional(),
  AUTH_ALLOW_NONE_ON_LAMBDA: bool.default(false),
  JWT_ISSUER: z.url().optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  // Keys fetched over plain HTTP could be swapped in transit: https, or http only on loopback.
  JWKS_URL: z
    .url()
    .refine(
      (u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(u),
      {
        message: 'must be an https URL (http only for localhost)',
      },
    )
    .optional(),
  SCOPE_CREATE_RESOURCE_SNAPSHOT: z.string().min(1).default('partnercentral/snapshots.write'),
  SCOPE_READ_RESOURCE_SNAPSHOT: z.string().min(1).default('partnercentral/snapshots.read'),
  SCOPE_START_CHANGE_SET: z.string().min(1).default('marketplace/changesets.write'),
  SCOPE_READ_CHANGE_SET: z.string().min(1).default('marketplace/changesets.read'),
  SCOPE_CANCEL_CHANGE_SET: z.string().min(1).default('marketplace/changesets.write'),
  SCOPE_LIST_CHANGE_SETS: z.string().min(1).default('marketplace/changesets.read'),
  SCOPE_READ_ENTITY: z.string().min(1).default('marketplace/entities.read'),
  MAX_BODY_BYTES: int(1024, 6 * 1024 * 1024).default(1024 * 1024),
  WARM_UP: bool.default(true),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Treats empty strings as unset, as shells and serverless.yml often export `VAR=`. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function readConfig(runtime: Runtime, env: Record<string, string | undefined> = process.env): Config {
  // Parsed once per process: zod's compiled fast path (generated code) would cost the cold start
  // more to build than it saves on one parse; the result is the same.
  const parsed = envSchema.safeParse(withoutEmpty(env), { jitless: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const local = runtime === 'local';
  const authMode = e.AUTH_MODE ?? (local ? 'none' : 'jwt');
  if (authMode === 'none' && !local && !e.AUTH_ALLOW_NONE_ON_LAMBDA) {
    throw new ConfigError(
      'AUTH_MODE: "none" is refused on Lambda; set AUTH_ALLOW_NONE_ON_LAMBDA=true to allow it explicitly',
    );
  }
  const jwtMissing = (['JWT_ISSUER', 'JWT_AUDIENCE', 'JWKS_URL'] as const).filter((k) => e[k] === undefined);
  if (authMode === 'jwt' && local && jwtMissing.length > 0) {
    throw new ConfigError(
      `${jwtMissing.join(', ')}: required with AUTH_MODE=jwt outside Lambda, where the app verifies bearer tokens itself`,
    );
  }
  if (jwtMissing.length === 1 || jwtMissing.length === 2) {
    throw new ConfigError(
      `${jwtMissing.join(', ')}: JWT_ISSUER, JWT_AUDIENCE and JWKS_URL are set together or not at all`,
    );
  }
  const graphiql = e.GRAPHIQL ?? local;
  return {
    runtime,
    backend: e.BACKEND ?? (local ? 'emulator' : 'aws'),
    server: {
      port: e.PORT,
      host: e.HOST,
      headersTimeoutMs: e.SERVER_HEADERS_TIMEOUT_MS,
      // Node requires the whole request's timeout to be at least the headers' one.
      requestTimeoutMs: Math.max(e.SERVER_REQUEST_TIMEOUT_MS, e.SERVER_HEADERS_TIMEOUT_MS),
    },
    graphiql,
    introspection: e.INTROSPECTION ?? (local || graphiql),
    logLevel: e.LOG_LEVEL ?? e.POWERTOOLS_LOG_LEVEL ?? 'INFO',
    cors: {
      origins: e.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    },
    observability: {
      serviceName: e.POWERTOOLS_SERVICE_NAME,
      metricsNamespace: e.POWERTOOLS_METRICS_NAMESPACE,
      stage: e.STAGE,
      tracing: !local && e.POWERTOOLS_TRACE_ENABLED && e.AWS_XRAY_DAEMON_ADDRESS !== undefined,
    },
    aws: {
      region: e.UPSTREAM_REGION,
      maxAttemptsFromEnv: e.AWS_MAX_ATTEMPTS !== undefined,
      connectionTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
      requestTimeoutMs: e.UPSTREAM_REQUEST_TIMEOUT_MS,
      deadlineMs: e.UPSTREAM_DEADLINE_MS,
      maxSockets: e.UPSTREAM_MAX_SOCKETS ?? (local ? 64 : 16),
      credentialsInEnv: e.AWS_ACCESS_KEY_ID !== undefined && e.AWS_SECRET_ACCESS_KEY !== undefined,
    },
    lambda: { warmUp: e.WARM_UP },
    emulator: { env: Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('EMULATOR_'))) },
    auth: {
      mode: authMode,
      allowNoneOnLambda: e.AUTH_ALLOW_NONE_ON_LAMBDA,
      jwt: { issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, jwksUrl: e.JWKS_URL },
      scopes: {
        createResourceSnapshot: e.SCOPE_CREATE_RESOURCE_SNAPSHOT,
        resourceSnapshot: e.SCOPE_READ_RESOURCE_SNAPSHOT,
        startChangeSet: e.SCOPE_START_CHANGE_SET,
        changeSet: e.SCOPE_READ_CHANGE_SET,
        cancelChangeSet: e.SCOPE_CANCEL_CHANGE_SET,
        changeSets: e.SCOPE_LIST_CHANGE_SETS,
        entity: e.SCOPE_READ_ENTITY,
      },
    },
    limits: { maxBodyBytes: e.MAX_BODY_BYTES },
  };
}
