import { Alert, Anchor, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, messageOf, post } from '../../api/client';
import { projectKeys } from './project-api';

/**
 * Starts a crawl, run or generation and opens its live view at `/runs/<runId>`. The failure stays
 * on the form (with a way to the run already in progress, or to the AI settings).
 */
export function useLaunch(projectId: string) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const launch = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const { runId } = await post<{ runId: string }>(`/projects/${encodeURIComponent(projectId)}${path}`, body);
      void client.invalidateQueries({ queryKey: projectKeys.one(projectId) });
      navigate(`/runs/${encodeURIComponent(runId)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return { launch, busy, error };
}

export function LaunchError({ error }: { error: unknown }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const activeRun = api?.status === 409 && typeof api.body.runId === 'string' ? api.body.runId : null;
  if (api?.code === 'AI_PROVIDER_NOT_CONFIGURED') {
    return (
      <Alert color="yellow" title="No AI provider configured" role="alert">
        <Text size="sm">
          Writing tests from a description needs an AI provider (Anthropic, OpenAI, Google or a local Ollama).{' '}
          <Anchor component={Link} to="/settings" size="sm">
            Add an API key in Settings
          </Anchor>{' '}
          and try again. An attached OpenAPI document works without one.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Could not start" role="alert">
      <Text size="sm">{messageOf(error)}</Text>
      {activeRun && (
        <Anchor component={Link} to={`/runs/${encodeURIComponent(activeRun)}`} size="sm">
          Open {activeRun}
        </Anchor>
      )}
    </Alert>
  );
}
