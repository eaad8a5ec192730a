/** The shape of one environment variable's declaration. */
export type VariableKind = 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'url' | 'list' | 'rate';

export interface VariableSpec {
  kind: VariableKind;
  group: string;
  doc: string;
  /** Default as the operator would write it; undefined means "unset". */
  default?: string;
  min?: number;
  /** For strings (secrets): the shortest accepted value. */
  minLength?: number;
  max?: number;
  values?: readonly string[];
  /** URL schemes a `url` variable accepts. */
  schemes?: readonly string[];
  /** Shown in .env.example instead of the default, e.g. for secrets. */
  example?: string;
}

export const v = (spec: VariableSpec): VariableSpec => spec;
