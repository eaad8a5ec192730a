import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/PageState';

/** Also what a project, test or run of another workspace looks like: the API says "not found" too. */
export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <EmptyState level={1} title={`This ${what} was not found`}>
      <p>It may have been deleted, or it belongs to a workspace you are not a member of.</p>
      <Button component={Link} to="/" variant="light">
        Go to the dashboard
      </Button>
    </EmptyState>
  );
}
