/**
 * The password of every demo account and seed creator. The hash was produced once by lib/auth/password.ts
 * (scrypt, N=32768, r=8, p=1) so seeding needs no hashing and writes the same bytes every time.
 */
export const DEMO_PASSWORD = "flowtab-demo";
export const DEMO_PASSWORD_HASH =
  "scrypt$32768$8$1$MDR3lAJOYE34JRuenau7Rg==$fShdrxJ8DvFV357gk15A5Xq8KZ7tL0Xocto3xMUiz90=";
