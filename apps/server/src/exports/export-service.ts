import { AppError } from '@sentri/core';
import { buildPlaywrightProject } from '@sentri/engine';
import { zipSync } from 'fflate';
import type { ProjectRow, ProjectsRepository, TestsRepository } from '@sentri/db';
import type { WorkspaceScope } from '../auth/access.js';
import { toTestView, type TestView } from '../tests/test-view.js';
import { exportFileName, testRailCsv, traceability, zephyrCsv } from './csv-exports.js';

export interface FileExport {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

/** Tests leaving Sentri: test-management CSVs and the requirement traceability matrix (API.md §4.10). */
export class ExportService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly tests: TestsRepository,
  ) {}

  async csv(
    scope: Pick<WorkspaceScope, 'id'>,
    projectId: string,
    format: 'zephyr' | 'testrail',
    status: string | undefined,
  ): Promise<FileExport> {
    const { project, tests } = await this.load(scope, projectId);
    const selected = status ? tests.filter((test) => test.reviewStatus === status) : tests;
    return {
      fileName: exportFileName(project.name, `${format}.csv`),
      contentType: 'text/csv; charset=utf-8',
      body: format === 'zephyr' ? zephyrCsv(selected) : testRailCsv(selected),
    };
  }

  /** The approved tests as a standalone Playwright project, zipped in memory (no `zip` binary needed). */
  async playwrightZip(scope: Pick<WorkspaceScope, 'id'>, projectId: string): Promise<FileExport> {
    const { project, tests } = await this.load(scope, projectId);
    const files = buildPlaywrightProject({
      projectName: project.name,
      baseUrl: project.url,
      tests: tests.filter((test) => test.reviewStatus === 'approved'),
    });
    const encoder = new TextEncoder();
    const entries = Object.fromEntries(Object.entries(files).map(([file, content]) => [file, encoder.encode(content)]));
    return {
      fileName: exportFileName(project.name, 'playwright.zip', true),
      contentType: 'application/zip',
      body: zipSync(entries, { level: 6 }),
    };
  }

  async traceability(scope: Pick<WorkspaceScope, 'id'>, projectId: string) {
    const { project, tests } = await this.load(scope, projectId);
    return traceability(project, tests);
  }

  async load(
    scope: Pick<WorkspaceScope, 'id'>,
    projectId: string,
  ): Promise<{ project: ProjectRow; tests: TestView[] }> {
    const project = await this.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', 'project not found');
    return { project, tests: (await this.tests.listByProject(project.id)).map(toTestView) };
  }
}
