// `-o name` and the success lines of mutating commands: cli-runtime pkg/printers/name.go
// printObj: `<lower(kind)>[.<group>]/<name>[ <operation>]`; with -o name (ShortOutput)
// the operation is dropped. Lists print one line per item.

export interface ObjectLike {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  items?: ObjectLike[];
}

/** The group of an apiVersion (`apps/v1` → `apps`, `v1` → ``). */
export function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/**
 * One line, e.g. `pod/nginx`, `deployment.apps/web created (dry run)`.
 * Throws `missing kind for resource with name <name>` like printObj when kind is empty.
 */
export function nameLine(obj: ObjectLike, operation = '', shortOutput = false): string {
  // NamePrinter.PrintObj: an object without a name (a Status answering a Binding) is "<unknown>".
  const name = obj.metadata?.name || '<unknown>';
  const kind = obj.kind ?? '';
  if (kind.length === 0) throw new Error(`missing kind for resource with name ${name}`);
  let op = operation.length > 0 ? ' ' + operation : '';
  if (shortOutput) op = '';
  const group = groupOf(obj.apiVersion);
  return group.length === 0 ? `${kind.toLowerCase()}/${name}${op}\n` : `${kind.toLowerCase()}.${group}/${name}${op}\n`;
}

/** NamePrinter.PrintObj: lists are flattened to their items. */
export function printName(obj: ObjectLike, operation = '', shortOutput = true): string {
  if (Array.isArray(obj.items) && (obj.kind ?? '').endsWith('List')) {
    return obj.items.map((it) => printName(it, operation, shortOutput)).join('');
  }
  return nameLine(obj, operation, shortOutput);
}
