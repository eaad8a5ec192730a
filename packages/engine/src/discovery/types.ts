/**
 * What discovery observes and what generation makes of it. The crawler fills these from a real
 * browser; every generation stage is a pure function over them, so each can be tested on its own.
 */

/** One interactive element as the crawler saw it. Strings are '' when absent, never undefined. */
export interface ElementInfo {
  tag: string;
  /** input type, or button type; '' otherwise. */
  type: string;
  /** Visible text, trimmed, ≤ 80 characters. */
  text: string;
  /** Explicit or implicit ARIA role (button, link, textbox, checkbox, combobox, searchbox, tab…). */
  role: string;
  /** The accessible name Playwright's getByRole would match. */
  accessibleName: string;
  id: string;
  /** The `name` attribute. */
  nameAttr: string;
  /** Absolute href for links. */
  href: string;
  ariaLabel: string;
  placeholder: string;
  /** Associated `<label>` text, ≤ 60 characters. */
  label: string;
  /** data-testid or data-cy. */
  testId: string;
  visible: boolean;
  disabled: boolean;
  required: boolean;
  /** id of the enclosing form, or `form-<index>` when it has none; '' outside forms. */
  formId: string;
  /**
   * The best semantic Playwright selector for the element (`role=button[name="Add"]`, `label=Email`,
   * `placeholder=Search`, `data-testid=save`, `text=Read more`), verified to match exactly this
   * one element on the page when it was captured; null when no semantic selector is unique.
   */
  locator: string | null;
  /** Found inside an open shadow root. */
  fromShadow?: boolean;
  /** URL of the iframe the element lives in, when not the top frame. */
  frameUrl?: string;
  /** Relevance score given by the element filter (§2.1). */
  score?: number;
}

export interface FormField {
  tag: string;
  type: string;
  label: string;
  nameAttr: string;
  placeholder: string;
  required: boolean;
  testId: string;
  /** Native constraint attributes, when present. */
  pattern?: string;
  minLength?: number;
  /** For selects: the option values, in order. */
  options?: string[];
  locator: string | null;
}

export interface FormInfo {
  /** The form's id, or `form-<index>`. */
  id: string;
  action: string;
  method: string;
  fields: FormField[];
  submitText: string;
  submitLocator: string | null;
}

export interface Landmark {
  /** header, nav, main, aside, footer, or the matching ARIA role. */
  landmark: string;
  /** Accessible name (aria-label) when it has one. */
  name: string;
  headings: string[];
}

export interface PageFlags {
  hasLoginForm: boolean;
  hasModals: boolean;
  hasTabs: boolean;
  hasTable: boolean;
  hasSidebar: boolean;
  hasDropdown: boolean;
  hasToast: boolean;
  hasAccordion: boolean;
  hasSpinner: boolean;
  hasErrorState: boolean;
  hasEmptyState: boolean;
  spaFramework: string;
}

/** One page (or one UI state of a page) as captured. */
export interface PageSnapshot {
  url: string;
  title: string;
  /** All h1 texts joined with " | ". */
  h1: string;
  metaDescription: string;
  headings: { level: number; text: string; locator: string | null }[];
  forms: FormInfo[];
  landmarks: Landmark[];
  elements: ElementInfo[];
  flags: PageFlags;
  /** Same-origin links, query and fragment stripped, deduplicated, ≤ 50. */
  outboundLinks: string[];
  /** Page-state fingerprint (ignores dynamic values). */
  fingerprint: string;
  /** Visible text lines of the page's main content, for assertions (≤ 40 lines of ≤ 120 characters). */
  textSample: string[];
  /** HTTP status of the document response, when known. */
  status?: number;
  /** The iframes' URLs on the page. */
  frames?: string[];
}

export type IntentName = 'AUTH' | 'CHECKOUT' | 'SEARCH' | 'FORM_SUBMISSION' | 'CRUD' | 'NAVIGATION' | 'CONTENT';

/** One action the explorer performed, with a locator that replays it. */
export interface ObservedAction {
  kind: 'fill' | 'click' | 'submit' | 'check' | 'uncheck' | 'select' | 'press' | 'navigate';
  locator: string;
  /** What was typed or selected, or the key pressed. */
  value?: string;
  /** Human label for readable steps ("Email", "Add"). */
  label: string;
}

