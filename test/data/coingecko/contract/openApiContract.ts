import * as fs from "fs";
import * as path from "path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { sharedProvidersDir } from "../../../helpers/sharedData";

/**
 * Reading an OpenAPI 3.0 document (CoinGecko's coingecko-api-oas demo-api.json / pro-api.json) to
 * hold requests and responses to it. Schemas are checked with ajv (JSON Schema draft-07) and
 * ajv-formats ("date-time" and the like), not by hand.
 *
 * OpenAPI 3.0 schema quirks and how they are met:
 * - `nullable: true` is an OpenAPI keyword, not JSON Schema: ajv 8 implements it natively (a
 *   `type` plus `nullable` admits null), so schemas are used as they are.
 * - `example`, `description`, `x-stainless-*` and other annotations are unknown to draft-07:
 *   `strict: false` makes ajv ignore unknown keywords instead of refusing the schema.
 * - `$ref: "#/components/schemas/X"` points into the document: the document's `components` are
 *   added to ajv under the spec's name, and a schema is compiled as `{ $ref: "<name>#/…" }`.
 * - Query parameters arrive as text: a value is converted by its schema's type (integer, number,
 *   boolean) before validation, as a server would read it; a value that does not convert fails.
 */

export interface OpenApiParameter {
  readonly name: string;
  readonly in: "query" | "path" | "header" | "cookie";
  readonly required?: boolean;
  readonly schema?: Record<string, unknown>;
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly parameters?: readonly OpenApiParameter[];
  readonly responses: Record<
    string,
    { content?: Record<string, { schema?: Record<string, unknown>; example?: unknown }> }
  >;
}

export interface OpenApiDocument {
  readonly servers: readonly { url: string }[];
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: {
    readonly schemas: Record<string, unknown>;
    readonly securitySchemes: Record<string, { type: string; in: string; name: string }>;
  };
  readonly security: readonly Record<string, unknown>[];
}

/** A loaded spec with its validators. */
export interface OpenApiContract {
  readonly file: string;
  readonly document: OpenApiDocument;
  /** The spec's one server, e.g. https://api.coingecko.com/api/v3. */
  readonly serverUrl: string;
  /** The operation whose path template matches `pathname` (under the server's path), with the path parameters. */
  findOperation(
    method: string,
    pathname: string
  ):
    | { template: string; operation: OpenApiOperation; pathParameters: Record<string, string> }
    | undefined;
  /** Problems with a request URL against the spec (empty = valid). */
  checkRequest(method: string, url: string): string[];
  /** The 200 JSON response validator of an operation. */
  responseValidator(operationId: string): ValidateFunction;
  /** The 200 JSON example of an operation, when the spec has one. */
  responseExample(operationId: string): unknown;
}

