import { t, type MessageKey } from '../i18n';

/** What the options page's About card says about the extension. */
export interface ExtensionDescription {
  name: string;
  /** From the manifest, which WXT fills in from package.json. */
  version: string;
  /** The privacy summary, one plain sentence or two an item, localized. */
  privacy: string[];
  /** Where the full privacy statement is (PRIVACY.md, published in the store listings). */
  privacyFull: string;
}

const PRIVACY_SUMMARY: MessageKey[] = [
  'aboutPrivacyLocal',
  'aboutPrivacySession',
  'aboutPrivacyNetwork',
  'aboutPrivacyNone',
];

/**
 * The name from the messages, not the manifest: `getManifest()` returns `__MSG_extName__` as written.
 */
export function describeExtension(): ExtensionDescription {
  return {
    name: t('extName'),
    version: browser.runtime.getManifest().version,
    privacy: PRIVACY_SUMMARY.map((key) => t(key)),
    privacyFull: t('aboutPrivacyFull'),
  };
}
