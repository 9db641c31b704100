export declare const NONCE_PATH_PREFIXES: string[];
export declare function buildPublicCsp(options?: { dev?: boolean }): string;
export declare function buildNonceCsp(nonce: string, options?: { dev?: boolean }): string;
export declare function baseSecurityHeaders(options?: { production?: boolean }): { key: string; value: string }[];
export declare function nextConfigHeaders(options?: {
  production?: boolean;
  dev?: boolean;
}): { source: string; headers: { key: string; value: string }[] }[];
export declare const MEDIA_PATH_PREFIX: string;
export declare const MEDIA_CSP: string;
