import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { onProcessExit } from './on-exit';

/** Debian's Firefox ESR; puppeteer-core never downloads a browser. */
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built Firefox add-on (`npm run build:firefox`), loaded unpacked as a temporary add-on. */
export const DEFAULT_FIREFOX_EXTENSION_PATH = join(repoRoot, '.output/firefox-mv2');

/**
 * Firefox picks a random moz-extension:// host per profile unless this pref names one; a fixed one
 * lets tests open moz-extension://UUID/popup.html, as Chromium's id comes from its service worker.
 */
export const FIREFOX_EXTENSION_UUID = '6d1f0c2a-5b7e-4c3d-9a81-2f4e6b8c0d15';

export interface FirefoxPrefsOptions {
  /** The add-on's gecko id, for the fixed moz-extension UUID. */
  geckoId: string;
  /** Every host name resolves to this address (default 127.0.0.1: the rig on loopback). */
  resolveTo?: string;
  /** file: URL of a default-permissions file (see `defaultPermissions()`). */
  defaultPermissionsUrl?: string;
  /**
   * Answer every microphone prompt with a one-shot "Allow" (default false: Firefox's real policy,
   * where only a remembered grant lets a capture start without a prompt). See firefoxPrefs().
   */
  allowMicrophoneOnce?: boolean;
}

/**
 * Firefox's default-permissions file format (`matchtype \t type \t permission \t origin`, 1 =
 * allow): the microphone allowed for the add-on, as after the agent ticked "Remember this decision"
 * in the options page. WebDriver BiDi cannot set it (`permissions.setPermission` rejects
 * "microphone", Bug 1609427).
 *
 * It matters beyond the prompt: without a persistent grant (or a capture Firefox counts as
 * active), Firefox gathers ICE candidates on the default route's address only, and the loopback-only
 * namespace has no default route, so the offer carries no candidate and no RTP ever flows.
 */
export function defaultPermissions(origin: string): string {
  return `origin\tmicrophone\t1\t${origin}\n`;
}

/**
 * Firefox's counterpart of `chromiumArgs()`: fake media, loopback RTP, production host names on
 * loopback, and nothing phoning home (telemetry, updates, remote settings, captive portal).
 */
export function firefoxPrefs(options: FirefoxPrefsOptions): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({
      [options.geckoId]: FIREFOX_EXTENSION_UUID,
    }),
    // A fake microphone (a tone): Chromium's fake-device flag.
    'media.navigator.streams.fake': true,
    // Skips the prompt as if the agent clicked Allow without "Remember this decision": the
    // permission stays `prompt`. It would also lift Firefox's ban on capturing in background pages
    // (WebRTCParent.sys.mjs), so the phone's tests never set it: they must pass Firefox's real rules.
    ...(options.allowMicrophoneOnce ? { 'media.navigator.permission.disabled': true } : {}),
    ...(options.defaultPermissionsUrl
      ? { 'permissions.manager.defaultsUrl': options.defaultPermissionsUrl }
      : {}),
    // The namespace has only loopback: without these, ICE has no candidate the far end can reach.
    'media.peerconnection.ice.loopback': true,
    'media.peerconnection.ice.obfuscate_host_addresses': false,
    'media.autoplay.default': 0,
    // Like `--host-resolver-rules=MAP *.ucontactcloud.com 127.0.0.1` (no wildcards in Firefox's
    // localDomains; inside the namespace there is nothing else to resolve to anyway).
    'network.dns.forceResolve': options.resolveTo ?? '127.0.0.1',
    'network.dns.disableIPv6': true,
    'network.trr.mode': 5,
    'network.proxy.type': 0,
    'intl.locale.requested': 'en-US',
    'intl.accept_languages': 'en-US',
    // Quiet: no telemetry, studies, updates, remote settings, OCSP or connectivity probes.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    // puppeteer points these at http://dummy.test, which forceResolve sends to 127.0.0.1.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'messaging-system.rsexperimentloader.enabled': false,
    'datareporting.policy.firstRunURL': '',
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'app.update.auto': false,
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'security.OCSP.enabled': 0,
    'media.gmp-gmpopenh264.enabled': false,
  };
}

