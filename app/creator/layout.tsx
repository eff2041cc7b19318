import type { ReactNode } from "react";
import { CreatorNav } from "@/components/creator/dashboard/creator-nav";
import { Container } from "@/components/layout/container";

/** The creator area: tabs for Dashboard / Flows / Payouts above each page. Pages check the session themselves. */
export default function CreatorLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <div className="border-b border-line bg-surface/60">
        <Container>
          <CreatorNav />
        </Container>
      </div>
      {children}
    </>
  );
}
