export declare const ValueKind: Readonly<{ APP_PAGE: 'APP_PAGE'; APP_ROUTE: 'APP_ROUTE'; PAGES: 'PAGES'; FETCH: 'FETCH' }>;
export declare function isStorable(data: unknown): boolean;
