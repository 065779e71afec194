/** Name syntax checks beyond those in ../labels.ts, with apimachinery's messages (pkg/util/validation). */
import { maxLenError, regexError } from '../labels.ts';

export { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../labels.ts';

const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const re1035 = new RegExp(`^${DNS1035_LABEL}$`);

export function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push(maxLenError(63));
  if (!re1035.test(v)) errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL, 'my-name', 'abc-123'));
  return errs;
}
