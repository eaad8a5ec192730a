import { Type } from 'typebox';

const Role = Type.Union([Type.Literal('admin'), Type.Literal('qa_lead'), Type.Literal('viewer')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const UserSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Type.String({ description: 'Platform role, always "user"; workspace roles are in workspaceRole.' }),
  avatar: Nullable(Type.String()),
  hasPassword: Type.Boolean(),
  emailVerified: Type.Boolean(),
  workspaceId: Type.Optional(Type.String()),
  workspaceName: Type.Optional(Type.String()),
  workspaceRole: Type.Optional(Role),
  workspaces: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Role, isOwner: Type.Boolean() })),
  ),
  createdAt: Type.Optional(Type.String()),
});

export const SessionResponseSchema = Type.Object({ user: UserSchema });
export const MessageSchema = Type.Object({ message: Type.String() });

export const RegisterBodySchema = Type.Object({
  name: Type.Optional(Type.Unknown()),
  email: Type.Optional(Type.Unknown()),
  password: Type.Optional(Type.Unknown()),
});
export const RegisterResponseSchema = Type.Object({
  message: Type.String(),
  requiresVerification: Type.Optional(Type.Literal(true)),
});
export const LoginBodySchema = Type.Object({
  email: Type.Optional(Type.Unknown()),
  password: Type.Optional(Type.Unknown()),
});
export const EmailBodySchema = Type.Object({ email: Type.Optional(Type.Unknown()) });
export const ForgotResponseSchema = Type.Object({
  message: Type.String(),
  resetToken: Type.Optional(Type.String()),
  resetUrl: Type.Optional(Type.String()),
});
export const ResetBodySchema = Type.Object({
  token: Type.Optional(Type.Unknown()),
  newPassword: Type.Optional(Type.Unknown()),
});
export const VerifyQuerySchema = Type.Object({ token: Type.Optional(Type.String()) });
export const VerifyResponseSchema = Type.Object({ message: Type.String(), verified: Type.Literal(true) });
export const OAuthQuerySchema = Type.Object({
  code: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
});
/** What the dashboard needs to start an OAuth sign-in; never the client secret. */
const OAuthProviderSchema = Type.Object({
  authorizeUrl: Type.String({ description: 'The provider page the browser is sent to.' }),
  clientId: Type.String(),
  redirectUri: Type.String({ description: 'Where the provider sends the browser back, with code and state.' }),
});
export const OAuthProvidersResponseSchema = Type.Object({
  github: Nullable(OAuthProviderSchema),
  google: Nullable(OAuthProviderSchema),
});
export const DeleteAccountBodySchema = Type.Object({ password: Type.Optional(Type.Unknown()) });

export const WorkspaceSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  role: Role,
  isOwner: Type.Boolean(),
  createdAt: Type.String(),
});
export const WorkspaceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  ownerId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const WorkspaceUpdateBodySchema = Type.Object({
  name: Type.Optional(Type.Unknown()),
  slug: Type.Optional(Type.Unknown()),
});
export const SwitchBodySchema = Type.Object({ workspaceId: Type.String({ minLength: 1 }) });
export const MemberSchema = Type.Object({
  id: Type.String(),
  workspaceId: Type.String(),
  userId: Type.String(),
  role: Role,
  joinedAt: Type.String(),
  name: Type.String(),
  email: Type.String(),
  avatar: Nullable(Type.String()),
});
export const AddMemberBodySchema = Type.Object({
  email: Type.Optional(Type.Unknown()),
  role: Type.Optional(Type.Unknown()),
});
export const RoleBodySchema = Type.Object({ role: Type.Optional(Type.Unknown()) });
export const UserIdParamsSchema = Type.Object({ userId: Type.String() });
