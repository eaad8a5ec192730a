/**
 * A complete `runs` row for tests that need a run in a given state before the run engine can
 * make one: every optional column null, the caller names what matters.
 */
export function runRow(fields) {
    return {
        type: 'test_run',
        triggeredBy: null,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        duration: null,
        error: null,
        errorCategory: null,
        passed: null,
        failed: null,
        total: null,
        pagesFound: null,
        testQueue: null,
        parallelWorkers: null,
        browser: null,
        networkCondition: null,
        options: null,
        tracePath: null,
        videoPath: null,
        generateInput: null,
        promptAudit: null,
        pipelineStats: null,
        feedbackLoop: null,
        qualityAnalytics: null,
        rateLimitError: null,
        workerId: null,
        heartbeatAt: null,
        deletedAt: null,
        ...fields,
    };
}
//# sourceMappingURL=rows.js.map