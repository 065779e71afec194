/**
 * GET /openapi/v2 with `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`: the Swagger
 * document as gnostic's openapi_v2.Document (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto),
 * which client-go's discovery client asks for (OpenAPISchema) and kubectl uses for
 * `explain --output=plaintext-openapiv2`, client-side validation and strategic-merge metadata when
 * OpenAPI v3 is not enough. The JSON document is mapped field by field the way gnostic's compiler
 * reads it (vendor extensions and `default`/`enum` values travel as YAML text; JSON is YAML).
 */
import { encodeGnostic, type GnosticValue } from './protobuf.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function anyValue(v: unknown): GnosticValue {
  return { yaml: JSON.stringify(v) };
}

function vendorExtensions(o: Obj): GnosticValue[] {
  return Object.entries(o)
    .filter(([k]) => k.startsWith('x-'))
    .map(([name, v]) => ({ name, value: anyValue(v) }));
}

function schema(s: Obj): GnosticValue {
  const out: GnosticValue = {};
  if (typeof s.$ref === 'string') out._ref = s.$ref;
  if (typeof s.format === 'string') out.format = s.format;
  if (typeof s.title === 'string') out.title = s.title;
  if (typeof s.description === 'string') out.description = s.description;
  if (s.default !== undefined) out.default = anyValue(s.default);
  if (Array.isArray(s.required)) out.required = s.required;
  if (Array.isArray(s.enum)) out.enum = s.enum.map(anyValue);
  if (isObj(s.additionalProperties)) out.additional_properties = { schema: schema(s.additionalProperties) };
  else if (typeof s.additionalProperties === 'boolean') out.additional_properties = { boolean: s.additionalProperties };
  if (typeof s.type === 'string') out.type = { value: [s.type] };
  if (isObj(s.items)) out.items = { schema: [schema(s.items)] };
  if (Array.isArray(s.allOf)) out.all_of = s.allOf.filter(isObj).map(schema);
  if (isObj(s.properties)) out.properties = { additional_properties: Object.entries(s.properties).filter(([, v]) => isObj(v)).map(([name, v]) => ({ name, value: schema(v as Obj) })) };
  if (typeof s.uniqueItems === 'boolean') out.unique_items = s.uniqueItems;
  const ext = vendorExtensions(s);
  if (ext.length) out.vendor_extension = ext;
  return out;
}

function parameter(p: Obj): GnosticValue {
  if (p.in === 'body') {
    return { parameter: { body_parameter: { description: p.description, name: p.name, in: p.in, required: p.required === true, schema: isObj(p.schema) ? schema(p.schema) : undefined } } };
  }
  const sub: GnosticValue = { required: p.required === true, in: p.in, description: p.description, name: p.name, type: p.type, unique_items: p.uniqueItems === true };
  const key = p.in === 'path' ? 'path_parameter_sub_schema' : p.in === 'header' ? 'header_parameter_sub_schema' : p.in === 'formData' ? 'form_data_parameter_sub_schema' : 'query_parameter_sub_schema';
  return { parameter: { non_body_parameter: { [key]: sub } } };
}

function operation(o: Obj): GnosticValue {
  const out: GnosticValue = {};
  if (Array.isArray(o.tags)) out.tags = o.tags;
  if (typeof o.description === 'string') out.description = o.description;
  if (typeof o.operationId === 'string') out.operation_id = o.operationId;
  if (Array.isArray(o.produces)) out.produces = o.produces;
  if (Array.isArray(o.consumes)) out.consumes = o.consumes;
  if (Array.isArray(o.parameters)) out.parameters = o.parameters.filter(isObj).map(parameter);
  if (isObj(o.responses)) {
    out.responses = {
      response_code: Object.entries(o.responses).map(([code, r]) => {
        const resp = r as Obj;
        const response: GnosticValue = { description: resp.description ?? '' };
        if (isObj(resp.schema)) response.schema = { schema: schema(resp.schema) };
        return { name: code, value: { response } };
      }),
    };
  }
  if (Array.isArray(o.schemes)) out.schemes = o.schemes;
  const ext = vendorExtensions(o);
  if (ext.length) out.vendor_extension = ext;
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function pathItem(p: Obj): GnosticValue {
  const out: GnosticValue = {};
  for (const m of METHODS) if (isObj(p[m])) out[m] = operation(p[m] as Obj);
  if (Array.isArray(p.parameters)) out.parameters = p.parameters.filter(isObj).map(parameter);
  return out;
}

let cache: Uint8Array | undefined;

/** The protobuf encoding of the OpenAPI v2 document (cached: the document does not change). */
export function encodeOpenAPIV2(doc: Obj): Uint8Array {
  if (cache) return cache;
  const info = (doc.info ?? {}) as Obj;
  const document: GnosticValue = {
    swagger: doc.swagger,
    info: { title: info.title, version: info.version },
    paths: { path: Object.entries((doc.paths ?? {}) as Obj).map(([name, p]) => ({ name, value: pathItem(p as Obj) })) },
    definitions: { additional_properties: Object.entries((doc.definitions ?? {}) as Obj).map(([name, s]) => ({ name, value: schema(s as Obj) })) },
  };
  cache = encodeGnostic('openapi.v2.Document', document);
  return cache;
}
