import { AppError } from '@sentri/core';
import {
  findBrowserExecutable,
  isKnownDevice,
  managedBrowserPath,
  type BrowserName,
  type NetworkCondition,
} from '@sentri/engine';
import type { Config } from '../config/index.js';

export interface RunRequestBody {
  dialsConfig?: { parallelWorkers?: number };
  browser?: string;
  device?: string;
  locale?: string;
  timezoneId?: string;
  geolocation?: { latitude: number; longitude: number };
  networkCondition?: string;
}

export interface RunOptions {
  workers: number;
  browser: { name: BrowserName; executablePath: string | undefined };
  device?: string;
  locale?: string;
  timezoneId?: string;
  geolocation?: { latitude: number; longitude: number };
  network: NetworkCondition;
}

const ENGINES: BrowserName[] = ['chromium', 'firefox', 'webkit'];
const NETWORKS: NetworkCondition[] = ['fast', 'slow3g', 'offline'];

const invalid = (field: string, message: string) =>
  new AppError('REQUEST_VALIDATION_FAILED', message, { field: `body.${field}` });

/** Browsers usable on this server right now. */
export function availableBrowsers(config: Config): BrowserName[] {
  return ENGINES.filter(
    (engine) =>
      findBrowserExecutable(engine, config.browser.chromiumExecutablePath, undefined, managedBrowserPath).found,
  );
}

/**
 * A run's options, checked: a browser that is not installed, a device Playwright does not know,
 * a locale or time zone the runtime cannot use, each answer 400 naming the problem, instead of
 * the upstream's silent fallback to defaults that runs something other than what was asked.
 */
export function resolveRunOptions(body: RunRequestBody, config: Config): RunOptions {
  const requested = (body.browser ?? config.browser.defaultEngine).toLowerCase();
  if (!ENGINES.includes(requested as BrowserName))
    throw invalid('browser', `Unknown browser "${body.browser}". Use one of: ${ENGINES.join(', ')}.`);
  const engine = requested as BrowserName;
  const location = findBrowserExecutable(engine, config.browser.chromiumExecutablePath, undefined, managedBrowserPath);
  if (!location.found) {
    const available = availableBrowsers(config);
    throw new AppError(
      'RUN_BROWSER_UNAVAILABLE',
      `${engine} is not installed on this server. Available: ${available.join(', ') || 'none'}.`,
      { field: 'body.browser', available: available.join(',') },
    );
  }
  if (body.device !== undefined && !isKnownDevice(body.device))
    throw invalid(
      'device',
      `Unknown device "${body.device}". Use a Playwright device name such as "iPhone 14" or "Pixel 7".`,
    );
  if (body.locale !== undefined) {
    try {
      Intl.getCanonicalLocales(body.locale);
    } catch {
      throw invalid('locale', `"${body.locale}" is not a BCP 47 locale such as en-US or fr-FR.`);
    }
  }
  if (body.timezoneId !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: body.timezoneId });
    } catch {
      throw invalid('timezoneId', `"${body.timezoneId}" is not an IANA time zone such as Europe/Paris.`);
    }
  }
  const network = (body.networkCondition ?? 'fast') as NetworkCondition;
  if (!NETWORKS.includes(network))
    throw invalid('networkCondition', `networkCondition must be one of: ${NETWORKS.join(', ')}.`);
  const requestedWorkers = body.dialsConfig?.parallelWorkers ?? config.execution.defaultWorkers;
  return {
    workers: Math.min(10, Math.max(1, Math.round(requestedWorkers))),
    browser: { name: engine, executablePath: location.executablePath ?? undefined },
    ...(body.device !== undefined ? { device: body.device } : {}),
    ...(body.locale !== undefined ? { locale: body.locale } : {}),
    ...(body.timezoneId !== undefined ? { timezoneId: body.timezoneId } : {}),
    ...(body.geolocation !== undefined ? { geolocation: body.geolocation } : {}),
    network,
  };
}
