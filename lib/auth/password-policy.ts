/**
 * The bcrypt cost of every password the app stores (admin page, `npm run
 * user:create`, the demo seed). 12 takes about 250 ms on the server: slow
 * enough to make a stolen hash expensive to guess, fast enough for a sign-in.
 * Raising it only affects passwords hashed afterwards; bcrypt reads the cost
 * of an old hash from the hash itself. Hashing and checking happen off the
 * event loop, in server/auth/password-hash.ts (the only user of this number
 * besides the demo seed).
 */
export const BCRYPT_COST = 12;
