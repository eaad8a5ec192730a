export {
  findBrowserExecutable,
  CHROMIUM_CANDIDATES,
  type BrowserEngine,
  type BrowserLocation,
} from './browser/find-executable.js';
