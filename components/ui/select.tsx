import type { ComponentProps } from "react";
import { cn } from "./cn";
import { ChevronDownIcon } from "./icons";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper (width, margin); className goes to the <select> itself. */
  wrapperClassName?: string;
};

/** A native <select> with the app's control styling and a chevron. */
export function Select({ className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select className={cn(controlClasses, "h-10 appearance-none pr-9 pl-3 text-sm", className)} {...props}>
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-ink-subtle" />
    </div>
  );
}
