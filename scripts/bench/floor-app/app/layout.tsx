// The floor app of `npm run bench:lighthouse`: the smallest Next.js App Router page, built with this project's
// next and react, so the bench can show what the framework alone costs a phone beside Flowtab's own pages.
export const metadata = { title: "Floor", description: "An empty Next.js App Router page: the framework's own cost." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
