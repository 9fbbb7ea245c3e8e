/** Line icons for node kinds and card marks, drawn as SVG: the system font lacks some symbols (emoji). */
const paths = {
  question: 'M6 6a2 2 0 1 1 3 1.7c-.6.4-1 .8-1 1.5V10M8 12.5v.01M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13',
  article: 'M4 1.5h5.5L12.5 4.5v10h-8.5zM9.5 1.5v3h3M6 8h5M6 10.5h5',
  answer: 'M2 3h12v8H7l-3 2.5V11H2zM5.5 7l1.7 1.7L10.5 5.5',
  form: 'M2 3.5h12v9H2zM2 3.5l6 5 6-5',
  chat: 'M2 3h9v6H6l-2.5 2V9H2zM11 6h3v5.5h-1.5V13l-2-1.5H7V9',
  forum:
    'M5.5 6.5a2 2 0 1 0 0-4a2 2 0 0 0 0 4M1.5 13c0-2.2 1.8-4 4-4s4 1.8 4 4M11 7a1.7 1.7 0 1 0 0-3.4M11.5 9.2c1.7.3 3 1.8 3 3.8',
  eye: 'M1 8s2.5-4.5 7-4.5S15 8 15 8s-2.5 4.5-7 4.5S1 8 1 8zM8 10a2 2 0 1 0 0-4a2 2 0 0 0 0 4',
  check: 'M3 8.5l3 3 7-7',
  cross: 'M4 4l8 8M12 4l-8 8',
  warn: 'M8 1.5l6.5 12h-13zM8 6v3.5M8 11.5v.01',
  plus: 'M8 3v10M3 8h10',
  sibling: 'M2 5.5h5v5H2zM11.5 5.5v5M9 8h5',
  fit: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4',
  remove: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9',
  up: 'M8 13V3M3.5 7.5 8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5 8 13l4.5-4.5',
} as const;

export type TreeIconName = keyof typeof paths;

export function TreeIcon({ name, size = 16 }: { name: TreeIconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="td-icon"
    >
      <path d={paths[name]} />
    </svg>
  );
}
