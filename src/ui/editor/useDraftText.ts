import { useState } from 'react';

/**
 * The text in a number box: what the user typed, until the value changes from outside
 * (undo, template switch, rebalancing), when the box follows the value (except to `keepFor`,
 * the value put back under an entry the box refused: that entry stays, with its error). Adjusted during
 * render, React's pattern for state derived from props.
 */
export function useDraftText(value: number | undefined, keepFor: number | null = null): [string, (text: string) => void] {
  // An optional number left out (undefined) shows as an empty box.
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    const same = value === undefined ? text.trim() === '' : text.trim() !== '' && Number(text) === value;
    // A refused entry stays in the box with its error while the value is put back under it (to keepFor).
    if (!same && !(keepFor !== null && Object.is(value, keepFor))) setText(shown);
  }
  return [text, setText];
}
