import { DashboardSkeleton } from "@/components/creator/dashboard/dashboard-skeleton";
import { Container } from "@/components/layout/container";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <Container className="py-10">
      <div className="border-b border-line pb-6">
        <Skeleton className="mb-3 h-3 w-16" />
        <Skeleton className="h-8 w-40" />
      </div>
      <DashboardSkeleton />
    </Container>
  );
}
