export declare function cacheBase(): string;
export declare function fnv1a(s: string): string;
export declare function prune(dir: string, keep: number): void;
