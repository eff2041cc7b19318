import { Container } from "@/components/layout/container";
import { FlowGridSkeleton } from "@/components/flows/flow-card-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function LoadingFlows() {
  return (
    <Container className="py-8 sm:py-10">
      <p className="sr-only" role="status">
        Loading flows…
      </p>
      <div className="border-b border-line pb-6">
        <Skeleton className="h-3.5 w-20" />
        <Skeleton className="mt-3 h-8 w-56" />
        <Skeleton className="mt-3 h-4 w-full max-w-xl" />
      </div>
      <div className="mt-6 flex gap-2">
        <Skeleton className="h-10 flex-1 rounded-lg" />
        <Skeleton className="h-10 w-20 rounded-lg" />
      </div>
      <div className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-[3.75rem] rounded-lg" />
        ))}
      </div>
      <Skeleton className="mt-8 mb-4 h-4 w-52" />
      <FlowGridSkeleton count={9} />
    </Container>
  );
}
