// Fixtures under testdata/ were captured from a real kubectl v1.33.1, offline (see
// ../../yaml/testdata/oracle/capture.mjs). kubesim models v1.35, where metadata.creationTimestamp
// is `omitzero` (apimachinery commit 503b989, first tag kubernetes-1.34.0): objects built by
// the client no longer print `creationTimestamp: null`. This is the only adjustment applied.
// When that member was the only one of its ObjectMeta (a pod template's metadata), the struct
// still marshals, now as `{}`.

/** Removes `creationTimestamp: null` from captured -o yaml / -o json output. */
export function toV135(out: string): string {
  // YAML: `metadata:\n  creationTimestamp: null\n` followed by a line that is not deeper → `metadata: {}`
  let s = out.replace(/^([ ]*)([^\n]*):\n([ ]+)creationTimestamp: null\n(?!\3)/gm, (m, ind: string, key: string, inner: string) =>
    inner.length > ind.length ? `${ind}${key}: {}\n` : m,
  );
  s = s.replace(/^[ ]*creationTimestamp: null\n/gm, '');
  // JSON: a metadata object holding only creationTimestamp becomes {}.
  s = s.replace(/\{\n[ ]*"creationTimestamp": null\n[ ]*\}/g, '{}');
  // JSON: the member may be last in its object (then the previous line loses its comma).
  s = s.replace(/,\n([ ]*)"creationTimestamp": null\n/g, '\n');
  s = s.replace(/^[ ]*"creationTimestamp": null,\n/gm, '');
  return s;
}
