export declare const CLEAR_SEARCH_PAGES: unique symbol;
export declare function clearSearchPages(): void;
