/** ResourceQuota (plugin/pkg/admission/resourcequota): wired once quantity arithmetic lands (api/quantity.ts). */
import type { AdmissionPlugin } from '../types.ts';

export const resourceQuota: AdmissionPlugin = { name: 'ResourceQuota' };
