import type { CrmAdapter } from '../adapter';

/**
 * Any other site the agent enabled: `tel:` links and numbers in text, nothing site-specific.
 * Also the fallback for CRM pages no other adapter claims.
 */
export const generic: CrmAdapter = {
  id: 'generic',
  name: 'Generic (tel: links and text)',
  matches: [],
};
