import { Icon as Glyph, type IconProps } from "@/components/ui/icons";

// A few glyphs the catalogue needs beyond components/ui/icons.tsx, drawn in the same frame.
export const BookmarkIcon = (p: IconProps) => (
  <Glyph {...p}>
    <path d="M18 21l-6-4-6 4V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16Z" />
  </Glyph>
);
export const LockIcon = (p: IconProps) => (
  <Glyph {...p}>
    <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
    <path d="M8 10.5V7a4 4 0 0 1 8 0v3.5" />
  </Glyph>
);
export const ArrowLeftIcon = (p: IconProps) => (
  <Glyph {...p}>
    <path d="M19 12H5M11 18l-6-6 6-6" />
  </Glyph>
);
export const FlagIcon = (p: IconProps) => (
  <Glyph {...p}>
    <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
  </Glyph>
);
