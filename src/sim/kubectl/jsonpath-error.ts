/**
 * A JSONPath parse or execution failure, with client-go's bare message (callers wrap it as kubectl
 * does). Its own module: jsonpath.ts loads on demand in the browser and exports functions only.
 */
export class JSONPathError extends Error {}
