export declare const DRAINING: unique symbol;
export declare const SHUTDOWN_HOOKS: unique symbol;
export declare function markDraining(): void;
export declare function isDraining(): boolean;
export declare function onShutdown(hook: () => void | Promise<void>): void;
export declare function runShutdownHooks(): Promise<void>;
