import type { IncomingMessage } from 'node:http';

export declare const PEER_HEADER: 'x-toa-soan-peer';
export declare const PEER_HEADER_STAMPED: unique symbol;
export declare function stampPeer(req: Pick<IncomingMessage, 'headers' | 'socket'> & { rawHeaders?: string[] }): void;
export declare function declarePeerStamping(scope?: object): void;
