export declare const SCRIPT_POLICY_HEADER: "content-security-policy";
export declare const PAGES_WITH_SCRIPTS: ReadonlySet<string>;
export declare function pageRoute(headers: Record<string, unknown> | undefined): string | null;
export declare function withoutScripts(html: string): string;
export declare function inlineScriptHashes(html: string): string[];
export declare function scriptPolicy(html: string): string;
export declare function preparePage(value: { kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined): void;
