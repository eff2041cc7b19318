import { Badge } from "@/components/ui/badge";
import { SparkleIcon } from "@/components/ui/icons";

/** "Free" or "Premium", the same everywhere a flow is shown. */
export function AccessBadge({ isPremium, className }: { isPremium: boolean; className?: string }) {
  return isPremium ? (
    <Badge variant="premium" className={className}>
      <SparkleIcon size={12} /> Premium
    </Badge>
  ) : (
    <Badge variant="free" className={className}>
      Free
    </Badge>
  );
}
