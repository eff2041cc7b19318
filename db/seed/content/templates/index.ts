import { commerceTemplates } from "./commerce";
import { devDataTemplates } from "./dev-data";
import type { FlowTemplate } from "./kit";
import { peopleTemplates } from "./people";
import { socialMarketingTemplates } from "./social-marketing";
import { workTemplates } from "./work";
import { worldTemplates } from "./world";

export type { FlowTemplate } from "./kit";

/** Every template, in a fixed order (the order matters for determinism). */
export const ALL_TEMPLATES: FlowTemplate[] = [
  ...devDataTemplates,
  ...commerceTemplates,
  ...socialMarketingTemplates,
  ...workTemplates,
  ...peopleTemplates,
  ...worldTemplates,
];
