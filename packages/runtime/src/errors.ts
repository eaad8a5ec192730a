/**
 * No strategy found the element a helper was asked to act on. `tried` lists the strategy names
 * in the order they were tried (the remembered one first), `fingerprint` last when a heal was
 * attempted; the message says the same, plus why a fingerprint heal was refused.
 */
export class ElementNotFoundError extends Error {
  override readonly name = 'ElementNotFoundError';
  readonly helper: string;
  readonly action: string;
  readonly label: string;
  readonly key: string;
  readonly tried: string[];
  /** Best similarity a fingerprint heal saw, when one was attempted. */
  readonly bestScore: number | undefined;

  constructor(details: {
    helper: string;
    action: string;
    label: string;
    key: string;
    tried: string[];
    elapsedMs: number;
    reasons?: string[];
    bestScore?: number;
  }) {
    const reasons = details.reasons?.length ? ` ${details.reasons.join('; ')}.` : '';
    super(
      `${details.helper}: no element found for ${JSON.stringify(details.label)} after ${details.elapsedMs} ms. ` +
        `Tried: ${details.tried.join(', ')} (then a scroll-to-bottom pass).${reasons}`,
    );
    this.helper = details.helper;
    this.action = details.action;
    this.label = details.label;
    this.key = details.key;
    this.tried = details.tried;
    this.bestScore = details.bestScore;
  }
}
