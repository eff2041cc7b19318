import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton, SkeletonText } from "@/components/ui/skeleton";

/** The dashboard's shape while its figures load. */
export function DashboardSkeleton() {
  return (
    <div className="mt-8 flex flex-col gap-6" role="status" aria-label="Loading your earnings">
      <div className="grid grid-cols-2 gap-3 *:min-w-0 sm:gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Card key={i} className="flex flex-col gap-3 p-4 sm:p-5">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-8 w-24 sm:w-32" />
            <Skeleton className="h-3 w-full max-w-40" />
          </Card>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 *:min-w-0 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <Skeleton className="h-5 w-24" />
          </CardHeader>
          <CardContent className="grid gap-6 md:grid-cols-2">
            <Skeleton className="h-48 w-full" />
            <Skeleton className="h-48 w-full" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <Skeleton className="h-5 w-32" />
          </CardHeader>
          <CardContent>
            <SkeletonText lines={4} />
            <Skeleton className="mt-6 h-10 w-full" />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <Skeleton className="h-5 w-28" />
        </CardHeader>
        <CardContent>
          <SkeletonText lines={5} />
        </CardContent>
      </Card>
    </div>
  );
}
