import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { AiProviders } from './AiProviders';
import { AiProviderSummary } from './AiProviderSummary';
import { DataManagement } from './DataManagement';
import { RecycleBin } from './RecycleBin';
import { SystemInfoPanel } from './SystemInfoPanel';

const TABS = ['ai', 'recycle-bin', 'data', 'system'] as const;
type Tab = (typeof TABS)[number];

/** AI providers, the recycle bin, data clean-up and what this instance is. */
export default function SettingsPage() {
  const { can } = useSession();
  const isAdmin = can('admin');
  const [params, setParams] = useSearchParams();
  const visible = TABS.filter((tab) => tab !== 'data' || isAdmin);
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && visible.includes(requested) ? requested : 'ai';

  return (
    <Stack gap="lg">
      <Title order={1}>Settings</Title>
      {!isAdmin && (
        <Alert color="blue" title="Admins only">
          Only workspace admins can change AI providers, clear data or delete items for good. You can see the current
          configuration{can('qa_lead') ? ' and restore deleted items' : ''}.
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'ai' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
        styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }}
      >
        <Tabs.List>
          <Tabs.Tab value="ai">AI providers</Tabs.Tab>
          <Tabs.Tab value="recycle-bin">Recycle bin</Tabs.Tab>
          {isAdmin && <Tabs.Tab value="data">Data</Tabs.Tab>}
          <Tabs.Tab value="system">System</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ai" pt="md">
          {isAdmin ? <AiProviders /> : <AiProviderSummary />}
        </Tabs.Panel>
        <Tabs.Panel value="recycle-bin" pt="md">
          <RecycleBin />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="data" pt="md">
            <DataManagement />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="system" pt="md">
          <SystemInfoPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
