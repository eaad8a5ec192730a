import { Alert, Anchor, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { reportClientError } from './report-error';

/**
 * What a page that crashed shows instead of a blank screen (the router's error boundary), and
 * the report that lets an operator find the crash in the server log.
 */
export function RouteError() {
  const error = useRouteError();
  const routeResponse = isRouteErrorResponse(error);

  useEffect(() => {
    // A route answering "not found" is not a crash; everything else is.
    if (!routeResponse) reportClientError(error);
  }, [error, routeResponse]);

  const detail = routeResponse
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Stack p="md" maw={720}>
      <Alert color="red" title="This page ran into a problem" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            Something in the dashboard failed while showing this page. It has been reported; reloading usually helps.
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {detail}
          </Code>
          <Group gap="xs">
            <Button size="xs" color="red" variant="light" onClick={() => window.location.reload()}>
              Reload the page
            </Button>
            <Anchor component={Link} to="/" size="sm" reloadDocument>
              Back to the dashboard
            </Anchor>
          </Group>
        </Stack>
      </Alert>
    </Stack>
  );
}
