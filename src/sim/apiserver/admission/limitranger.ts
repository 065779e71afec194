/** LimitRanger (plugin/pkg/admission/limitranger): wired once quantity arithmetic lands (api/quantity.ts). */
import type { AdmissionPlugin } from '../types.ts';

export const limitRanger: AdmissionPlugin = { name: 'LimitRanger' };
