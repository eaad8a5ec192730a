import {
  DEFAULT_THEME,
  darken,
  type MantineColorsTuple,
  defaultVariantColorsResolver,
  parseThemeColor,
  Anchor,
  Badge,
  Button,
  Drawer,
  MantineProvider,
  Modal,
  Notification,
  createTheme,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { SessionProvider } from '../auth/session';
import { router } from './routes';

// Mantine's default indigo.6 buttons fall short of WCAG AA contrast on white; one shade darker
// passes (see also contrast.css).
// Links inside text are underlined: colour alone does not tell everyone they are links.
// Text in a theme colour (log levels, badges, alerts) must reach 4.5:1 on white and on its own
// light tint; Mantine's default greens, yellows and oranges do not, so their darker half is darkened.
const READABLE = [
  'green',
  'red',
  'yellow',
  'orange',
  'teal',
  'blue',
  'cyan',
  'grape',
  'violet',
  'lime',
  'pink',
  'indigo',
] as const;
const readableColors = Object.fromEntries(
  READABLE.map((name) => [
    name,
    DEFAULT_THEME.colors[name].map((shade, index) =>
      index >= 6 ? darken(shade, 0.35) : shade,
    ) as unknown as MantineColorsTuple,
  ]),
);

const theme = createTheme({
  colors: readableColors,
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
    // Light variants (badges, alerts, light buttons) write in shade 6, short of AA on their tint.
    if (input.variant === 'light' && parsed.isThemeColor && parsed.shade === undefined)
      return {
        ...colors,
        color: `var(--mantine-color-${parsed.color}-9)`,
        hoverColor: `var(--mantine-color-${parsed.color}-9)`,
      };
    return colors;
  },
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Badge: Badge.extend({ defaultProps: { autoContrast: true } }),
    Button: Button.extend({ defaultProps: { autoContrast: true } }),
    // Icon-only close buttons get a name screen readers can announce.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
