// Types of scripts/build.mjs, for the tests that import it.
export declare const ROOT: string;
export declare function inputsDigest(root?: string): string;
export declare function isStale(root?: string): boolean;
export declare function build(root?: string): void;
