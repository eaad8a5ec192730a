import { isVolatileText } from '../discovery/page-state.js';
import type { ExplorerObservation } from '../discovery/state-explorer.js';
import type {
  CandidateTest,
  CrawlResult,
  IntentName,
  Observation,
  ObservedAction,
  PageSnapshot,
} from '../discovery/types.js';
import { apiContractTests } from './api-tests.js';
import {
  atPath,
  checked,
  framePrefixOf,
  landmark,
  notSeeText,
  open,
  perform,
  seeHeading,
  seeText,
  seeVisibleText,
  titled,
  writeTest,
  type WrittenStep,
} from './test-writer.js';

export interface BuiltinInput {
  crawl: CrawlResult;
  /** Actions that sign in, prepended to every UI test when the crawl ran signed in. */
  login?: ObservedAction[];
}

export const BUILTIN_MODEL = 'sentri-builtin';
export const BUILTIN_VERSION = '1.0.0';

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};
const stable = (text: string) => text.length >= 3 && !isVolatileText(text);

/**
 * The generator that needs no AI: every test it writes replays something the crawl actually did
 * and asserts only what the crawl actually saw (a heading, a message, a new list item, a new
 * address), through locators that were unique on the page when it was captured.
 */
export function generateBuiltinTests(input: BuiltinInput): CandidateTest[] {
  const { crawl } = input;
  const prefix = (input.login ?? []).map(perform);
  const from = crawl.mode === 'state' ? 'builtin_state' : 'builtin_crawl';
  const byPath = new Map(crawl.pages.map((page) => [pathOf(page.url), page]));
  const make = (
    name: string,
    steps: WrittenStep[],
    page: PageSnapshot | undefined,
    extra: Partial<CandidateTest> & { intent: IntentName; signedOut?: boolean },
  ): CandidateTest => {
    const { signedOut, ...fields } = extra;
    const all = signedOut ? steps : [...prefix, ...steps];
    return {
      name,
      description: fields.description ?? '',
      steps: all.map((step) => step.text),
      playwrightCode: writeTest(name, all),
      type: fields.type ?? 'functional',
      scenario: fields.scenario ?? 'positive',
      priority: fields.priority ?? 'medium',
      sourceUrl: page?.url ?? crawl.origin,
      pageTitle: page?.title ?? '',
      generatedFrom: from,
      intent: fields.intent,
      isJourneyTest: false,
      journeyType: null,
      isApiTest: false,
      tags: fields.tags ?? [],
    };
  };

  const tests: CandidateTest[] = [];
  for (const page of crawl.pages) {
    const steps = pageLoadSteps(page);
    if (steps.length < 2) continue;
    const name = `Page loads: ${page.title || pathOf(page.url)}`;
    tests.push(
      make(name, steps, page, {
        intent: 'CONTENT',
        type: 'smoke',
        description: `Opens ${pathOf(page.url)} and checks its heading, landmarks and content as seen when crawled.`,
        tags: ['smoke'],
      }),
    );
  }
  tests.push(...navigationTests(crawl, byPath, make));
  for (const observation of crawl.observations) {
    const test = observationTest(observation, byPath.get(observation.pageUrl), make);
    if (test) tests.push(test);
  }
  // A write aimed at one record (`PATCH /api/tasks/:id`) names a record that only existed in the
  // crawl's session: replaying it elsewhere would test nothing but that absence.
  const replayable = crawl.apiEndpoints.filter((e) => e.method === 'GET' || !e.pathPattern.includes(':id'));
  tests.push(...apiContractTests(replayable, crawl.origin, 'api_har_capture'));
  return tests;
}

