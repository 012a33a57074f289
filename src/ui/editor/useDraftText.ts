import { useState } from 'react';

/**
 * The text in a number box: what the user typed, until the value changes from outside
 * (undo, template switch, rebalancing), when the box follows the value (unless `refused`
 * says the text is an entry the box refused: it stays, with its error). Adjusted during
 * render, React's pattern for state derived from props.
 */
export function useDraftText(value: number | undefined, refused?: (text: string) => boolean): [string, (text: string) => void] {
  // An optional number left out (undefined) shows as an empty box.
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    const same = value === undefined ? text.trim() === '' : text.trim() !== '' && Number(text) === value;
    // A refused entry stays in the box with its error while the value is put back under it.
    if (!same && !refused?.(text)) setText(shown);
  }
  return [text, setText];
}
