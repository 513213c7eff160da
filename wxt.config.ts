import { defineConfig } from 'wxt';
import { manifestIcon, themeIcons, TOOLBAR_ICON } from './utils/background/toolbar-icons';

// Permissions are justified one by one in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/module-solid', '@wxt-dev/webextension-polyfill'],
  // The Firefox sources zip (for AMO review) leaves out what git ignores: test screenshots, results.
  zip: { excludeSources: ['tests/e2e/artifacts/**', 'bench/results.json', '**/*.log'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'activeTab',
      'notifications',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'dial-selection': {
        suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: '__MSG_commandDialSelection__',
      },
    },
    // AgentLogin and the other Integra calls go to the agent's uContact instance.
    host_permissions: ['https://*.ucontactcloud.com/*'],
    // Self-hosted uContact instances: the origin is requested at login, never granted up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // MV2 has no optional_host_permissions (WXT drops the key): origins go in optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : {}),
    // The toolbar button. WXT drops `action` from an MV2 build with a popup (wxt-dev/wxt#2096),
    // so the keys go under the name each build uses.
    [manifestVersion === 2 ? 'browser_action' : 'action']: {
      default_title: '__MSG_extName__',
      default_icon: manifestIcon(TOOLBAR_ICON),
      // Firefox shows `light` on dark toolbars; Chrome has no such key.
      ...(browser === 'firefox' ? { theme_icons: themeIcons() } : {}),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'click-to-call@ucontact.extension',
              // 140 (an ESR) is the first to show data_collection_permissions at install.
              strict_min_version: '140.0',
              // What leaves the browser, and only to the agent's own uContact instance: the
              // agent's login (AgentLogin, SIP digest) and the calls themselves (numbers, audio).
              data_collection_permissions: {
                required: ['authenticationInfo', 'personalCommunications'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Chrome reads admin policy for the extension against this schema (Firefox needs none).
        { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
