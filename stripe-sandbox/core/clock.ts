import type { Interval, Unix } from "./types";

const DAY = 86_400;

/**
 * The sandbox clock: real time plus a persisted offset, so a test can jump a month ahead. While the lifecycle runs a
 * task that fell due in the past, the clock is pinned to that moment so the objects it creates carry that timestamp.
 */
export class Clock {
  private pinnedAt: Unix | null = null;

  constructor(
    private readonly readOffset: () => number,
    private readonly writeOffset: (seconds: number) => void,
  ) {}

  now(): Unix {
    return this.pinnedAt ?? realNow() + this.readOffset();
  }

  advanceTo(target: Unix): void {
    this.writeOffset(Math.max(this.readOffset(), target - realNow()));
  }

  pinned<T>(at: Unix, run: () => T): T {
    this.pinnedAt = at;
    try {
      return run();
    } finally {
      this.pinnedAt = null;
    }
  }
}

export function realNow(): Unix {
  return Math.floor(Date.now() / 1000);
}

export function days(count: number): number {
  return count * DAY;
}

/**
 * The end of billing period number `periods` counted from `anchor`. Months are calendar months on the anchor's day,
 * clamped to the month's length (Jan 31 -> Feb 28 -> Mar 31), as Stripe bills.
 */
export function addIntervals(anchor: Unix, interval: Interval, count: number, periods: number): Unix {
  switch (interval) {
    case "day":
      return anchor + periods * count * DAY;
    case "week":
      return anchor + periods * count * 7 * DAY;
    case "month":
      return addMonths(anchor, periods * count);
    case "year":
      return addMonths(anchor, periods * count * 12);
  }
}

/** The first period boundary from `anchor` that lies strictly after `after`. */
export function nextBoundary(anchor: Unix, interval: Interval, count: number, after: Unix): Unix {
  let periods = 1;
  while (addIntervals(anchor, interval, count, periods) <= after) periods += 1;
  return addIntervals(anchor, interval, count, periods);
}

function addMonths(unix: Unix, months: number): Unix {
  const start = new Date(unix * 1000);
  const firstOfTarget = new Date(
    Date.UTC(
      start.getUTCFullYear(),
      start.getUTCMonth() + months,
      1,
      start.getUTCHours(),
      start.getUTCMinutes(),
      start.getUTCSeconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return Math.floor(firstOfTarget.getTime() / 1000);
}
