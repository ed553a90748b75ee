// The command-line switches Dossier starts Chromium with, so that printing a brief reaches no network.
// Measured with strace on Chromium 156: with Playwright's own defaults Chromium still looked up
// accounts.google.com (sign-in's /ListAccounts) and update.googleapis.com (an on-demand component)
// within a second of starting, and kept retrying for as long as it ran.

/**
 * Features that fetch from Google services on their own. Playwright's list comes first: a second
 * `--disable-features` replaces the first rather than adding to it, so this one must carry both.
 */
const DISABLED_FEATURES = [
  // Playwright's (playwright-core chromiumSwitches), kept for the automation they make reliable.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // Optimization guide hints and models, the certificate-transparency log list, autofill's server,
  // translation, Cast discovery, feed suggestions, Google's private prefetch proxy.
  'OptimizationHintsFetching',
  'OptimizationGuideModelDownloading',
  'OptimizationTargetPrediction',
  'CertificateTransparencyComponentUpdater',
  'AutofillServerCommunication',
  'Translate',
  'DialMediaRouteProvider',
  'InterestFeedContentSuggestions',
  'SpeculationRulesPrefetchProxy',
]

/** Every background service that calls out on its own, switched off. Safe for any Chromium Dossier
 * starts, including the one the end-to-end tests drive. */
export const BACKGROUND_SERVICES_OFF = [
  '--disable-background-networking', // variations seed, promotions, and other background fetches
  '--disable-component-update', // the component updater's scheduled checks
  '--disable-field-trial-config', // no built-in field trials either
  '--disable-sync',
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--disable-domain-reliability', // reports of failed requests to Google
  '--disable-breakpad', // no crash uploads
  '--metrics-recording-only', // metrics kept in memory, never uploaded
  '--no-pings', // <a ping> hyperlink auditing
  '--no-first-run',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--password-store=basic', // no keyring over D-Bus
  '--use-mock-keychain',
  '--disable-quic',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
]

/**
 * For the printing browser only: what is still asked for goes nowhere.
 * - The resolver answers "not found" for every host, IP literals included (checked: without it
 *   Chromium connects to http://127.0.0.2:8123/, with it it does not). The value is passed without
 *   shell quotes: no shell parses it, and `"MAP * ~NOTFOUND"` with its quotes is silently ignored.
 * - No proxy, so no WPAD auto-detection either.
 * - The on-device model manifest is read from a local folder (which does not exist) instead of being
 *   fetched on demand, which `--disable-component-update` does not stop.
 * - Sign-in's /ListAccounts check is skipped by the feature Playwright enables for it, where this
 *   Chromium has it (156 still made the request); otherwise the check waits for a network that the
 *   namespace never offers, or dies at the resolver.
 */
export function noRouteSwitches(profileDir: string): string[] {
  return [
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--no-proxy-server',
    `--optimization-guide-manifest-override=${profileDir}/no-on-device-models`,
    '--enable-features=SkipListAccountsWithoutGaiaCookies',
  ]
}

/** What Playwright needs to drive the browser, given here because Dossier passes its own full list. */
export function automationSwitches(profileDir: string, asRoot: boolean): string[] {
  return [
    '--headless',
    '--no-startup-window',
    '--remote-debugging-pipe', // control over fds 3 and 4, no TCP port
    `--user-data-dir=${profileDir}`,
    '--hide-scrollbars',
    '--mute-audio',
    '--force-color-profile=srgb',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    // Running as root (CI, containers) Chromium refuses to start with its sandbox on.
    ...(asRoot ? ['--no-sandbox'] : []),
  ]
}
