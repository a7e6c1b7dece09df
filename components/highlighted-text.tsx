interface Props {
  text: string;
  start: number;
  end: number;
  /** Characters of context shown on each side of the highlight. */
  context?: number;
}

/**
 * Chart text with the words a line came from in <mark>. Rendered as text nodes only:
 * chart text is never HTML.
 */
export function HighlightedText({ text, start, end, context = 160 }: Props) {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const from = Math.max(0, s - context);
  const to = Math.min(text.length, e + context);
  return (
    <blockquote class="chart-text">
      {from > 0 ? '…' : ''}
      {text.slice(from, s)}
      <mark>{text.slice(s, e)}</mark>
      {text.slice(e, to)}
      {to < text.length ? '…' : ''}
    </blockquote>
  );
}
