export declare function onLoopback(shipped: string, options: { port: number; prefix: string }): string;
export declare function clusterSiteConfig(
  shipped: string,
  options: { port: number; instancePorts: number[]; prefix: string; serverName?: string },
): string;
export declare function clusterMainConfig(options: { prefix: string; siteFile: string; runningAsRoot: boolean }): string;
