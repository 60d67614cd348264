import { readFileSync } from 'node:fs';

/**
 * What the generated CloudFormation template (`npm run package`) declares for API Gateway and the
 * function, read so the Lambda-faithful harness and the template tests follow the template rather
 * than a copy of it. The intrinsics the template uses are resolved here (Fn::If on conditions of
 * literals, Fn::Split, Fn::Not, Fn::Equals, Ref AWS::NoValue); anything else is kept as is.
 */

export const TEMPLATE_PATH = '.serverless/cloudformation-template-update-stack.json';

export interface GatewayRoute {
  method: string;
  /** The route's path as API Gateway declares it: `/rest/change-sets/{changeSetId}`, `{proxy+}`. */
  path: string;
  /** The authorizer's name (`jwt`), or null for an open route. */
  authorizer: string | null;
}

export interface CorsConfiguration {
  AllowOrigins: string[];
  AllowMethods?: string[];
  AllowHeaders?: string[];
  ExposeHeaders?: string[];
  MaxAge?: number;
  AllowCredentials?: boolean;
}

export interface GatewayTemplate {
  routes: GatewayRoute[];
  authorizers: Record<
    string,
    { type: string; issuer?: string; audience?: string[]; identitySource?: string[] }
  >;
  cors?: CorsConfiguration;
  throttling?: { rateLimit?: number; burstLimit?: number };
  function: {
    runtime: string;
    timeout: number;
    tracing?: string;
    environment: Record<string, string>;
  };
  /** Every IAM action the function's role allows, in template order. */
  iamActions: string[];
  // biome-ignore lint/suspicious/noExplicitAny: the raw template, for assertions on the rest.
  raw: Record<string, any>;
}

const NO_VALUE = Symbol('AWS::NoValue');
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
type Json = any;

function resolver(conditions: Record<string, Json>) {
  const condition = (name: string): boolean => Boolean(resolve(conditions[name]));
  const resolve = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(resolve).filter((v) => v !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const arg = node[key];
      if (key === 'Ref' && arg === 'AWS::NoValue') return NO_VALUE;
      if (key === 'Fn::If') return resolve(condition(arg[0]) ? arg[1] : arg[2]);
      if (key === 'Fn::Not') return !resolve(arg[0]);
      if (key === 'Fn::Equals') return resolve(arg[0]) === resolve(arg[1]);
      if (key === 'Fn::Split') return String(resolve(arg[1])).split(arg[0]);
      if (key === 'Condition') return condition(arg);
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(node)) {
      const value = resolve(v);
      if (value !== NO_VALUE) out[k] = value;
    }
    return out;
  };
  return resolve;
}

export function readGatewayTemplate(path = TEMPLATE_PATH): GatewayTemplate {
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  const resolve = resolver(raw.Conditions ?? {});
  const resources = Object.entries<Json>(raw.Resources).map(([id, r]) => [id, resolve(r)] as const);
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);

  const authorizerNames = new Map<string, string>();
  const authorizers: GatewayTemplate['authorizers'] = {};
  for (const [id, r] of ofType('AWS::ApiGatewayV2::Authorizer')) {
    authorizerNames.set(id, r.Properties.Name);
    authorizers[r.Properties.Name] = {
      type: r.Properties.AuthorizerType,
      issuer: r.Properties.JwtConfiguration?.Issuer,
      audience: r.Properties.JwtConfiguration?.Audience,
      identitySource: r.Properties.IdentitySource,
    };
  }
  const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => {
    const [method, path] = String(r.Properties.RouteKey).split(' ') as [string, string];
    const ref = r.Properties.AuthorizerId?.Ref as string | undefined;
    return { method, path, authorizer: ref ? (authorizerNames.get(ref) ?? ref) : null };
  });
  const api = ofType('AWS::ApiGatewayV2::Api')[0]?.[1];
  const stage = ofType('AWS::ApiGatewayV2::Stage')[0]?.[1];
  const fn = ofType('AWS::Lambda::Function')[0]?.[1];
  const role = ofType('AWS::IAM::Role')[0]?.[1];
  const iamActions = (role?.Properties.Policies ?? []).flatMap((p: Json) =>
    p.PolicyDocument.Statement.flatMap((s: Json) => (Array.isArray(s.Action) ? s.Action : [s.Action])),
  );
  const settings = stage?.Properties.DefaultRouteSettings;
  return {
    routes,
    authorizers,
    cors: api?.Properties.CorsConfiguration,
    throttling: settings && {
      rateLimit:
        settings.ThrottlingRateLimit === undefined ? undefined : Number(settings.ThrottlingRateLimit),
      burstLimit:
        settings.ThrottlingBurstLimit === undefined ? undefined : Number(settings.ThrottlingBurstLimit),
    },
    function: {
      runtime: fn?.Properties.Runtime,
      timeout: fn?.Properties.Timeout,
      tracing: fn?.Properties.TracingConfig?.Mode,
      environment: fn?.Properties.Environment?.Variables ?? {},
    },
    iamActions,
    raw,
  };
}

/** The route a request takes, as API Gateway matches it: literal segments, `{name}`, a last `{name+}`. */
export function matchRoute(
  routes: readonly GatewayRoute[],
  method: string,
  path: string,
): GatewayRoute | undefined {
  const segments = path.split('/');
  const matches = (route: GatewayRoute) => {
    if (route.method !== method && route.method !== 'ANY') return false;
    const pattern = route.path.split('/');
    for (let i = 0; i < pattern.length; i++) {
      const part = pattern[i] as string;
      if (/^\{[^}]+\+\}$/.test(part)) return i === pattern.length - 1 && segments.length > i;
      if (i >= segments.length) return false;
      if (/^\{[^}]+\}$/.test(part)) {
        if (!segments[i]) return false;
      } else if (part !== segments[i]) return false;
    }
    return pattern.length === segments.length;
  };
  // The most specific route wins: literal paths before templated ones, as API Gateway orders them.
  const candidates = routes.filter(matches);
  return candidates.sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))[0];
}
