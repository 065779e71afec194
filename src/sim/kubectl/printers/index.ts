// Output printers of kubectl: -o yaml, -o json, -o name, and the v1 List wrapper.
export { printYAML, printYAMLDocuments } from './yaml.ts';
export { printJSON, marshalJSON, marshalJSONIndent, goJSONString, goJSONNumber, type KeyOrder, type JSONPrintOptions } from './json.ts';
export { printName, nameLine, groupOf, type ObjectLike } from './name.ts';
export { toList, omitManagedFields, type ListObject } from './list.ts';
