export declare const REQUEST_CONTEXT: unique symbol;
export declare const METRICS: unique symbol;
export declare const POOL_PROBE: unique symbol;
export declare function registerPoolProbe(probe: () => Promise<{ open: number; active: number }>): void;
export declare function currentRequest(): { id: string; userId?: number } | undefined;
export declare function noteRequestUser(userId: number): void;
export declare function countBeacon(outcome: 'accepted' | 'not_counted' | 'refused' | 'limited' | 'unavailable'): void;
export declare function recordRollup(seconds: number): void;
export declare function metricsText(): Promise<{ contentType: string; body: string } | null>;
