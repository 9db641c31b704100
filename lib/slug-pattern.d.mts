export declare const SLUG_SOURCE: string;
export declare const MAX_SLUG_LENGTH: number;
export declare const PAGE_NUMBER_SOURCE: string;
