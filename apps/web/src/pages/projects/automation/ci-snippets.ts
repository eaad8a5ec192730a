/** Ready-to-copy ways to start a regression run from CI. The token is never in them: CI reads it from SENTRI_TOKEN. */
export interface CiSnippet {
  id: 'curl' | 'github' | 'gitlab';
  label: string;
  /** Where the token goes. */
  hint: string;
  code: string;
}

export function ciSnippets(origin: string, projectId: string): CiSnippet[] {
  const api = `${origin}/api/v1/projects/${encodeURIComponent(projectId)}`;
  return [
    {
      id: 'curl',
      label: 'curl',
      hint: 'Put the token in the SENTRI_TOKEN environment variable first (in CI: a secret variable).',
      code: [
        `# Start a regression run; answers 202 {"runId": "…", "statusUrl": "…"}`,
        `curl -fsS -X POST "${api}/trigger" \\`,
        `  -H "Authorization: Bearer $SENTRI_TOKEN"`,
        ``,
        `# Follow it with the same token: GET the statusUrl until "status" is no longer "running"`,
        `curl -fsS "${api}/trigger/runs/RUN_ID" \\`,
        `  -H "Authorization: Bearer $SENTRI_TOKEN"`,
      ].join('\n'),
    },
    {
      id: 'github',
      label: 'GitHub Actions',
      hint: 'Store the token as the repository secret SENTRI_TOKEN (Settings → Secrets and variables → Actions).',
      code: [
        `jobs:`,
        `  e2e:`,
        `    runs-on: ubuntu-latest`,
        `    steps:`,
        `      - uses: actions/setup-node@v6`,
        `        with: { node-version: 20 }`,
        `      - name: Sentri regression run`,
        `        env:`,
        `          SENTRI_URL: ${origin}`,
        '          SENTRI_TOKEN: ${{ secrets.SENTRI_TOKEN }}',
        `        run: |`,
        `          curl -fsSL "$SENTRI_URL/cli/sentri.mjs" -o sentri.mjs`,
        `          node sentri.mjs run --project ${projectId} --junit sentri-junit.xml --timeout 30m`,
        `      - name: Test report`,
        `        if: always()`,
        `        uses: mikepenz/action-junit-report@v6`,
        `        with: { report_paths: sentri-junit.xml }`,
      ].join('\n'),
    },
    {
      id: 'gitlab',
      label: 'GitLab CI',
      hint: 'Store the token as a masked CI/CD variable SENTRI_TOKEN (Settings → CI/CD → Variables).',
      code: [
        `sentri:`,
        `  image: node:20`,
        `  variables:`,
        `    SENTRI_URL: ${origin}`,
        `  script:`,
        `    - curl -fsSL "$SENTRI_URL/cli/sentri.mjs" -o sentri.mjs`,
        `    - node sentri.mjs run --project ${projectId} --junit sentri-junit.xml --timeout 30m`,
        `  artifacts:`,
        `    when: always`,
        `    reports:`,
        `      junit: sentri-junit.xml`,
      ].join('\n'),
    },
  ];
}
