/* Generated from the server's OpenAPI document by scripts/api-types.mjs. Do not edit. */

export interface paths {
    "/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                    projectId?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            detail: string | null;
                            id: string;
                            projectId: string | null;
                            projectName: string | null;
                            status: string;
                            testId: string | null;
                            testName: string | null;
                            type: string;
                            userId: string | null;
                            userName: string | null;
                            workspaceId: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/artifacts/baselines/{testId}/{browser}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A baseline screenshot */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    browser: string;
                    file: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description image/png */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/artifacts/runs/{runId}/{testId}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A screenshot, trace or video of a run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                    runId: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The file: image/png, application/zip (Playwright trace), video/webm */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your account and the workspaces you own */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything Sentri stores about you (needs X-Account-Password) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exportedAt: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail a password-reset link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            resetToken?: string;
                            resetUrl?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/github/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finish signing in with GitHub */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                avatar: string | null;
                                createdAt?: string;
                                email: string;
                                emailVerified: boolean;
                                hasPassword: boolean;
                                id: string;
                                name: string;
                                /** @description Platform role, always "user"; workspace roles are in workspaceRole. */
                                role: string;
                                workspaceId?: string;
                                workspaceName?: string;
                                workspaceRole?: "admin" | "qa_lead" | "viewer";
                                workspaces?: {
                                    id: string;
                                    isOwner: boolean;
                                    name: string;
                                    role: "admin" | "qa_lead" | "viewer";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/google/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finish signing in with Google */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                avatar: string | null;
                                createdAt?: string;
                                email: string;
                                emailVerified: boolean;
                                hasPassword: boolean;
                                id: string;
                                name: string;
                                /** @description Platform role, always "user"; workspace roles are in workspaceRole. */
                                role: string;
                                workspaceId?: string;
                                workspaceName?: string;
                                workspaceRole?: "admin" | "qa_lead" | "viewer";
                                workspaces?: {
                                    id: string;
                                    isOwner: boolean;
                                    name: string;
                                    role: "admin" | "qa_lead" | "viewer";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: unknown;
                        password?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                avatar: string | null;
                                createdAt?: string;
                                email: string;
                                emailVerified: boolean;
                                hasPassword: boolean;
                                id: string;
                                name: string;
                                /** @description Platform role, always "user"; workspace roles are in workspaceRole. */
                                role: string;
                                workspaceId?: string;
                                workspaceName?: string;
                                workspaceRole?: "admin" | "qa_lead" | "viewer";
                                workspaces?: {
                                    id: string;
                                    isOwner: boolean;
                                    name: string;
                                    role: "admin" | "qa_lead" | "viewer";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out and revoke this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar: string | null;
                            createdAt?: string;
                            email: string;
                            emailVerified: boolean;
                            hasPassword: boolean;
                            id: string;
                            name: string;
                            /** @description Platform role, always "user"; workspace roles are in workspaceRole. */
                            role: string;
                            workspaceId?: string;
                            workspaceName?: string;
                            workspaceRole?: "admin" | "qa_lead" | "viewer";
                            workspaces?: {
                                id: string;
                                isOwner: boolean;
                                name: string;
                                role: "admin" | "qa_lead" | "viewer";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which OAuth sign-in buttons to show, and where they lead */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            github: {
                                /** @description The provider page the browser is sent to. */
                                authorizeUrl: string;
                                clientId: string;
                                /** @description Where the provider sends the browser back, with code and state. */
                                redirectUri: string;
                            } | null;
                            google: {
                                /** @description The provider page the browser is sent to. */
                                authorizeUrl: string;
                                clientId: string;
                                /** @description Where the provider sends the browser back, with code and state. */
                                redirectUri: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange this session for a fresh one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                avatar: string | null;
                                createdAt?: string;
                                email: string;
                                emailVerified: boolean;
                                hasPassword: boolean;
                                id: string;
                                name: string;
                                /** @description Platform role, always "user"; workspace roles are in workspaceRole. */
                                role: string;
                                workspaceId?: string;
                                workspaceName?: string;
                                workspaceRole?: "admin" | "qa_lead" | "viewer";
                                workspaces?: {
                                    id: string;
                                    isOwner: boolean;
                                    name: string;
                                    role: "admin" | "qa_lead" | "viewer";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: unknown;
                        name?: unknown;
                        password?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {boolean} */
                            requiresVerification?: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the verification link again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newPassword?: unknown;
                        token?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirm an e-mail address */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {boolean} */
                            verified: true;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which AI provider this workspace uses (no secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            color: string | null;
                            demoMode: boolean;
                            hasProvider: boolean;
                            model: string | null;
                            provider: string | null;
                            providerName: string;
                            supportedProviders: {
                                docsUrl: string;
                                id: string;
                                model: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals, pass rate, recent runs, defects, flakiness, growth */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avgRunDurationMs: number | null;
                            defectBreakdown: {
                                ASSERTION_FAIL: number;
                                NAVIGATION_FAIL: number;
                                SELECTOR_ISSUE: number;
                                TIMEOUT: number;
                                UNKNOWN: number;
                            };
                            flakyTestCount: number;
                            healingEntries: number;
                            healingSuccesses: number;
                            history: {
                                date: string;
                                failed: number;
                                passed: number;
                                total: number;
                            }[];
                            mttrMs: number | null;
                            passRate: number | null;
                            recentRuns: {
                                failed: number | null;
                                id: string;
                                passed: number | null;
                                projectId: string;
                                projectName: string | null;
                                startedAt: string;
                                status: string;
                                total: number | null;
                                type: string;
                            }[];
                            runsByStatus: {
                                aborted: number;
                                completed: number;
                                completed_empty: number;
                                failed: number;
                                running: number;
                            };
                            testGrowth: {
                                count: number;
                                week: string;
                            }[];
                            testsAutoFixed: number;
                            testsByReview: {
                                approved: number;
                                draft: number;
                                rejected: number;
                            };
                            testsByUrl: {
                                [key: string]: number;
                            };
                            testsCreatedThisWeek: number;
                            testsCreatedToday: number;
                            testsGeneratedTotal: number;
                            topFlakyTests: {
                                flakyScore: number;
                                name: string;
                                projectId: string;
                                testId: string;
                            }[];
                            totalActivities: number;
                            totalProjects: number;
                            totalRuns: number;
                            totalTests: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Clear the audit trail of this workspace */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cleared: number;
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/healing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget the self-healing history of this workspace */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cleared: number;
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete every finished run of this workspace */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cleared: number;
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of several runs on one connection (Server-Sent Events; the dashboard uses one per tab)
         * @description Every event carries `runId`. The SSE id is a cursor `RUN-1:12,RUN-2:5`; reconnecting with it (Last-Event-ID header or `lastEventId`) resumes each run after what was sent.
         */
        get: {
            parameters: {
                query: {
                    lastEventId?: string;
                    /** @description Comma-separated run ids (at most 20). */
                    runs: string;
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ollama/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the Ollama server answers and has the configured model */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            availableModels?: string[];
                            baseUrl?: string;
                            error?: string;
                            model?: string;
                            ok: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live projects of this workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            credentials: {
                                /** @enum {boolean} */
                                _hasAuth: true;
                                passwordSelector: string;
                                submitSelector: string;
                                usernameSelector: string;
                            } | null;
                            /** @description A visual regression fails the test (otherwise it is reported only). */
                            failOnVisualRegression: boolean;
                            id: string;
                            name: string;
                            status: string;
                            updatedAt: string;
                            url: string;
                            workspaceId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add an app to test */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        credentials?: unknown;
                        failOnVisualRegression?: unknown;
                        name?: unknown;
                        url?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            credentials: {
                                /** @enum {boolean} */
                                _hasAuth: true;
                                passwordSelector: string;
                                submitSelector: string;
                                usernameSelector: string;
                            } | null;
                            /** @description A visual regression fails the test (otherwise it is reported only). */
                            failOnVisualRegression: boolean;
                            id: string;
                            name: string;
                            status: string;
                            updatedAt: string;
                            url: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            credentials: {
                                /** @enum {boolean} */
                                _hasAuth: true;
                                passwordSelector: string;
                                submitSelector: string;
                                usernameSelector: string;
                            } | null;
                            /** @description A visual regression fails the test (otherwise it is reported only). */
                            failOnVisualRegression: boolean;
                            id: string;
                            name: string;
                            status: string;
                            updatedAt: string;
                            url: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move a project and its tests and runs to the recycle bin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deletedRuns: number;
                            deletedTests: number;
                            destroyedSchedule: boolean;
                            destroyedTokens: number;
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a project, move its URL or rotate its sign-in credentials */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        credentials?: unknown;
                        failOnVisualRegression?: unknown;
                        name?: unknown;
                        url?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            credentials: {
                                /** @enum {boolean} */
                                _hasAuth: true;
                                passwordSelector: string;
                                submitSelector: string;
                                usernameSelector: string;
                            } | null;
                            /** @description A visual regression fails the test (otherwise it is reported only). */
                            failOnVisualRegression: boolean;
                            id: string;
                            name: string;
                            status: string;
                            updatedAt: string;
                            url: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/projects/{id}/crawl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Explore the app in Chromium and generate draft tests from what was seen
         * @description `dialsConfig.exploreMode`: `crawl` (links) or `state` (also fills forms, searches, adds and removes list items, presses buttons). Unknown dials or values are refused with 400.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dialsConfig?: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/export/playwright": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approved tests as a standalone Playwright project (ZIP): npm install && npx playwright test */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description ZIP archive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where failure notifications go (webhook URLs shown whole to QA leads and admins only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                createdAt: string;
                                emailRecipients: string | null;
                                enabled: boolean;
                                id: string;
                                projectId: string;
                                slackWebhookUrl: string | null;
                                teamsWebhookUrl: string | null;
                                updatedAt: string;
                                webhookUrl: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove the notification settings */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Replace the notification channels (a channel left out is switched off) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Comma-separated addresses */
                        emailRecipients?: unknown;
                        enabled?: unknown;
                        slackWebhookUrl?: unknown;
                        teamsWebhookUrl?: unknown;
                        webhookUrl?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: {
                                createdAt: string;
                                emailRecipients: string | null;
                                enabled: boolean;
                                id: string;
                                projectId: string;
                                slackWebhookUrl: string | null;
                                teamsWebhookUrl: string | null;
                                updatedAt: string;
                                webhookUrl: string | null;
                            };
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/projects/{id}/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every attempt to deliver a notification or CI callback, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    runId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                /** @description teams, slack, email, webhook or callback */
                                channel: string;
                                createdAt: string;
                                durationMs: number;
                                error: string | null;
                                id: number;
                                ok: boolean;
                                runId: string;
                                status: number | null;
                                /** @description The e-mail address, or the URL with its secret path hidden. */
                                target: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run every approved test of a project in real browsers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description chromium, firefox or webkit; must be installed. */
                        browser?: string;
                        /** @description A Playwright device name, e.g. "iPhone 14". */
                        device?: string;
                        dialsConfig?: {
                            parallelWorkers?: number;
                        } & {
                            [key: string]: unknown;
                        };
                        geolocation?: {
                            latitude: number;
                            longitude: number;
                        };
                        locale?: string;
                        /** @description fast (default), slow3g or offline. */
                        networkCondition?: string;
                        timezoneId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs of a project, newest first (paged with page/pageSize) */
        get: {
            parameters: {
                query?: {
                    page?: string;
                    pageSize?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            browser: string | null;
                            device: string | null;
                            duration: number | null;
                            error: string | null;
                            errorCategory: string | null;
                            failed: number | null;
                            failedAfterRetry: number;
                            finishedAt: string | null;
                            flaky: number;
                            id: string;
                            locale: string | null;
                            networkCondition: string | null;
                            pagesFound: number | null;
                            parallelWorkers: number | null;
                            passed: number | null;
                            projectId: string;
                            retryCount: number;
                            startedAt: string;
                            /** @description running, completed, completed_empty, failed, aborted or interrupted */
                            status: string;
                            timezoneId: string | null;
                            total: number | null;
                            triggeredBy: string | null;
                            /** @description crawl, test_run or generate */
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[] | {
                            data: ({
                                browser: string | null;
                                device: string | null;
                                duration: number | null;
                                error: string | null;
                                errorCategory: string | null;
                                failed: number | null;
                                failedAfterRetry: number;
                                finishedAt: string | null;
                                flaky: number;
                                id: string;
                                locale: string | null;
                                networkCondition: string | null;
                                pagesFound: number | null;
                                parallelWorkers: number | null;
                                passed: number | null;
                                projectId: string;
                                retryCount: number;
                                startedAt: string;
                                /** @description running, completed, completed_empty, failed, aborted or interrupted */
                                status: string;
                                timezoneId: string | null;
                                total: number | null;
                                triggeredBy: string | null;
                                /** @description crawl, test_run or generate */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            meta: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's recurring run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            schedule: {
                                createdAt: string;
                                cronExpr: string;
                                enabled: boolean;
                                id: string;
                                lastRunAt: string | null;
                                nextRunAt: string | null;
                                projectId: string;
                                timezone: string;
                                updatedAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove the schedule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Create or replace the schedule (5-field cron in an IANA time zone) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description e.g. "0 2 * * 1-5" (02:00 on weekdays) */
                        cronExpr?: unknown;
                        enabled?: unknown;
                        /** @description IANA zone, default UTC */
                        timezone?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            schedule: {
                                createdAt: string;
                                cronExpr: string;
                                enabled: boolean;
                                id: string;
                                lastRunAt: string | null;
                                nextRunAt: string | null;
                                projectId: string;
                                timezone: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/projects/{id}/schedule/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What became of the latest due times: started, skipped and why, or missed while the server was down */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticks: {
                                detail: string | null;
                                dueAt: string;
                                /** @description started, skipped_active, skipped_no_tests, skipped_no_project, missed, failed (or claimed while starting) */
                                outcome: string;
                                recordedAt: string;
                                runId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tests of a project (paged and filtered with page/pageSize) */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    page?: string;
                    pageSize?: string;
                    reviewStatus?: string;
                    search?: string;
                    stale?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        }[] | {
                            data: {
                                /** @description Unified diff of playwrightCode when this edit changed it. */
                                _codeDiff?: string;
                                /** @enum {boolean} */
                                _codeStale?: true;
                                aiFixAppliedAt: string | null;
                                assertionEnhanced: boolean;
                                codeRegeneratedAt: string | null;
                                codeVersion: number;
                                createdAt: string;
                                description: string;
                                flakyScore: number;
                                generatedFrom: string | null;
                                id: string;
                                isApiTest: boolean | null;
                                isJourneyTest: boolean;
                                isStale: boolean;
                                journeyType: string | null;
                                lastResult: string | null;
                                lastRunAt: string | null;
                                linkedIssueKey: string | null;
                                modelUsed: string | null;
                                name: string;
                                pageTitle: string | null;
                                playwrightCode: string | null;
                                playwrightCodePrev: string | null;
                                priority: string;
                                projectId: string;
                                promptVersion: string | null;
                                qualityScore: number | null;
                                reviewedAt: string | null;
                                reviewStatus: "draft" | "approved" | "rejected";
                                revisionOf: string | null;
                                scenario: string | null;
                                sourceUrl: string | null;
                                steps: (string | {
                                    action: string;
                                    description?: string;
                                    expected?: string;
                                    selector?: string;
                                    url?: string;
                                    value?: string;
                                })[];
                                tags: string[];
                                type: string;
                                updatedAt: string;
                                workspaceId: string;
                            }[];
                            meta: {
                                hasMore: boolean;
                                page: number;
                                pageSize: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Write a test by hand (it starts as a draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/{testId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Move a test to the recycle bin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/{testId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Approve a test */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/projects/{id}/tests/{testId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reject a test */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/projects/{id}/tests/{testId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Restore a test */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/projects/{id}/tests/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject, restore or delete up to 500 tests at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tests: {
                                /** @description Unified diff of playwrightCode when this edit changed it. */
                                _codeDiff?: string;
                                /** @enum {boolean} */
                                _codeStale?: true;
                                aiFixAppliedAt: string | null;
                                assertionEnhanced: boolean;
                                codeRegeneratedAt: string | null;
                                codeVersion: number;
                                createdAt: string;
                                description: string;
                                flakyScore: number;
                                generatedFrom: string | null;
                                id: string;
                                isApiTest: boolean | null;
                                isJourneyTest: boolean;
                                isStale: boolean;
                                journeyType: string | null;
                                lastResult: string | null;
                                lastRunAt: string | null;
                                linkedIssueKey: string | null;
                                modelUsed: string | null;
                                name: string;
                                pageTitle: string | null;
                                playwrightCode: string | null;
                                playwrightCodePrev: string | null;
                                priority: string;
                                projectId: string;
                                promptVersion: string | null;
                                qualityScore: number | null;
                                reviewedAt: string | null;
                                reviewStatus: "draft" | "approved" | "rejected";
                                revisionOf: string | null;
                                scenario: string | null;
                                sourceUrl: string | null;
                                steps: (string | {
                                    action: string;
                                    description?: string;
                                    expected?: string;
                                    selector?: string;
                                    url?: string;
                                    value?: string;
                                })[];
                                tags: string[];
                                type: string;
                                updatedAt: string;
                                workspaceId: string;
                            }[];
                            updated: number;
                        } | {
                            deleted: number;
                            tests: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many tests are in each review state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            api: number;
                            approved: number;
                            draft: number;
                            failed: number;
                            passed: number;
                            rejected: number;
                            stale: number;
                            total: number;
                            ui: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/export/testrail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tests as a TestRail CSV import (optionally only one review status) */
        get: {
            parameters: {
                query?: {
                    status?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/export/zephyr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tests as a Zephyr Scale CSV import (optionally only one review status) */
        get: {
            parameters: {
                query?: {
                    status?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate draft tests from a description (streamed as llm_token events)
         * @description An attached OpenAPI document (`--- Attached file: name ---` block, JSON or YAML) becomes API contract tests without an AI provider; anything else needs one (503 otherwise).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: unknown;
                        dialsConfig?: unknown;
                        name?: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/tests/traceability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which tests cover which linked issue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            linkedIssues: number;
                            matrix: {
                                [key: string]: {
                                    lastResult: string | null;
                                    lastRunAt: string | null;
                                    name: string;
                                    priority: string;
                                    promptVersion: string | null;
                                    reviewStatus: string;
                                    scenario: string | null;
                                    tags: string[];
                                    testId: string;
                                    type: string;
                                }[];
                            };
                            projectId: string;
                            projectName: string;
                            totalTests: number;
                            unlinked: {
                                lastResult: string | null;
                                lastRunAt: string | null;
                                name: string;
                                priority: string;
                                promptVersion: string | null;
                                reviewStatus: string;
                                scenario: string | null;
                                tags: string[];
                                testId: string;
                                type: string;
                            }[];
                            unlinkedTests: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a regression run from CI
         * @description Authorization: Bearer <trigger token> (JWTs are not accepted). The callback URL receives {runId, status, passed, failed, total, error} when the run ends, however it ends.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callbackUrl?: unknown;
                        dialsConfig?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                            statusUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CI trigger tokens of a project (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            label: string | null;
                            lastUsedAt: string | null;
                            projectId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a CI trigger token; its plaintext is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            label: string | null;
                            /** @description 80 hex characters; store it as a CI secret now. */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger-tokens/{tid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a CI trigger token at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger/export/playwright": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Approved tests as a standalone Playwright project (ZIP), for CI
         * @description Authorization: Bearer <trigger token> (JWTs are not accepted).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description ZIP archive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Status of a run started from CI
         * @description Authorization: Bearer <trigger token> (JWTs are not accepted).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The run in the dashboard. */
                            detailUrl: string;
                            duration: number | null;
                            error: string | null;
                            failed: number;
                            finishedAt: string | null;
                            /** @description Passed only on a retry (counted in passed). */
                            flaky: number;
                            id: string;
                            passed: number;
                            skipped: number;
                            startedAt: string;
                            /** @description running, completed, failed, aborted or interrupted */
                            status: string;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger/runs/{runId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of a run, for CI (Server-Sent Events, resumes from Last-Event-ID)
         * @description Authorization: Bearer <trigger token> (JWTs are not accepted).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger/runs/{runId}/report.ctrf.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Common Test Report Format (CTRF) JSON of a run, for CI
         * @description Authorization: Bearer <trigger token> (JWTs are not accepted).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/trigger/runs/{runId}/report.junit.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * JUnit XML of a run (GitHub Actions, GitLab, Jenkins); retries and flaky tests kept visible, for CI
         * @description Authorization: Bearer <trigger token> (JWTs are not accepted).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purge/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a binned item for good */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recycle-bin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deleted projects, tests and runs, newest first (200 of each at most) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projects: ({
                                deletedAt: string | null;
                                id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            runs: ({
                                deletedAt: string | null;
                                id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            tests: ({
                                deletedAt: string | null;
                                id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/restore/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring a deleted project, test or run back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run with its per-test results and log */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            browser: string | null;
                            device: string | null;
                            duration: number | null;
                            error: string | null;
                            errorCategory: string | null;
                            failed: number | null;
                            failedAfterRetry: number;
                            finishedAt: string | null;
                            flaky: number;
                            id: string;
                            locale: string | null;
                            networkCondition: string | null;
                            pagesFound: number | null;
                            parallelWorkers: number | null;
                            passed: number | null;
                            projectId: string;
                            retryCount: number;
                            startedAt: string;
                            /** @description running, completed, completed_empty, failed, aborted or interrupted */
                            status: string;
                            timezoneId: string | null;
                            total: number | null;
                            triggeredBy: string | null;
                            /** @description crawl, test_run or generate */
                            type: string;
                        } & {
                            [key: string]: unknown;
                        }) & ({
                            /** @description The event sequence this view reflects. */
                            lastEventId: number;
                            logs: string[];
                            results: ({
                                attempts: ({
                                    durationMs: number;
                                    retry: number;
                                    status: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                attemptTraces: string[];
                                browser: string | null;
                                consoleLogs: string[];
                                durationMs: number | null;
                                error: string | null;
                                failedAfterRetry: boolean;
                                failureCategory: string | null;
                                healingEvents: {
                                    [key: string]: unknown;
                                }[];
                                network: unknown[];
                                retryCount: number;
                                screenshotPath: string | null;
                                startedAt: string | null;
                                /** @description passed, failed, flaky or skipped */
                                status: string;
                                stepCaptures: ({
                                    screenshotPath: string;
                                    step: number;
                                    title: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                steps: ({
                                    durationMs: number;
                                    error?: string;
                                    title: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                testId: string;
                                testName: string;
                                tracePath: string | null;
                                videoPath: string | null;
                                visualDiffs: {
                                    [key: string]: unknown;
                                }[];
                                visualRegression: boolean;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description {nodes, edges} of a crawl, or null */
                            siteGraph: unknown;
                            testQueue: unknown[];
                            tokenUsage: unknown;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}/abort": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a running run */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live events of a run (Server-Sent Events; resumes from Last-Event-ID) */
        get: {
            parameters: {
                query?: {
                    lastEventId?: string;
                    token?: string;
                };
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description text/event-stream: named events (log, step, result, heal, snapshot, frame, done) with `id:` = sequence; `: heartbeat` every 15 s */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}/report.ctrf.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Common Test Report Format (CTRF) JSON of a run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{runId}/report.junit.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JUnit XML of a run (GitHub Actions, GitLab, Jenkins); retries and flaky tests kept visible */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** AI provider settings, keys masked */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activeProvider: string | null;
                            anthropic: string;
                            google: string;
                            ollamaBaseUrl: string;
                            ollamaConfigured: boolean;
                            ollamaModel: string;
                            openai: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save an AI provider key or Ollama settings and make it active */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        apiKey?: unknown;
                        baseUrl?: unknown;
                        model?: unknown;
                        provider?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {boolean} */
                            ok: true;
                            provider: string;
                            providerName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget an AI provider key (or disable Ollama) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/{provider}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a provider with its saved settings (one tiny request) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How long the provider took to answer. */
                            latencyMs: number;
                            model: string;
                            /** @enum {boolean} */
                            ok: true;
                            provider: string;
                        } | {
                            /** @description auth, rate_limit, timeout, unreachable, provider_overload, request_rejected, malformed_reply … */
                            category: string;
                            /** @description The provider's refusal, with the key removed. */
                            error: string;
                            latencyMs: number;
                            model: string;
                            /** @enum {boolean} */
                            ok: false;
                            provider: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/system": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Describe this Sentri instance and what the current workspace holds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Enabled schedules of those projects. */
                            activeSchedules: number;
                            /** @description Activity entries of this workspace. */
                            activities: number;
                            /** @description Of those, approved. */
                            approvedTests: number;
                            browser: {
                                engine: string;
                                /** @description null for Playwright's own builds (firefox, webkit) and for a browser not found. */
                                executablePath: string | null;
                                found: boolean;
                            };
                            /** @description chromium, firefox and webkit: which of them runs can use here. */
                            browsers: {
                                engine: string;
                                /** @description null for Playwright's own builds (firefox, webkit) and for a browser not found. */
                                executablePath: string | null;
                                found: boolean;
                            }[];
                            database: {
                                dialect: "sqlite" | "postgres";
                            };
                            /** @description Of those, waiting for review. */
                            draftTests: number;
                            events: {
                                mode: "in-process" | "redis";
                            };
                            /** @description Self-healing memories of those projects' tests, binned tests included. */
                            healingEntries: number;
                            /** @description JavaScript heap in use by this process, in MB. */
                            memoryMB: number;
                            nodeVersion: string;
                            platform: string;
                            playwrightVersion: string | null;
                            /** @description Live projects of this workspace. */
                            projects: number;
                            queue: {
                                mode: "in-process" | "redis";
                            };
                            roles: string[];
                            /** @description Live runs of those projects, of every type. */
                            runs: number;
                            /** @description Live tests of those projects, in any review state. */
                            tests: number;
                            /** @description Seconds since the process started. */
                            uptime: number;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/system/client-error": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report an error the dashboard hit, for the server log */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        componentStack?: string;
                        message?: string;
                        stack?: string;
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/test-connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check that a URL answers (one HEAD request, redirects not followed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            /** @description The HTTP status the URL answered with, whatever it is. */
                            status: number;
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "UPSTREAM_UNREACHABLE";
                            /** @description Why the URL did not answer (DNS, connection, TLS, timeout). */
                            error: string;
                            /** @enum {boolean} */
                            ok: false;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tests of every project in this workspace */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    page?: string;
                    pageSize?: string;
                    reviewStatus?: string;
                    search?: string;
                    stale?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        }[] | {
                            data: {
                                /** @description Unified diff of playwrightCode when this edit changed it. */
                                _codeDiff?: string;
                                /** @enum {boolean} */
                                _codeStale?: true;
                                aiFixAppliedAt: string | null;
                                assertionEnhanced: boolean;
                                codeRegeneratedAt: string | null;
                                codeVersion: number;
                                createdAt: string;
                                description: string;
                                flakyScore: number;
                                generatedFrom: string | null;
                                id: string;
                                isApiTest: boolean | null;
                                isJourneyTest: boolean;
                                isStale: boolean;
                                journeyType: string | null;
                                lastResult: string | null;
                                lastRunAt: string | null;
                                linkedIssueKey: string | null;
                                modelUsed: string | null;
                                name: string;
                                pageTitle: string | null;
                                playwrightCode: string | null;
                                playwrightCodePrev: string | null;
                                priority: string;
                                projectId: string;
                                promptVersion: string | null;
                                qualityScore: number | null;
                                reviewedAt: string | null;
                                reviewStatus: "draft" | "approved" | "rejected";
                                revisionOf: string | null;
                                scenario: string | null;
                                sourceUrl: string | null;
                                steps: (string | {
                                    action: string;
                                    description?: string;
                                    expected?: string;
                                    selector?: string;
                                    url?: string;
                                    value?: string;
                                })[];
                                tags: string[];
                                type: string;
                                updatedAt: string;
                                workspaceId: string;
                            }[];
                            meta: {
                                hasMore: boolean;
                                page: number;
                                pageSize: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tests/{testId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One test */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a test; content changes send it back to review */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    testId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unified diff of playwrightCode when this edit changed it. */
                            _codeDiff?: string;
                            /** @enum {boolean} */
                            _codeStale?: true;
                            aiFixAppliedAt: string | null;
                            assertionEnhanced: boolean;
                            codeRegeneratedAt: string | null;
                            codeVersion: number;
                            createdAt: string;
                            description: string;
                            flakyScore: number;
                            generatedFrom: string | null;
                            id: string;
                            isApiTest: boolean | null;
                            isJourneyTest: boolean;
                            isStale: boolean;
                            journeyType: string | null;
                            lastResult: string | null;
                            lastRunAt: string | null;
                            linkedIssueKey: string | null;
                            modelUsed: string | null;
                            name: string;
                            pageTitle: string | null;
                            playwrightCode: string | null;
                            playwrightCodePrev: string | null;
                            priority: string;
                            projectId: string;
                            promptVersion: string | null;
                            qualityScore: number | null;
                            reviewedAt: string | null;
                            reviewStatus: "draft" | "approved" | "rejected";
                            revisionOf: string | null;
                            scenario: string | null;
                            sourceUrl: string | null;
                            steps: (string | {
                                action: string;
                                description?: string;
                                expected?: string;
                                selector?: string;
                                url?: string;
                                value?: string;
                            })[];
                            tags: string[];
                            type: string;
                            updatedAt: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/tests/{testId}/baselines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accepted screenshots of a test, by browser and step (0 = the final screenshot) */
        get: {
            parameters: {
                query?: {
                    browser?: string;
                };
                header?: never;
                path: {
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            browser: string;
                            createdAt: string;
                            height: number | null;
                            imagePath: string;
                            stepNumber: number;
                            testId: string;
                            updatedAt: string;
                            width: number | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tests/{testId}/baselines/{stepNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a baseline; the next run records a new one */
        delete: {
            parameters: {
                query?: {
                    browser?: string;
                };
                header?: never;
                path: {
                    stepNumber: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            browser: string;
                            deleted: number;
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tests/{testId}/baselines/{stepNumber}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a run's screenshot of this step the baseline */
        post: {
            parameters: {
                query?: {
                    browser?: string;
                };
                header?: never;
                path: {
                    stepNumber: string;
                    testId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        browser?: unknown;
                        runId?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baselinePath: string;
                            browser: string;
                            /** @enum {boolean} */
                            ok: true;
                            stepNumber: number;
                            testId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tests/{testId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One test's results across runs, newest first (limit 1–100, default 20) */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                };
                header?: never;
                path: {
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            browser: string | null;
                            device: string | null;
                            durationMs: number | null;
                            error: string | null;
                            errorCategory: string | null;
                            failedAfterRetry: boolean;
                            finishedAt: string | null;
                            /** @description Elements found by healing in that run. */
                            healCount: number;
                            /** @description Elements healing could not find. */
                            healFailures: number;
                            retryCount: number;
                            runId: string;
                            /** @description The status of the whole run (it may still be running). */
                            runStatus: string;
                            runType: string;
                            screenshotPath: string | null;
                            /** @description When the run started. */
                            startedAt: string;
                            /** @description passed, failed, flaky or skipped */
                            status: string;
                            /** @description The name the test had in that run. */
                            testName: string;
                            tracePath: string | null;
                            videoPath: string | null;
                            visualRegression: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tests/{testId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one test now, whatever its review status */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    testId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspaces the caller belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            isOwner: boolean;
                            name: string;
                            role: "admin" | "qa_lead" | "viewer";
                            slug: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            name: string;
                            ownerId: string;
                            slug: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the current workspace or change its slug */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: unknown;
                        slug?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            name: string;
                            ownerId: string;
                            slug: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/workspaces/current/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of the current workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar: string | null;
                            email: string;
                            id: string;
                            joinedAt: string;
                            name: string;
                            role: "admin" | "qa_lead" | "viewer";
                            userId: string;
                            workspaceId: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add a registered user to the current workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: unknown;
                        role?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar: string | null;
                            email: string;
                            id: string;
                            joinedAt: string;
                            name: string;
                            role: "admin" | "qa_lead" | "viewer";
                            userId: string;
                            workspaceId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/current/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            removed: true;
                            userId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            role: string;
                            /** @enum {boolean} */
                            updated: true;
                            userId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/workspaces/switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Act in another workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Machine-readable UPPER_SNAKE error code. */
                            code: string;
                            /** @description Human-readable message. */
                            error: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                avatar: string | null;
                                createdAt?: string;
                                email: string;
                                emailVerified: boolean;
                                hasPassword: boolean;
                                id: string;
                                name: string;
                                /** @description Platform role, always "user"; workspace roles are in workspaceRole. */
                                role: string;
                                workspaceId?: string;
                                workspaceName?: string;
                                workspaceRole?: "admin" | "qa_lead" | "viewer";
                                workspaces?: {
                                    id: string;
                                    isOwner: boolean;
                                    name: string;
                                    role: "admin" | "qa_lead" | "viewer";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
