import { javascript } from '@codemirror/lang-javascript';
import { Alert, Box, Button, Group, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import { ApiError, messageOf, patch } from '../../api/client';
import { notifySuccess } from '../../app/notify';
import { CodeDiff } from './CodeDiff';
import { testKeys, type Test } from './test-model';

type Compare = 'unsaved' | 'previous' | null;

/** Why the server said no, in words a test author can act on. */
function SaveError({ error }: { error: unknown }) {
  const refused = error instanceof ApiError && error.code === 'TEST_CODE_REFUSED';
  const title = refused
    ? 'The server refused this code'
    : error instanceof ApiError && error.status === 400
      ? 'The change is not valid'
      : 'The code was not saved';
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {messageOf(error)}
      </Text>
      {refused && (
        <Text size="xs" c="dimmed" mt={4}>
          Tests may only drive the browser through Playwright: no file system, processes, network modules or dynamic
          code.
        </Text>
      )}
    </Alert>
  );
}

/**
 * The test's Playwright code in an editor. QA leads save changes (which sends an approved test back
 * to draft) and see what changed against the previous version; others read it.
 */
export function CodePanel({ test, canEdit }: { test: Test; canEdit: boolean }) {
  const client = useQueryClient();
  const scheme = useComputedColorScheme('light');
  const saved = test.playwrightCode ?? '';
  const [base, setBase] = useState(saved);
  const [draft, setDraft] = useState(saved);
  const [compare, setCompare] = useState<Compare>(null);
  // New code from the server (a save, a refetch) replaces the editor's text unless it holds unsaved work.
  if (saved !== base) {
    setBase(saved);
    if (draft === base) setDraft(saved);
  }
  const dirty = draft !== saved;

  const extensions = useMemo(
    () => [
      javascript({ typescript: true }),
      EditorView.lineWrapping,
      // A tab stop even when read-only: the code scrolls, and keyboard users must be able to scroll it.
      EditorView.contentAttributes.of({ 'aria-label': `Playwright code of ${test.name}`, tabindex: '0' }),
    ],
    [test.name],
  );

  const save = useMutation({
    mutationFn: () => patch<Test>(`/tests/${encodeURIComponent(test.id)}`, { playwrightCode: draft }),
    onSuccess: (updated) => {
      client.setQueryData(testKeys.detail(test.id), updated);
      void client.invalidateQueries({ queryKey: testKeys.lists(test.projectId) });
      void client.invalidateQueries({ queryKey: testKeys.counts(test.projectId) });
      setDraft(updated.playwrightCode ?? '');
      setCompare(updated.playwrightCodePrev !== null ? 'previous' : null);
      notifySuccess(
        test.reviewStatus !== 'draft' && updated.reviewStatus === 'draft'
          ? 'Code saved; the test is back in review as a draft.'
          : 'Code saved.',
      );
    },
  });

  const prev = test.playwrightCodePrev;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          Code
        </Title>
        {test.codeVersion > 1 && (
          <Text size="xs" c="dimmed">
            Version {test.codeVersion}
          </Text>
        )}
      </Group>
      <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, overflow: 'hidden' }}>
        <CodeMirror
          value={draft}
          onChange={setDraft}
          extensions={extensions}
          theme={scheme === 'dark' ? 'dark' : 'light'}
          editable={canEdit}
          readOnly={!canEdit}
          minHeight="220px"
          maxHeight="560px"
          width="100%"
          basicSetup={{ foldGutter: false, highlightActiveLine: canEdit }}
        />
      </Box>
      {canEdit && (
        <Text size="xs" c="dimmed">
          Tab indents inside the editor; press Esc then Tab to move on.
          {test.reviewStatus === 'approved' && ' Saving a change sends this approved test back to draft.'}
        </Text>
      )}
      {save.error && <SaveError error={save.error} />}
      <Group gap="xs" wrap="wrap">
        {canEdit && (
          <>
            <Button size="sm" onClick={() => save.mutate()} disabled={!dirty} loading={save.isPending}>
              Save code
            </Button>
            <Button
              size="sm"
              variant="default"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setDraft(saved);
                save.reset();
              }}
            >
              Discard changes
            </Button>
          </>
        )}
        {dirty && (
          <Button
            size="sm"
            variant="subtle"
            aria-pressed={compare === 'unsaved'}
            onClick={() => setCompare(compare === 'unsaved' ? null : 'unsaved')}
          >
            {compare === 'unsaved' ? 'Hide unsaved changes' : 'Review unsaved changes'}
          </Button>
        )}
        {prev !== null && (
          <Button
            size="sm"
            variant="subtle"
            aria-pressed={compare === 'previous'}
            onClick={() => setCompare(compare === 'previous' ? null : 'previous')}
          >
            {compare === 'previous' ? 'Hide diff with previous version' : 'Diff with previous version'}
          </Button>
        )}
      </Group>
      {compare === 'unsaved' && dirty && <CodeDiff before={saved} after={draft} label="Unsaved changes" />}
      {compare === 'previous' && prev !== null && (
        <CodeDiff before={prev} after={saved} label="Changes from the previous version" />
      )}
    </Stack>
  );
}