function pageLoadSteps(page: PageSnapshot): WrittenStep[] {
  const steps = [open(pathOf(page.url))];
  const heading = page.headings.find((h) => h.locator && stable(h.text));
  if (heading?.locator) steps.push(seeHeading(heading.locator, heading.text));
  if (page.title && stable(page.title)) steps.push(titled(page.title));
  const headings = new Set(page.headings.map((h) => h.text));
  // Two lines of the page's own prose: what a broken page most visibly loses. The first is kept
  // even when short ("Welcome, Ada"): it is often the one line that is about this visitor.
  const lines = page.textSample.filter((text) => !headings.has(text) && stable(text));
  const [first, ...rest] = lines;
  const second = rest.find((text) => text.length >= 8);
  for (const line of [first, second]) if (line) steps.push(seeText(line));
  const nav = page.landmarks.find((l) => l.landmark === 'navigation');
  if (nav) steps.push(landmark('navigation'));
  return steps;
}

type Make = (
  name: string,
  steps: WrittenStep[],
  page: PageSnapshot | undefined,
  extra: Partial<CandidateTest> & { intent: IntentName; signedOut?: boolean },
) => CandidateTest;

/** One test per crawled page reachable by a uniquely named link, clicked from the first page that has it. */
function navigationTests(crawl: CrawlResult, byPath: Map<string, PageSnapshot>, make: Make): CandidateTest[] {
  const tests: CandidateTest[] = [];
  const covered = new Set<string>();
  for (const page of crawl.pages) {
    for (const link of page.elements) {
      if (!link.href || !link.locator || link.role !== 'link' || link.frameUrl) continue;
      let target: string;
      try {
        target = pathOf(link.href);
      } catch {
        continue;
      }
      const destination = byPath.get(target);
      const label = link.accessibleName || link.text;
      // Each way of reaching a page by name is its own test: a menu entry can break alone.
      const key = `${label.toLowerCase()}→${target}`;
      if (!destination || covered.has(key) || target === pathOf(page.url)) continue;
      const heading = destination.headings.find((h) => h.locator && stable(h.text));
      if (!heading?.locator) continue;
      covered.add(key);
      const name = `Navigate from ${page.title || pathOf(page.url)} to ${destination.title || target} via "${label}"`;
      tests.push(
        make(
          name,
          [
            open(pathOf(page.url)),
            perform({ kind: 'click', locator: link.locator, label }),
            atPath(target),
            seeHeading(heading.locator, heading.text),
          ],
          page,
          { intent: 'NAVIGATION', description: `Follows the "${label}" link and checks where it lands.` },
        ),
      );
    }
  }
  return tests;
}

