import { AppShell, Burger, Button, Group, NavLink, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { rotateSession } from '../api/client';
import { useSession } from '../auth/session';
import { notifyError } from './notify';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/projects', label: 'Projects' },
  { to: '/activity', label: 'Activity' },
  { to: '/workspace', label: 'Workspace' },
  { to: '/settings', label: 'Settings' },
];

/** The frame of every signed-in page: navigation, the workspace switcher, the account menu. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { user, signOut } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const workspaces = user?.workspaces ?? [];

  const switchTo = async (workspaceId: string | null) => {
    if (!workspaceId || workspaceId === user?.workspaceId) return;
    try {
      await rotateSession('/workspaces/switch', { workspaceId });
      await client.resetQueries();
      navigate('/');
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            {/* The brand is not a heading: each page has its own h1. */}
            <Text component={Link} to="/" fw={700} size="xl" c="inherit" td="none">
              Sentri
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {workspaces.length > 1 && (
              <Select
                aria-label="Workspace"
                size="xs"
                w={180}
                data={workspaces.map((workspace) => ({ value: workspace.id, label: workspace.name }))}
                value={user?.workspaceId ?? null}
                onChange={(value) => void switchTo(value)}
                allowDeselect={false}
                visibleFrom="xs"
              />
            )}
            <Button size="xs" variant="subtle" onClick={() => void signOut().then(() => navigate('/login'))}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <Stack gap={4}>
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              end={item.end}
              label={item.label}
              active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
              onClick={close}
            />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {user?.name} · {user?.workspaceName} ({user?.workspaceRole?.replace('_', ' ')})
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
