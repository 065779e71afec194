/** Placeholder: the protobuf form of the OpenAPI v2 document (gnostic openapi_v2.Document). */
export function encodeOpenAPIV2(_doc: Record<string, unknown>): Uint8Array | undefined {
  return undefined;
}