function observationTest(observation: ExplorerObservation, page: PageSnapshot | undefined, make: Make) {
  const { outcome, actions } = observation;
  const steps: WrittenStep[] = [open(observation.pageUrl), ...actions.map(perform)];
  const where = page?.title || observation.pageUrl;
  const last = actions[actions.length - 1];
  const subject = last?.label ?? 'form';
  const added = actions.find((a) => a.kind === 'fill')?.value ?? '';
  const shown = outcome.appearedText.filter(stable);
  // The explorer checked each appeared line could be found on screen, in the frame it acted in.
  const frame = last ? framePrefixOf(last.locator) : '';
  const see = (text: string) => seeVisibleText(text, frame);
  if (observation.signedOut) return signedOutTest(observation, where, page, make);
  switch (observation.kind) {
    case 'form-submit': {
      if (outcome.urlAfter) steps.push(atPath(outcome.urlAfter));
      shown.slice(0, 2).forEach((text) => steps.push(see(text)));
      if (steps.length === actions.length + 1) return undefined;
      return make(`Submit "${subject}" on ${where} shows the result`, steps, page, {
        intent: 'FORM_SUBMISSION',
        priority: 'high',
        description: `Fills the form with valid values, submits it and checks the outcome seen while exploring.`,
      });
    }
    case 'form-validation': {
      if (!shown.length) return undefined;
      shown.slice(0, 3).forEach((text) => steps.push(see(text)));
      return make(`Submitting "${subject}" empty on ${where} shows validation`, steps, page, {
        intent: 'FORM_SUBMISSION',
        scenario: 'negative',
        priority: 'high',
        description: 'Submits the form without filling it and checks the validation messages.',
      });
    }
    case 'search': {
      const kept = outcome.list?.itemText;
      const term = actions.find((a) => a.kind === 'fill' || a.kind === 'select')?.value ?? '';
      if (kept) steps.push(seeText(kept.split(/\s{2,}|\n/)[0] ?? kept));
      if (outcome.urlAfter) steps.push(atPath(outcome.urlAfter));
      const hidden = outcome.disappearedText.find((text) => !text.toLowerCase().includes(term.toLowerCase()));
      if (hidden) steps.push(notSeeText(hidden));
      if (!kept && !hidden) shown.slice(0, 2).forEach((text) => steps.push(see(text)));
      if (steps.length === actions.length + 1) return undefined;
      return make(`Search for "${term}" on ${where} narrows the results`, steps, page, {
        intent: 'SEARCH',
        priority: 'high',
        description: `Searches or filters and checks a matching result stays while others go.`,
      });
    }
    case 'crud-add': {
      if (added) steps.push(seeText(added));
      shown
        .filter((text) => text !== added)
        .slice(0, 1)
        .forEach((text) => steps.push(see(text)));
      return make(`Add "${added}" on ${where} shows it in the list`, steps, page, {
        intent: 'CRUD',
        priority: 'high',
        description: 'Adds an item and checks it appears.',
      });
    }
    case 'crud-toggle': {
      if (last) steps.push(checked(last.locator, last.label));
      shown.slice(0, 1).forEach((text) => steps.push(see(text)));
      return make(`Complete "${added}" on ${where} updates its state`, steps, page, {
        intent: 'CRUD',
        description: 'Adds an item, checks it off and checks the state change is shown.',
      });
    }
    case 'crud-delete': {
      if (!added) return undefined;
      steps.push(notSeeText(added));
      return make(`Delete "${added}" on ${where} removes it`, steps, page, {
        intent: 'CRUD',
        description: 'Adds an item, deletes it and checks it is gone.',
      });
    }
    case 'navigate': {
      if (!outcome.urlAfter) return undefined;
      steps.push(atPath(outcome.urlAfter));
      shown.slice(0, 3).forEach((text) => steps.push(see(text)));
      return make(`"${subject}" on ${where} leads to ${outcome.urlAfter}`, steps, page, {
        intent: 'NAVIGATION',
        description: `Follows "${subject}" and checks where it lands and what that page shows.`,
      });
    }
    case 'click': {
      if (outcome.urlAfter) steps.push(atPath(outcome.urlAfter));
      shown.slice(0, 2).forEach((text) => steps.push(see(text)));
      if (steps.length === actions.length + 1) return undefined;
      return make(
        `"${subject}" on ${where} shows ${shown[0] ? `"${shown[0].slice(0, 40)}"` : 'its result'}`,
        steps,
        page,
        { intent: 'CONTENT', description: `Presses "${subject}" and checks what it reveals.` },
      );
    }
    default:
      return undefined;
  }
}

/** Opening a page signed out lands elsewhere (a sign-in page): the test opens it without signing in. */
function signedOutTest(observation: Observation, where: string, page: PageSnapshot | undefined, make: Make) {
  const { urlAfter, appearedText } = observation.outcome;
  if (!urlAfter) return undefined;
  const steps = [
    open(observation.pageUrl),
    atPath(urlAfter),
    ...appearedText
      .filter(stable)
      .slice(0, 1)
      .map((t) => seeVisibleText(t)),
  ];
  return make(`Signed out, ${where} sends the visitor to ${urlAfter}`, steps, page, {
    intent: 'AUTH',
    scenario: 'negative',
    priority: 'high',
    signedOut: true,
    description: `Opens ${observation.pageUrl} without signing in and checks it does not show the page.`,
  });
}
