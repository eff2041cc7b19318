/** Who the seed creates besides the catalogue's creators: the demo logins and synthetic readers. */
export const DEMO_MEMBER = { email: "member@flowtab.dev", name: "Morgan Lee" } as const;
export const DEMO_SUBSCRIBER = { email: "subscriber@flowtab.dev", name: "Sam Okafor" } as const;
export const DEMO_ADMIN = { email: "admin@flowtab.dev", name: "Alex Admin" } as const;
/** A demo team on the Team plan: 3 seats, its owner and one member (one seat free to invite someone). */
export const DEMO_TEAM = {
  name: "Northwind Labs",
  seats: 3,
  owner: { email: "team-owner@flowtab.dev", name: "Taylor Brooks" },
  member: { email: "team-member@flowtab.dev", name: "Jordan Reyes" },
} as const;
/** The creator behind creator@flowtab.dev; its details come from the content's CREATORS list. */
export const DEMO_CREATOR_HANDLE = "demo-creator";

/** Readers generate the marketplace's activity: each has an active premium subscription. */
export const READER_NAMES = [
  "Olivia Bennett",
  "Mateo Alvarez",
  "Hannah Schmidt",
  "Kwame Asante",
  "Yuki Tanaka",
  "Isabella Rossi",
  "Arjun Mehta",
  "Chloe Dubois",
  "Daniel Kim",
  "Fatima Zahra",
  "Lucas Martin",
  "Amara Nwosu",
  "Ethan Walker",
  "Sofia Petrova",
  "Liam O'Connor",
  "Mia Johansson",
  "Noah Goldberg",
  "Zara Ahmed",
  "Gabriel Santos",
  "Emily Clarke",
  "Ravi Shankar",
  "Ingrid Larsen",
  "Samuel Adeyemi",
  "Camille Laurent",
  "Jonas Weber",
  "Leila Haddad",
  "Ryan Murphy",
  "Ana Ferreira",
  "Victor Nguyen",
  "Grace Thompson",
  "Mohammed Al-Farsi",
  "Julia Novak",
  "Kenji Watanabe",
  "Priscilla Owusu",
  "Andrei Popescu",
  "Natalie Brooks",
  "Diego Herrera",
  "Eva Lindqvist",
  "Tariq Hussain",
  "Lucy Chen",
] as const;

export function readerEmail(index: number): string {
  return `reader${String(index + 1).padStart(2, "0")}@readers.flowtab.dev`;
}

/** Stripe-looking ids stay readable: "reader07", "subscriber". */
export function readerKey(index: number): string {
  return `reader${String(index + 1).padStart(2, "0")}`;
}
