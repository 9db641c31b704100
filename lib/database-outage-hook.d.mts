export declare const DATABASE_UNAVAILABLE_AT: unique symbol;
export declare const OUTAGE_WINDOW_MS: number;
export declare const DATABASE_RETRY_AFTER_SECONDS: number;
export declare function noteDatabaseUnavailable(now?: number): void;
export declare function databaseUnavailableRecently(now?: number): boolean;
