export declare const CLEAR_RENDERED_PAGES: unique symbol;
export declare function clearRenderedPages(): void;
