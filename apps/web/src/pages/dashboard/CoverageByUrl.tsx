import { BarsList } from '@mantine/charts';
import { Text } from '@mantine/core';
import { Panel } from './Panel';

/** Approved tests per page of the app under test, most covered first. */
export function CoverageByUrl({ testsByUrl }: { testsByUrl: Record<string, number> }) {
  const bars = Object.entries(testsByUrl)
    .map(([url, count]) => ({ name: shortUrl(url), value: count, url }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 15);
  const hidden = Object.keys(testsByUrl).length - bars.length;

  return (
    <Panel title="Coverage by URL">
      {bars.length === 0 ? (
        <Text c="dimmed" size="sm">
          No approved tests yet. Approve generated tests to see which pages they cover.
        </Text>
      ) : (
        <>
          <BarsList
            data={bars}
            barsLabel="Page"
            valueLabel="Approved tests"
            barColor="blue.1"
            barTextColor="blue.9"
            minBarSize="40%"
            getBarProps={(bar) => ({ title: (bar as { url?: string }).url ?? bar.name })}
          />
          {hidden > 0 && (
            <Text size="xs" c="dimmed">
              And {hidden} more page{hidden === 1 ? '' : 's'}.
            </Text>
          )}
        </>
      )}
    </Panel>
  );
}

/** "https://shop.example.com/cart?x=1" → "shop.example.com/cart". */
function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
