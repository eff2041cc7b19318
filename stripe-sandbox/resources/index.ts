import { catalogRoutes } from "./catalog";
import { chargeRoutes } from "./charges";
import { checkoutRoutes } from "./checkout";
import { connectRoutes } from "./connect";
import { customerRoutes } from "./customers";
import { eventRoutes } from "./events";
import { invoiceRoutes } from "./invoices";
import { paymentRoutes } from "./payments";
import { portalRoutes } from "./portal";
import type { ApiRoute } from "./route";
import { subscriptionItemRoutes } from "./subscription-items";
import { subscriptionRoutes } from "./subscriptions";
import { transferRoutes } from "./transfers";

/** Every Stripe endpoint the sandbox serves. */
export const apiRoutes: ApiRoute[] = [
  ...customerRoutes,
  ...catalogRoutes,
  ...checkoutRoutes,
  ...subscriptionRoutes,
  ...subscriptionItemRoutes,
  ...invoiceRoutes,
  ...chargeRoutes,
  ...paymentRoutes,
  ...portalRoutes,
  ...connectRoutes,
  ...transferRoutes,
  ...eventRoutes,
];
