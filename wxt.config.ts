import { defineConfig } from 'wxt';

// Permissions are justified one by one in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/module-solid', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
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
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'click-to-call@ucontact.extension',
              strict_min_version: '115.0',
            },
          },
        }
      : {}),
  }),
});