/** What changed after an action group: only things that were actually seen. */
export interface ObservedOutcome {
  /** Path + search of the page after the actions, when it differs from before. */
  urlAfter?: string;
  /** Text that appeared (status/alert regions, new headings, new list items), ≤ 5 entries. */
  appearedText: string[];
  /** Text that was visible before and disappeared. */
  disappearedText: string[];
  /** A list (role=list/listitem, table rows) changed size. */
  list?: { locator: string; before: number; after: number; itemText?: string };
  /** A checkbox or toggle changed state. */
  checkedAfter?: { locator: string; checked: boolean };
  /** Native form validation blocked the submit (`:invalid` fields). */
  blockedByValidation?: boolean;
  /** The title after, when it changed. */
  titleAfter?: string;
  /** API calls made in reaction to the action (method + path pattern). */
  apiCalls?: string[];
}

export interface Observation {
  /** URL (path + search) the actions started from. */
  pageUrl: string;
  kind:
    'form-submit' | 'form-validation' | 'search' | 'crud-add' | 'crud-toggle' | 'crud-delete' | 'click' | 'navigate';
  actions: ObservedAction[];
  outcome: ObservedOutcome;
  /** The form this came from, when any. */
  formId?: string;
  /** Seen without signing in (a signed-in crawl checking what a visitor gets): no sign-in steps. */
  signedOut?: boolean;
}

/** API traffic grouped by method and normalised path (§1.7). */
export interface ApiEndpoint {
  method: string;
  /** Path with ids replaced by `:id` (GraphQL: `/graphql (OperationName)`). */
  pathPattern: string;
  exampleUrls: string[];
  statuses: number[];
  contentType: string;
  requestBodyExample: string | null;
  responseBodyExample: string | null;
  callCount: number;
  avgDurationMs: number;
  pageUrls: string[];
  graphqlOperation?: string;
}

export interface SiteGraphNode {
  id: string;
  url: string;
  title: string;
  /** crawled, failed or skipped. */
  status: 'crawled' | 'failed' | 'skipped';
}

export interface SiteGraphEdge {
  from: string;
  to: string;
  /** link, click, submit, fill… */
  action: string;
  label: string;
}

export interface SiteGraph {
  nodes: SiteGraphNode[];
  edges: SiteGraphEdge[];
}

export type UnreachableCategory = 'dns' | 'refused' | 'tls' | 'timeout' | 'network' | 'http' | 'other';

export interface NavigationFailure {
  url: string;
  category: UnreachableCategory;
  message: string;
}

export interface Journey {
  name: string;
  type: IntentName | 'FORM_SUBMISSION' | 'NAVIGATION';
  pages: { url: string; title: string; fingerprint?: string }[];
  description: string;
  discoveredBy: 'state_explorer' | 'link_graph' | 'intent_pattern' | 'form_confirmation';
  observedActions: ObservedAction[];
}

export interface CrawlResult {
  startUrl: string;
  /** Origin after redirects. */
  origin: string;
  mode: 'crawl' | 'state';
  pages: PageSnapshot[];
  graph: SiteGraph;
  apiEndpoints: ApiEndpoint[];
  observations: Observation[];
  journeys: Journey[];
  failures: NavigationFailure[];
  /** Whether a login with the project's credentials succeeded (undefined when none were given). */
  loggedIn?: boolean;
}

/** A step as stored on a test: readable text, or a structured action the compiler turns into code. */
export type GeneratedStep =
  | string
  | {
      action: 'navigate' | 'click' | 'fill' | 'select' | 'check' | 'uncheck' | 'press' | 'hover' | 'assert' | 'wait';
      selector?: string;
      url?: string;
      value?: string;
      expected?: string;
      description?: string;
    };

export type TestType =
  'functional' | 'smoke' | 'regression' | 'e2e' | 'integration' | 'accessibility' | 'security' | 'performance';

export type GeneratedFrom =
  | 'builtin_crawl'
  | 'builtin_state'
  | 'api_har_capture'
  | 'api_user_described'
  | 'openapi_import'
  | 'ai_crawl'
  | 'ai_description'
  | 'feedback_regeneration';

/** A candidate test travelling through the pipeline (before it is stored as a draft). */
export interface CandidateTest {
  name: string;
  description: string;
  steps: GeneratedStep[];
  /** Full canonical code (one `test(...)` call); for step tests, compiled from the steps. */
  playwrightCode: string;
  type: TestType;
  scenario: 'positive' | 'negative' | 'edge_case';
  priority: 'low' | 'medium' | 'high';
  sourceUrl: string;
  pageTitle: string;
  generatedFrom: GeneratedFrom;
  intent?: IntentName;
  isJourneyTest: boolean;
  journeyType: string | null;
  isApiTest: boolean;
  tags: string[];
  /** Set by dedupe (§2.7 scoreTest). */
  qualityScore?: number;
  /** Set by enhance when it added assertions. */
  assertionEnhanced?: boolean;
}
