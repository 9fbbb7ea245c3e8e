/**
 * The designers' small line icons, drawn as SVG: the system fonts lack emoji and some symbols. The button or
 * text beside an icon carries its meaning, so icons are hidden from screen readers.
 */
const paths = {
  up: 'M8 13V3M3.5 7.5 8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5 8 13l4.5-4.5',
  left: 'M13 8H3M7.5 3.5 3 8l4.5 4.5',
  right: 'M3 8h10M8.5 3.5 13 8l-4.5 4.5',
  remove: 'M4 4l8 8M12 4l-8 8',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5M6.8 7v4M9.2 7v4',
  copy: 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7',
  plus: 'M8 3v10M3 8h10',
  check: 'M3 8.5l3 3 7-7',
  warn: 'M8 1.5l6.5 12h-13zM8 6v3.5M8 11.5v.01',
  eye: 'M1 8s2.5-4.5 7-4.5S15 8 15 8s-2.5 4.5-7 4.5S1 8 1 8zM8 10a2 2 0 1 0 0-4a2 2 0 0 0 0 4',
  addColumn: 'M2.5 3.5h6v9h-6zM12 5.5v5M9.5 8h5',
  sibling: 'M2 5.5h5v5H2zM11.5 5.5v5M9 8h5',
  fit: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4',
  settings: 'M3 4.5h10M3 8h10M3 11.5h10M6 3v3M10 6.5v3M5.5 10v3',
  link: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1',
  external: 'M9 3h4v4M13 3 7.5 8.5M11 9.5V13H3V5h3.5',
  // Question-tree node kinds.
  question: 'M6 6a2 2 0 1 1 3 1.7c-.6.4-1 .8-1 1.5V10M8 12.5v.01M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13',
  article: 'M4 1.5h5.5L12.5 4.5v10h-8.5zM9.5 1.5v3h3M6 8h5M6 10.5h5',
  answer: 'M2 3h12v8H7l-3 2.5V11H2zM5.5 7l1.7 1.7L10.5 5.5',
  form: 'M2 3.5h12v9H2zM2 3.5l6 5 6-5',
  chat: 'M2 3h9v6H6l-2.5 2V9H2zM11 6h3v5.5h-1.5V13l-2-1.5H7V9',
  forum:
    'M5.5 6.5a2 2 0 1 0 0-4a2 2 0 0 0 0 4M1.5 13c0-2.2 1.8-4 4-4s4 1.8 4 4M11 7a1.7 1.7 0 1 0 0-3.4M11.5 9.2c1.7.3 3 1.8 3 3.8',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name]} />
    </svg>
  );
}