export interface FirefoxExtensionBrowserOptions {
  extensionPath?: string;
  headless?: boolean;
  /** See `FirefoxPrefsOptions.allowMicrophoneOnce`. */
  allowMicrophoneOnce?: boolean;
  /**
   * The add-on starts with the microphone allowed, as after "Remember this decision" (default
   * true). False: no stored grant, as on first install or after a one-shot grant.
   */
  rememberedMicrophone?: boolean;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on's gecko id (browser_specific_settings.gecko.id). */
  geckoId: string;
  /** moz-extension://UUID */
  origin: string;
  /** moz-extension://UUID/popup.html in a new tab. */
  openPopup(): Promise<Page>;
  /** Any extension page, e.g. 'options.html'. */
  openExtensionPage(path: string): Promise<Page>;
  /** An extension page the add-on opened itself (e.g. 'microphone.html'), once it is there. */
  waitForExtensionPage(path: string, timeout?: number): Promise<Page>;
  /** How many tabs show this extension page now. */
  countExtensionPages(path: string): Promise<number>;
  close(): Promise<void>;
}

/** Firefox ESR over WebDriver BiDi with the built add-on installed unpacked (temporary). */
export async function launchFirefoxWithExtension(
  options: FirefoxExtensionBrowserOptions = {},
): Promise<FirefoxExtensionBrowser> {
  const extensionPath = options.extensionPath ?? DEFAULT_FIREFOX_EXTENSION_PATH;
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`No gecko id in ${extensionPath}/manifest.json (built?)`);

  const userDataDir = mkdtempSync(join(tmpdir(), 'uct-firefox-'));
  const forget = onProcessExit(() => rmSync(userDataDir, { recursive: true, force: true }));
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const permissionsFile = join(userDataDir, 'uct-default-permissions');
  writeFileSync(
    permissionsFile,
    options.rememberedMicrophone === false ? '' : defaultPermissions(origin),
  );
  // UCT_FIREFOX_DEBUG=1: Firefox's output and every console message (background page too) on stderr.
  const debug = process.env.UCT_FIREFOX_DEBUG === '1';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    userDataDir,
    // The rig's servers use a self-signed certificate (tests/rig/certs.ts); over BiDi this
    // applies to the whole browser, the add-on's background page included.
    acceptInsecureCerts: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// URLs without it ("Navigation to ... is
    // not allowed in this context"): only http(s), file, blob and about:blank are "safe".
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...firefoxPrefs({
        geckoId,
        defaultPermissionsUrl: pathToFileURL(permissionsFile).href,
        allowMicrophoneOnce: options.allowMicrophoneOnce,
      }),
      ...(debug
        ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }
        : {}),
    },
    dumpio: debug,
  });
  const cleanUp = async () => {
    await browser.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    forget();
  };
  try {
    await browser.installExtension(extensionPath);
  } catch (error) {
    await cleanUp();
    throw new Error(`Firefox refused the add-on in ${extensionPath}: ${String(error)}`);
  }

  const url = (path: string) => `${origin}/${path}`;
  /**
   * Tabs showing this URL. Puppeteer's own `page.url()` stays about:blank for extension documents
   * (Firefox sends no BiDi navigation events for them), so each page is asked where it is.
   */
  const pagesAt = async (href: string): Promise<Page[]> => {
    const pages = await browser.pages();
    const locations = await Promise.all(
      pages.map((page) => page.evaluate(() => location.href).catch(() => '')),
    );
    return pages.filter((_, index) => locations[index] === href);
  };
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await navigateExtensionPage(page, url(path));
    return page;
  };

  return {
    browser,
    geckoId,
    origin,
    openPopup: () => openExtensionPage('popup.html'),
    openExtensionPage,
    async waitForExtensionPage(path, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const [page] = await pagesAt(url(path));
        if (page) return page;
        if (Date.now() > deadline) throw new Error(`No tab showed ${path} within ${timeout} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async countExtensionPages(path) {
      return (await pagesAt(url(path))).length;
    },
    close: cleanUp,
  };
}

/** The slice of puppeteer's BiDi frame used below (not in its public types). */
interface BidiBrowsingContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
}

/**
 * `page.goto()` never resolves for moz-extension:// pages: Firefox 153 sends no BiDi
 * load/domContentLoaded events for documents in the extension process, and puppeteer waits for
 * them. The navigate command itself does wait for the load (`complete`), so it is used directly.
 */
async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: BidiBrowsingContext })
    .browsingContext;
  if (!context) throw new Error('Not a WebDriver BiDi page: cannot open extension pages');
  await context.navigate(url, 'complete');
  await page.waitForFunction((expected) => location.href === expected, {}, url);
}
