import type { DashboardRepository, SchedulesRepository } from '@sentri/db';
import {
  findBrowserExecutable,
  managedBrowserPath,
  playwrightVersion,
  type BrowserEngine,
  type BrowserLocation,
} from '@sentri/engine';
import type { Config } from '../config/index.js';

const ENGINES: BrowserEngine[] = ['chromium', 'firefox', 'webkit'];

export interface SystemInfoDeps {
  dashboard: DashboardRepository;
  schedules: SchedulesRepository;
  config: Config;
}

/**
 * The workspace-scoped half of `GET /system` (API.md §4.17): how much the caller's workspace
 * holds, and which browsers and Playwright version its runs get on this server.
 */
export class SystemInfoService {
  constructor(private readonly deps: SystemInfoDeps) {}

  async describe(workspaceId: string) {
    const { dashboard, schedules } = this.deps;
    const [totals, byReview, healing, activeSchedules] = await Promise.all([
      dashboard.totals(workspaceId),
      dashboard.testsByReview(workspaceId),
      dashboard.healing(workspaceId),
      schedules.countArmed(workspaceId),
    ]);
    const review = (status: string) => Number(byReview.find((row) => row.reviewStatus === status)?.n ?? 0);
    return {
      ...totals,
      tests: byReview.reduce((sum, row) => sum + Number(row.n), 0),
      approvedTests: review('approved'),
      draftTests: review('draft'),
      healingEntries: healing.entries,
      activeSchedules,
      memoryMB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
      playwrightVersion: playwrightVersion(),
      browsers: this.browsers(),
    };
  }

  /** Looked up on every call: an operator may install a browser while the server runs. */
  browsers(): BrowserLocation[] {
    const { chromiumExecutablePath } = this.deps.config.browser;
    return ENGINES.map((engine) =>
      findBrowserExecutable(engine, chromiumExecutablePath, undefined, managedBrowserPath),
    );
  }
}
