import { Skeleton, SkeletonText } from "@/components/ui/skeleton";

function FlowCardSkeleton() {
  return (
    <div className="flex flex-col rounded-xl border border-line bg-surface p-5 shadow-card">
      <div className="flex gap-1.5">
        <Skeleton className="h-5 w-16 rounded-full" />
        <Skeleton className="h-5 w-20 rounded-full" />
      </div>
      <Skeleton className="mt-4 h-5 w-4/5" />
      <SkeletonText lines={2} className="mt-3" />
      <div className="mt-3 flex gap-1.5">
        <Skeleton className="h-5 w-24 rounded-full" />
        <Skeleton className="h-5 w-20 rounded-full" />
      </div>
      <div className="mt-6 flex justify-between">
        <Skeleton className="h-3.5 w-24" />
        <Skeleton className="h-3.5 w-20" />
      </div>
    </div>
  );
}

export function FlowGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: count }, (_, i) => (
        <FlowCardSkeleton key={i} />
      ))}
    </div>
  );
}
