export declare const SCRIPT_POLICY_HEADER: "content-security-policy";
export declare function inlineScriptHashes(html: string): string[];
export declare function scriptPolicy(hashes: readonly string[]): string;
export declare function attachScriptPolicy(value: { kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined): void;
