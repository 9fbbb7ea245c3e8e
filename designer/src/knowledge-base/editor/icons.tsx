import type { ReactNode } from 'react';

/** Toolbar pictograms, drawn inline: no icon font to fetch, crisp at any size. */
const paths: Record<string, ReactNode> = {
  bulletList: (
    <>
      <circle cx="5" cy="7" r="1.4" fill="currentColor" stroke="none" />
      <circle cx="5" cy="12" r="1.4" fill="currentColor" stroke="none" />
      <circle cx="5" cy="17" r="1.4" fill="currentColor" stroke="none" />
      <path d="M9 7h11M9 12h11M9 17h11" />
    </>
  ),
  orderedList: (
    <>
      <path d="M4 5.5l1.5-1v5M4 9.5h3M4 14.5c0-1 3-1.2 3 .2 0 1.2-3 2.3-3 3.8h3" />
      <path d="M10 7h10M10 12h10M10 17h10" />
    </>
  ),
  quote: (
    <path d="M6 17c-1.5-1.2-2-3-2-5 0-3 2-5 4-5.5M14 17c-1.5-1.2-2-3-2-5 0-3 2-5 4-5.5M5 12h3v4H5zM13 12h3v4h-3z" />
  ),
  code: <path d="M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 5l-3 14" />,
  link: (
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  ),
  table: (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="1.5" />
      <path d="M3.5 10h17M3.5 14.5h17M9.5 5v14M15 5v14" />
    </>
  ),
  image: (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="1.5" />
      <circle cx="9" cy="10" r="1.6" />
      <path d="M4 17l5-4.5 3.5 3 3-2.5 4.5 4" />
    </>
  ),
  video: (
    <>
      <rect x="3.5" y="5.5" width="17" height="13" rx="2" />
      <path d="M10 9.3v5.4l4.6-2.7z" fill="currentColor" />
    </>
  ),
  attach: (
    <path d="M19 11.5l-7.2 7.2a4.5 4.5 0 0 1-6.4-6.4l7.6-7.6a3 3 0 0 1 4.2 4.2l-7.5 7.5a1.5 1.5 0 0 1-2.1-2.1l6.8-6.8" />
  ),
  undo: <path d="M9 7L4.5 11.5 9 16M5 11.5h9a5.5 5.5 0 0 1 0 11h-2" transform="translate(0 -3)" />,
  redo: <path d="M15 7l4.5 4.5L15 16M19 11.5h-9a5.5 5.5 0 0 0 0 11h2" transform="translate(0 -3)" />,
};

export type IconName = keyof typeof paths;

export function ToolIcon({ name }: { name: IconName }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {paths[name]}
    </svg>
  );
}
