import { useState } from 'react';

/**
 * The text in a number box: what the user typed, until the value changes from outside
 * (undo, template switch, rebalancing), when the box follows the value. Adjusted during
 * render, React's pattern for state derived from props.
 */
export function useDraftText(value: number): [string, (text: string) => void] {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!(text.trim() !== '' && Number(text) === value)) setText(String(value));
  }
  return [text, setText];
}
