import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`: under NodeNext its default import is the module.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document and JSON bodies, walked freely by tests.
export type Json = Record<string, any>;

export interface RestResponse<T = Json> {
  /** The request URL, against which a relative `Location` resolves. */
  url: string;
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  path?: Record<string, string>;
  query?: Record<string, string | number | string[]>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (malformed JSON, other content types); `headers` then says the content type. */
  rawBody?: string;
}

interface OperationRef {
  method: string;
  path: string;
  operation: Json;
}

const pointer = (...segments: string[]) =>
  `#/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/**
 * A REST client driven by the facade's own OpenAPI document: requests are built from its paths
 * and operations (by operationId), and every response is checked against it: the status must be
 * one the operation declares, the body must validate against that response's schema (ajv, JSON
 * Schema 2020-12, as OpenAPI 3.1 says), and its required headers must be present.
 */
export class OpenApiClient {
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #validators = new Map<string, ValidateFunction>();

  private constructor(
    readonly baseUrl: string,
    readonly document: Json,
  ) {
    addFormats(this.#ajv);
    this.#ajv.addSchema(document, 'openapi.json');
  }

  static async load(baseUrl: string, headers: Record<string, string> = {}): Promise<OpenApiClient> {
    const res = await fetch(`${baseUrl}/rest/openapi.json`, { headers });
    if (res.status !== 200) throw new Error(`GET /rest/openapi.json answered ${res.status}`);
    return new OpenApiClient(baseUrl, (await res.json()) as Json);
  }

  operation(operationId: string): OperationRef {
    for (const [path, item] of Object.entries<Json>(this.document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        if (operation.operationId === operationId) return { method, path, operation };
      }
    }
    throw new Error(`no operation ${operationId} in the document`);
  }

  #validator(ref: string): ValidateFunction {
    let validate = this.#validators.get(ref);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `openapi.json${ref}` });
      this.#validators.set(ref, validate);
    }
    return validate;
  }

  /** Whether the document's request body schema accepts `body` (null when the operation has none). */
  requestBodyErrors(operationId: string, body: unknown): string[] | null {
    const { operation } = this.operation(operationId);
    const ref: string | undefined = operation.requestBody?.$ref;
    if (!ref) return null;
    const validate = this.#validator(`${ref}/content/application~1json/schema`);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  }

  async call<T = Json>(operationId: string, options: CallOptions = {}): Promise<RestResponse<T>> {
    const { method, path, operation } = this.operation(operationId);
    const url = new URL(
      path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = options.path?.[name];
        if (value === undefined) throw new Error(`path parameter ${name} missing`);
        return encodeURIComponent(value);
      }),
      this.baseUrl,
    );
    for (const [name, value] of Object.entries(options.query ?? {})) {
      for (const v of ([] as Array<string | number>).concat(value)) url.searchParams.append(name, String(v));
    }
    const json = options.body !== undefined;
    const res = await fetch(url, {
      method: method.toUpperCase(),
      headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: json ? JSON.stringify(options.body) : options.rawBody,
    });
    const text = await res.text();
    const body = text ? JSON.parse(text) : undefined;
    this.#check(operationId, { method, path, operation }, res, body);
    return { url: url.href, status: res.status, headers: res.headers, body };
  }

  /** What is wrong with a response by the document: null when its status is not declared. */
  responseErrors(operationId: string, status: number, body: unknown): string[] | null {
    const { method, path, operation } = this.operation(operationId);
    if (!operation.responses?.[String(status)]) return null;
    const base = pointer('paths', path, method, 'responses', String(status));
    const validate = this.#validator(`${base}/content/application~1json/schema`);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  }

  #check(operationId: string, { operation }: OperationRef, res: Response, body: unknown): void {
    const where = `${operationId} ${res.status}`;
    const errors = this.responseErrors(operationId, res.status, body);
    if (!errors) throw new Error(`${where}: status not declared in the document: ${JSON.stringify(body)}`);
    if (errors.length > 0)
      throw new Error(`${where}: body does not match the document: ${errors.join('; ')}`);
    for (const [name, header] of Object.entries<Json>(
      operation.responses[String(res.status)].headers ?? {},
    )) {
      if (header.required && !res.headers.has(name)) throw new Error(`${where}: header ${name} missing`);
    }
  }
}
