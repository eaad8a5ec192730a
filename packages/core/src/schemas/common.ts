import { Type, type Static } from 'typebox';

export const ErrorBodySchema = Type.Object(
  {
    error: Type.String({ description: 'Human-readable message.' }),
    code: Type.String({ description: 'Machine-readable UPPER_SNAKE error code.' }),
  },
  { $id: 'ErrorBody', additionalProperties: true },
);
export type ErrorBodyStatic = Static<typeof ErrorBodySchema>;
