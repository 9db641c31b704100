export declare const EVERY_PAGE_TAG: string;
export declare function resolvedSiteUrl(environment: Record<string, string | undefined>): string;
export declare function siteUrlChanged(distDir: string, siteUrl: string): boolean;
export declare function expireEveryCachedPage(): Promise<void>;
