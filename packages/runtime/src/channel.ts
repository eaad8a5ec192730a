/**
 * How code running inside a Playwright worker talks to the Sentri run that started it.
 *
 * Playwright forwards everything a test writes to stdout to the reporter as it happens, tagged
 * with the test and attempt it belongs to. A line that starts with MARKER is an event for Sentri
 * (a heal, a step capture, a screencast frame, a failure category), not output; the reporter
 * parses it and relays it to the job over IPC. Outside a Sentri run (an exported project run with
 * plain `npx playwright test`) SENTRI_EVENTS is unset and nothing is written.
 */
export const MARKER = '\u001eSENTRI ';

export interface HealEvent {
  type: 'heal';
  /** `<testId>::<action>::<label>`: what healing memory is keyed by. */
  key: string;
  action: string;
  label: string;
  /** Name of the strategy that found the element (`role:button`, `text-exact`, `css`, `fingerprint`, …). */
  strategy: string;
  strategyIndex: number;
  /** The remembered strategy that was tried first, when there was one. */
  previousStrategy?: string;
  /** True when the element was found some other way than the locator as written or the remembered strategy. */
  healed: boolean;
  failed?: boolean;
  /** Similarity of the chosen element to the remembered fingerprint (0–1), for fingerprint heals. */
  score?: number;
  oldLocator?: string;
  newLocator?: string;
  before?: ElementFingerprint;
  after?: ElementFingerprint;
  /** Absolute path of a screenshot taken when the heal happened, inside the test's output dir. */
  screenshotPath?: string;
  durationMs: number;
}

/** What a passing step remembers about the element it acted on, to find it again after markup changes. */
export interface ElementFingerprint {
  tag: string;
  id: string | null;
  classes: string[];
  role: string | null;
  name: string | null;
  text: string | null;
  attributes: Record<string, string>;
  /** Tag path from <body> (`body>main>form>button`) and the index among siblings. */
  path: string;
  index: number;
  box?: { x: number; y: number; width: number; height: number } | null;
}

export interface StepCaptureEvent {
  type: 'step-capture';
  step: number;
  title: string;
  screenshotPath: string;
  durationMs: number;
}

export interface FrameEvent {
  type: 'frame';
  /** Base64 JPEG. */
  data: string;
}

export interface FailureEvent {
  type: 'failure';
  category: string;
  message: string;
}

/** The requests a test's page made, sent once when the test ends. */
export interface NetworkEvent {
  type: 'network';
  entries: { method: string; url: string; status: number | null; durationMs: number | null; failure?: string }[];
  /** Requests beyond the kept ones. */
  dropped: number;
}

export type RuntimeEvent = HealEvent | StepCaptureEvent | FrameEvent | FailureEvent | NetworkEvent;

export function eventsEnabled(): boolean {
  return process.env.SENTRI_EVENTS === '1';
}

/** Sends one event to the Sentri run; a no-op outside one. Never throws. */
export function emit(event: RuntimeEvent): void {
  if (!eventsEnabled()) return;
  try {
    process.stdout.write(`${MARKER}${JSON.stringify(event)}\n`);
  } catch {
    // A closed stdout means the run is going away; losing one event must not fail the test.
  }
}

/** Parses a line the reporter received; undefined for ordinary output. */
export function parseEventLine(line: string): RuntimeEvent | undefined {
  if (!line.startsWith(MARKER)) return undefined;
  try {
    return JSON.parse(line.slice(MARKER.length)) as RuntimeEvent;
  } catch {
    return undefined;
  }
}
