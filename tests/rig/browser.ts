import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Worker,
} from 'playwright-core';
import { onProcessExit } from './on-exit';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built Chrome extension (`npm run build`); tests run against built output, never dev mode. */
export const DEFAULT_EXTENSION_PATH = join(repoRoot, '.output/chrome-mv3');

export interface ChromiumArgsOptions {
  extensionPath?: string;
  /** Default maps every *.ucontactcloud.com host to the rig on loopback. */
  hostResolverRules?: string;
  /**
   * Loopback ports Chromium treats as public Internet, as the real uContact servers are. Without
   * this, Local Network Access checks (Chromium 14x+) block a page or extension from reaching them
   * (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS). Default: 443 (API), 8088 (ws), 8089 (wss).
   */
  publicLoopbackPorts?: number[];
  /**
   * The browser's UI language, default `en-US` (CONTRACT.md's names are the en strings). Two
   * switches make it, both needed (measured with Chromium 156 headless): `--lang` picks the
   * extension's `_locales/<lang>/messages.json` for `i18n.getMessage()`, and Playwright's `locale`
   * (a CDP locale override) is what `i18n.getUILanguage()`, `navigator.language` and `Intl`
   * report. `--lang` alone leaves getUILanguage() at en-US; LANGUAGE/LANG/LC_ALL change neither.
   */
  uiLanguage?: string;
  extraArgs?: string[];
}

export const DEFAULT_UI_LANGUAGE = 'en-US';

export const DEFAULT_PUBLIC_LOOPBACK_PORTS = [443, 8088, 8089];

/** DESIGN.md §6 recipe: fake media, loopback RTP, nothing phoning home, production host names on loopback. */
export function chromiumArgs(options: ChromiumArgsOptions = {}): string[] {
  const args = [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    // Without it SIP reaches Established but no RTP flows between loopback peers.
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    `--lang=${options.uiLanguage ?? DEFAULT_UI_LANGUAGE}`,
    `--host-resolver-rules=${options.hostResolverRules ?? 'MAP *.ucontactcloud.com 127.0.0.1'}`,
    // The rig's servers use a self-signed certificate (tests/rig/certs.ts).
    '--ignore-certificate-errors',
    `--ip-address-space-overrides=${(options.publicLoopbackPorts ?? DEFAULT_PUBLIC_LOOPBACK_PORTS)
      .map((port) => `127.0.0.1:${port}=public`)
      .join(',')}`,
  ];
  if (options.extensionPath) {
    args.push(
      `--disable-extensions-except=${options.extensionPath}`,
      `--load-extension=${options.extensionPath}`,
    );
  }
  return [...args, ...(options.extraArgs ?? [])];
}

/** A plain Chromium (no extension) with the same flags, e.g. for far-end phones. */
export function launchBrowser(
  options: Omit<ChromiumArgsOptions, 'extensionPath'> = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(options),
  });
}

export interface ExtensionBrowserOptions extends ChromiumArgsOptions {
  /** Reuse a profile (browser-restart tests); by default a fresh temp dir. */
  userDataDir?: string;
  /** Keep the profile dir on close(). Default: keep only if it was passed in. */
  keepUserDataDir?: boolean;
  headless?: boolean;
  serviceWorkerTimeoutMs?: number;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /**
   * The extension's service worker. Playwright keeps one Worker per registration across
   * stop/start, so this stays valid after stopServiceWorkers(); while the worker is stopped,
   * evaluate() on it waits until something (a message, an event) starts it again.
   */
  serviceWorker(timeoutMs?: number): Promise<Worker>;
  /** chrome-extension://ID/popup.html in a new tab. */
  openPopup(): Promise<Page>;
  /** Any extension page, e.g. 'options.html'. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Stops every service worker, as Chrome does after 30 s idle (which never happens on its own
   * here: an attached debugger keeps workers alive). Resolves once Chromium reports them stopped.
   */
  stopServiceWorkers(): Promise<void>;
  /** Closes the browser and launches it again on the same profile ("browser restart"). */
  relaunch(): Promise<ExtensionBrowser>;
  close(options?: { keepUserDataDir?: boolean }): Promise<void>;
}

export async function launchBrowserWithExtension(
  options: ExtensionBrowserOptions = {},
): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? DEFAULT_EXTENSION_PATH;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'uct-profile-'));
  const keepByDefault = options.keepUserDataDir ?? options.userDataDir !== undefined;
  const forget = keepByDefault
    ? () => undefined
    : onProcessExit(() => rmSync(userDataDir, { recursive: true, force: true }));

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: options.uiLanguage ?? DEFAULT_UI_LANGUAGE,
    args: chromiumArgs({ ...options, extensionPath }),
  });
  const timeoutMs = options.serviceWorkerTimeoutMs ?? 10_000;
  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://');

  const serviceWorker = async (ms = timeoutMs): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: ms }));

  let extensionId: string;
  try {
    extensionId = new URL((await serviceWorker()).url()).host;
  } catch (error) {
    await context.close();
    throw new Error(`No extension service worker from ${extensionPath} (built?): ${String(error)}`);
  }

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };

  const close = async (closeOptions: { keepUserDataDir?: boolean } = {}): Promise<void> => {
    await context.close();
    if (!(closeOptions.keepUserDataDir ?? keepByDefault)) {
      rmSync(userDataDir, { recursive: true, force: true });
      forget();
    }
  };

  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    openPopup: () => openExtensionPage('popup.html'),
    openExtensionPage,
    stopServiceWorkers: async () => {
      // A page target is needed for a CDP session in a persistent context (no browser object).
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        const running = new Map<string, string>();
        const allStopped = new Promise<void>((resolve) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            for (const v of versions) running.set(v.versionId, v.runningStatus);
            if ([...running.values()].every((status) => status === 'stopped')) resolve();
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        // stopAllWorkers returns before the workers are down; wait for Chromium to say so.
        await Promise.race([allStopped, sleep(5_000)]);
      } finally {
        await cdp.detach();
      }
    },
    relaunch: async () => {
      await close({ keepUserDataDir: true });
      return launchBrowserWithExtension({
        ...options,
        userDataDir,
        keepUserDataDir: keepByDefault,
      });
    },
    close,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