/** Reads `coingecko/<file>` from ../shared/providers and prepares its validators. */
export function loadContract(file: string): OpenApiContract {
  const document = JSON.parse(
    fs.readFileSync(path.join(sharedProvidersDir, "coingecko", file), "utf8")
  ) as OpenApiDocument;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const specId = `coingecko-${file}`;
  ajv.addSchema({ $id: specId, components: document.components });
  const serverUrl = document.servers[0].url;
  const basePath = new URL(serverUrl).pathname.replace(/\/+$/, "");
  const parameterValidators = new Map<Record<string, unknown>, ValidateFunction>();

  const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      template,
      method: method.toUpperCase(),
      operation,
      matcher: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, "(?<$1>[^/]+)")}$`
      ),
    }))
  );

  function findOperation(method: string, pathname: string) {
    if (!pathname.startsWith(basePath)) return undefined;
    const rest = pathname.slice(basePath.length);
    // A literal path wins over a template ("/coins/markets" over "/coins/{id}"), as in OpenAPI.
    const candidates = operations
      .filter((o) => o.method === method.toUpperCase() && o.matcher.test(rest))
      .sort((a, b) => a.template.split("{").length - b.template.split("{").length);
    const found = candidates[0];
    if (found === undefined) return undefined;
    const groups = found.matcher.exec(rest)?.groups ?? {};
    const pathParameters: Record<string, string> = {};
    for (const [k, v] of Object.entries(groups)) pathParameters[k] = decodeURIComponent(v);
    return { template: found.template, operation: found.operation, pathParameters };
  }

  function checkValue(parameter: OpenApiParameter, text: string): string | undefined {
    const schema = parameter.schema ?? {};
    let value: unknown = text;
    if (schema.type === "integer" || schema.type === "number") {
      const ok = schema.type === "integer" ? /^-?\d+$/.test(text) : /^-?\d+(\.\d+)?$/.test(text);
      if (!ok) return `${parameter.name}=${text} is not ${String(schema.type)}`;
      value = Number(text);
    } else if (schema.type === "boolean") {
      if (text !== "true" && text !== "false") return `${parameter.name}=${text} is not a boolean`;
      value = text === "true";
    }
    let validate = parameterValidators.get(schema);
    if (validate === undefined) {
      validate = ajv.compile(schema);
      parameterValidators.set(schema, validate);
    }
    if (!validate(value)) return `${parameter.name}=${text}: ${ajv.errorsText(validate.errors)}`;
    return undefined;
  }

  function checkRequest(method: string, url: string): string[] {
    const parsed = new URL(url);
    const origin = `${parsed.origin}${basePath}`;
    const problems: string[] = [];
    if (origin !== serverUrl.replace(/\/+$/, ""))
      problems.push(`host ${parsed.origin} is not the spec's server ${serverUrl}`);
    const found = findOperation(method, parsed.pathname);
    if (found === undefined)
      return [...problems, `${method} ${parsed.pathname} is no operation of ${file}`];
    const parameters = found.operation.parameters ?? [];
    const keyNames = Object.values(document.components.securitySchemes)
      .filter((s) => s.in === "query")
      .map((s) => s.name);
    for (const [name, value] of parsed.searchParams) {
      if (keyNames.includes(name)) continue; // checked by the security test
      const parameter = parameters.find((p) => p.in === "query" && p.name === name);
      if (parameter === undefined) {
        problems.push(`${found.operation.operationId} has no query parameter ${name}`);
        continue;
      }
      const problem = checkValue(parameter, value);
      if (problem !== undefined) problems.push(`${found.operation.operationId}: ${problem}`);
    }
    for (const parameter of parameters) {
      if (
        parameter.in === "query" &&
        parameter.required &&
        !parsed.searchParams.has(parameter.name)
      )
        problems.push(`${found.operation.operationId} requires ${parameter.name}`);
      if (parameter.in === "path") {
        const value = found.pathParameters[parameter.name];
        if (value === undefined)
          problems.push(`${found.operation.operationId} lacks path ${parameter.name}`);
        else {
          const problem = checkValue(parameter, value);
          if (problem !== undefined) problems.push(`${found.operation.operationId}: ${problem}`);
        }
      }
    }
    return problems;
  }

  function jsonResponse(operationId: string) {
    const operation = operations.find((o) => o.operation.operationId === operationId);
    const content = operation?.operation.responses["200"]?.content?.["application/json"];
    if (content?.schema === undefined)
      throw new Error(`${file}: ${operationId} has no 200 application/json schema`);
    return content;
  }

  const responseValidators = new Map<string, ValidateFunction>();
  return {
    file,
    document,
    serverUrl,
    findOperation,
    checkRequest,
    responseValidator(operationId) {
      let validate = responseValidators.get(operationId);
      if (validate === undefined) {
        const schema = jsonResponse(operationId).schema as { $ref?: string };
        // A $ref "#/components/…" is resolved inside the document added under specId.
        validate = ajv.compile(
          schema.$ref !== undefined ? { $ref: `${specId}${schema.$ref}` } : schema
        );
        responseValidators.set(operationId, validate);
      }
      return validate;
    },
    responseExample: (operationId) => jsonResponse(operationId).example,
  };
}

/** ajv's errors as one line, for a failing expectation's message. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`)
    .join("; ");
}
